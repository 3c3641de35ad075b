import Foundation

// caseload-bench: see BENCHMARKS.md. Run from a release build (scripts/benchmark.sh does it all).
let started = DispatchTime.now().uptimeNanoseconds
let usage = """
    usage: caseload-bench run [--sizes 1000,10000,100000] [--work DIR] [--opens 5]
           caseload-bench load-all DIR     read every client file in full, as opening does
           caseload-bench frame DIR        (child) open once, up to the first frame: for profiling
           caseload-bench open DIR         (child) open once: first frame, full load, peak memory
           caseload-bench keys DIR         (child) open, then time keys, searches and saves
    """

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    switch arguments.first {
    case "run":
        try Runner(arguments: Array(arguments.dropFirst())).run()
    case "load-all" where arguments.count == 2:
        try LoadAll.run(directory: URL(fileURLWithPath: arguments[1]))
    case "frame" where arguments.count == 2:
        try Session.run(directory: URL(fileURLWithPath: arguments[1]), started: started, until: .firstFrame)
    case "open" where arguments.count == 2:
        try Session.run(directory: URL(fileURLWithPath: arguments[1]), started: started, until: .loaded)
    case "keys" where arguments.count == 2:
        try Session.run(directory: URL(fileURLWithPath: arguments[1]), started: started, until: .keysTimed)
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("caseload-bench: \(error)\n".utf8))
    exit(1)
}
