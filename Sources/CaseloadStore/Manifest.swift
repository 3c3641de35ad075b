import Foundation
import Glibc

/// `manifest.json`: marks a folder as a caseload and records the layout version of the whole folder.
struct Manifest: Codable, Equatable {
    static let fileName = "manifest.json"
    static let applicationName = "caseload"
    /// The newest folder layout this build can write. A higher one opens read-only.
    static let currentSchemaVersion = 1
    /// Far above the few lines it holds.
    static let sizeLimit = 1 << 20

    var application: String
    var schemaVersion: Int
    var createdAt: Date

    enum State: Equatable {
        case missing
        case found(schemaVersion: Int)
    }

    /// Reads and checks the manifest. A damaged or foreign manifest is an error that names the file
    /// and is never overwritten: it may be the only sign of what the folder holds.
    static func read(in directory: String, operations: FileOperations) throws(StoreError) -> State {
        let path = directory + "/" + fileName
        let bytes: [UInt8]
        do {
            bytes = try operations.readFile(path, sizeLimit)
        } catch {
            guard let reason = ReadProblem.reason(for: error, at: path, file: "the manifest", limit: sizeLimit)
            else { return .missing }
            throw .unusableManifest(path: path, reason: reason)
        }
        if let problem = DecodingProblem.encodingProblem(in: bytes) {
            throw .unusableManifest(path: path, reason: problem)
        }
        let decoder = StoreJSON.decoder()
        switch SchemaProbe.check(bytes, decoder: decoder, current: currentSchemaVersion) {
        case .newer(let found)?: return .found(schemaVersion: found)
        case .invalid(let reason)?: throw .unusableManifest(path: path, reason: reason)
        case .supported?, nil: break
        }
        let manifest: Manifest
        do {
            manifest = try decoder.decode(Manifest.self, from: Data(bytes))
        } catch {
            throw .unusableManifest(path: path, reason: DecodingProblem.reason(for: error, in: bytes))
        }
        guard manifest.application == applicationName else {
            throw .unusableManifest(
                path: path, reason: "belongs to \"\(manifest.application)\", not Caseload; choose another data folder")
        }
        return .found(schemaVersion: manifest.schemaVersion)
    }

    static func create(in directory: String, now: Date, operations: FileOperations) throws(StoreError) {
        let manifest = Manifest(application: applicationName, schemaVersion: currentSchemaVersion, createdAt: now)
        let path = directory + "/" + fileName
        let bytes: [UInt8]
        do {
            bytes = try StoreJSON.encode(manifest)
        } catch {
            throw .unusableManifest(path: path, reason: "could not be written: \(error)")
        }
        do {
            try operations.writeDurably(bytes, to: fileName, in: directory)
        } catch {
            throw .cannotWriteManifest(path: path, failure: error)
        }
    }
}
