import CaseloadKit
import Foundation

/// The result of reading the community-asset directory: the assets that could be read, and a
/// problem for each file that could not. A bad file never stops the others and is never changed.
public struct AssetLoad: Equatable, Sendable {
    /// In file-name order; sorting for display is the caller's business.
    public var assets: [Asset]
    public var problems: [FileProblem]

    public init(assets: [Asset] = [], problems: [FileProblem] = []) {
        self.assets = assets
        self.problems = problems
    }
}

/// Reads `assets/*.json`.
typealias AssetFileReader = RecordFileReader<Asset>

extension Asset: StoredRecord {
    static let folderName = "assets"
    static let kindName = "asset"
    static let fileDescription = "an asset file"
    /// `asset "Walking for Health"`, or `asset <uuid>` when it has no name.
    var saveLabel: String { "asset " + (name.isEmpty ? id.uuidString.lowercased() : "\"\(name)\"") }
    var auditSubject: AuditSubject { .asset(id: id, name: name) }
    var problemLabel: String { saveLabel }
    /// An asset's name is not unique and is never issued, so a damaged file has nothing to keep out of use.
    var reservedReference: String? { nil }
    static func reservedReference(in bytes: [UInt8]) -> String? { nil }
}
