import Foundation
import Glibc

/// Generates a caseload of each size (once; kept in the work folder for later runs), then measures
/// it in child processes and prints one table.
struct Runner {
    var sizes = [1_000, 10_000, 100_000]
    var work = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("caseload-bench")
    /// Openings to the first frame with the summary cache in place, of which the median is given.
    var opens = 5

    init(arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchFailure("\(flag) needs a value") }
            switch flag {
            case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--work": work = URL(fileURLWithPath: value)
            case "--opens": opens = max(1, Int(value) ?? opens)
            default: throw BenchFailure("unknown option \(flag)")
            }
        }
        guard !sizes.isEmpty else { throw BenchFailure("--sizes needs numbers such as 1000,10000") }
    }

    /// The executables built beside this one.
    private var binaries: URL { URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent() }

    func run() throws {
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var rows: [Measurement] = []
        for size in sizes {
            let directory = work.appendingPathComponent("caseload-\(size)")
            try generateIfMissing(size, in: directory)
            var row = Measurement(clients: size, storeBytes: DiskUsage.bytes(in: directory),
                                  clientBytes: DiskUsage.bytes(in: directory.appendingPathComponent("clients")))
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("cache"))
            let cold = try child("open", directory)
            row.firstFrameWithoutCache = cold.frame
            row.loadedWithoutCache = cold.values["loaded"]?.first ?? 0
            var warm: [ChildRun] = []
            for _ in 0..<opens { warm.append(try child("frame", directory)) }
            row.firstFrames = warm.map(\.frame)
            row.cachedRows = warm.last?.values["cached"]?.first ?? 0
            let keys = try child("keys", directory)
            row.loaded = keys.values["loaded"] ?? []
            row.keys = keys.values
            rows.append(row)
            print(row.progressLine)
            fflush(nil)
        }
        print("")
        print(Measurement.table(rows))
    }

    private func generateIfMissing(_ size: Int, in directory: URL) throws {
        guard !FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.json").path) else { return }
        try? FileManager.default.removeItem(at: directory)
        print("Generating \(size) clients in \(directory.path)…")
        fflush(nil)
        let generator = Process()
        generator.executableURL = binaries.appendingPathComponent("caseload")
        generator.arguments = ["demo", "--clients", String(size), "--dir", directory.path]
        try generator.run()
        generator.waitUntilExit()
        guard generator.terminationStatus == 0 else { throw BenchFailure("caseload demo --clients \(size) failed") }
    }

    struct ChildRun {
        /// From just before the process was started to its `frame` line, in milliseconds.
        var frame: Double
        var values: [String: [Double]]
    }

    /// Runs `caseload-bench MODE DIR` and reads its report lines.
    private func child(_ mode: String, _ directory: URL) throws -> ChildRun {
        let process = Process()
        process.executableURL = binaries.appendingPathComponent("caseload-bench")
        process.arguments = [mode, directory.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        var frame: Double?
        var text = ""
        let reader = pipe.fileHandleForReading
        while true {
            let data = reader.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if frame == nil && text.contains("frame ") {
                frame = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            }
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let frame else {
            throw BenchFailure("caseload-bench \(mode) \(directory.path) failed (exit \(process.terminationStatus))")
        }
        var values: [String: [Double]] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard let name = parts.first else { continue }
            values[String(name)] = parts.dropFirst().compactMap { Double($0) }
        }
        return ChildRun(frame: frame, values: values)
    }
}

enum DiskUsage {
    /// Bytes allocated on disk under `url`, as `du -s --block-size=1` counts them.
    static func bytes(in url: URL) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: url.path) else { return 0 }
        var total = 0
        for case let name as String in walker {
            var info = stat()
            if lstat(url.path + "/" + name, &info) == 0 { total += Int(info.st_blocks) * 512 }
        }
        return total
    }
}
