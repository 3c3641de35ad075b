import Foundation

/// Paths to the files in `Fixtures/`, found beside this source file.
enum FixtureFiles {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String {
        folder.appendingPathComponent(relative).path
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(relative)))
    }

    /// The CSV files of a folder by name, as `OpenReferralFeed.services(fromCSVTables:)` takes them.
    static func tables(_ relative: String) throws -> [String: String] {
        let folderURL = folder.appendingPathComponent(relative)
        var tables: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folderURL.path) where name.hasSuffix(".csv") {
            tables[name] = try String(contentsOf: folderURL.appendingPathComponent(name), encoding: .utf8)
        }
        return tables
    }
}
