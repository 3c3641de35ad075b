import CaseloadKit
import Foundation

/// Reads an Open Referral UK / HSDS service directory into `FeedService`s: JSON (a single HSDS 3
/// service, a list of services, or a paged list with `contents` (HSDS 3) or `content` (ORUK v1)),
/// or a folder of HSDS tabular CSV files. A file with any fault yields nothing but a `FeedError`.
public enum OpenReferralFeed {
    /// Reads a JSON file, or a folder of CSV tables holding at least `services.csv`.
    public static func read(path: String) throws(FeedError) -> [FeedService] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw FeedError(file: path, problem: "no such file or folder")
        }
        if isFolder.boolValue { return try readFolder(path) }
        if path.lowercased().hasSuffix(".csv") {
            throw FeedError(file: path, problem: "a CSV feed is read as a folder: give the folder that holds services.csv")
        }
        return try services(fromJSON: readBytes(path, naming: path), fileName: path)
    }

    /// The same from bytes already in memory: JSON only.
    public static func services(fromJSON bytes: [UInt8], fileName: String) throws(FeedError) -> [FeedService] {
        try checkUTF8(bytes, file: fileName)
        guard !bytes.isEmpty else { throw FeedError(file: fileName, problem: "the file is empty") }
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw FeedError(file: fileName, problem: "not valid JSON: \(error.description)")
        }
        return try JSONFeedShape.services(in: document, file: fileName)
    }

    /// CSV tables by file name (`"services.csv"` → its text); `folderName` names them in errors.
    public static func services(fromCSVTables tables: [String: String], folderName: String) throws(FeedError) -> [FeedService] {
        guard tables["services.csv"] != nil else { throw FeedError(file: folderName, problem: "missing services.csv") }
        do {
            return try CSVServiceReader.records(tables: tables).map(ServiceFlattening.feedService)
        } catch {
            throw FeedError(file: "\(folderName)/\(error.table)", place: error.place, problem: error.problem)
        }
    }

    private static func readFolder(_ path: String) throws(FeedError) -> [FeedService] {
        var folder = path
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        var tables: [String: String] = [:]
        for table in CSVServiceReader.tableFiles {
            let file = "\(folder)/\(table)"
            guard FileManager.default.fileExists(atPath: file) else { continue }
            let bytes = try readBytes(file, naming: file)
            try checkUTF8(bytes, file: file)
            tables[table] = String(decoding: bytes, as: UTF8.self)
        }
        return try services(fromCSVTables: tables, folderName: folder)
    }

    private static func readBytes(_ path: String, naming file: String) throws(FeedError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw FeedError(file: file, problem: "could not be read: \(error.localizedDescription)")
        }
    }

    /// Names the first byte that is not UTF-8, so the person can find it.
    private static func checkUTF8(_ bytes: [UInt8], file: String) throws(FeedError) {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return
            case .error:
                throw FeedError(file: file, problem: "not UTF-8 text (the first bad byte is at byte \(offset)); "
                    + "save the file as UTF-8")
            }
        }
    }
}
