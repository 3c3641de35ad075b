// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Caseload",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "caseload", targets: ["caseload"]),
        // For the fuzzing package in Fuzz/, which builds these with --sanitize=fuzzer.
        .library(name: "CaseloadStore", targets: ["CaseloadStore"]),
        .library(name: "OpenReferral", targets: ["OpenReferral"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // The only C: a shim over ncursesw with wide-character support and terminal-restoring signal handlers.
        .target(name: "CNCurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        // Domain: model and rules. Pure: no I/O, no clock reads.
        .target(name: "CaseloadKit"),
        // Reads Open Referral UK / HSDS service directories (JSON and CSV) into the directory's fields.
        .target(name: "OpenReferral", dependencies: ["CaseloadKit"]),
        // Exports and reports: session summaries, feedback to the referrer, the caseload report.
        // Pure: documents are built from records and an ExportContext, written by the caller.
        .target(name: "CaseloadReports", dependencies: ["CaseloadKit", "TerminalUI"]),
        // The data directory: layout, durable writes, lock, schema versions.
        .target(name: "CaseloadStore", dependencies: ["CaseloadKit"]),
        // Cell buffer, text width, widgets, key bindings. Knows nothing of ncurses.
        .target(name: "TerminalUI"),
        // Theme files: reading, checking and resolving them (inherits, palette), and finding the
        // shipped and the person's own themes.
        .target(name: "ThemeFiles", dependencies: ["TerminalUI"]),
        // Screens: state, update(state, event) -> effects, render(state) -> buffer. Saving is an
        // effect the executable runs, so the screens never touch the disk.
        .target(name: "CaseloadApp", dependencies: ["CaseloadKit", "CaseloadReports", "TerminalUI"]),
        // The only importer of CNCurses.
        .target(name: "CursesBackend", dependencies: ["CNCurses", "TerminalUI"]),
        .executableTarget(
            name: "caseload",
            dependencies: [
                "CaseloadKit", "CaseloadStore", "OpenReferral", "CaseloadReports", "CaseloadApp", "CursesBackend", "TerminalUI", "ThemeFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CaseloadKitTests", dependencies: ["CaseloadKit"]),
        .testTarget(name: "OpenReferralTests", dependencies: ["OpenReferral", "CaseloadKit"], exclude: ["Fixtures"]),
        .testTarget(name: "CaseloadReportsTests", dependencies: ["CaseloadReports", "CaseloadKit", "TerminalUI"], exclude: ["Golden"]),
        .testTarget(name: "CaseloadStoreTests", dependencies: ["CaseloadStore", "CaseloadKit", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "ThemeFilesTests", dependencies: ["ThemeFiles", "TerminalUI"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "CNCurses", "TerminalUI", "ThemeFiles"], exclude: ["Golden"]),
        .testTarget(
            name: "CaseloadAppTests",
            dependencies: ["CaseloadApp", "CaseloadKit", "TerminalUI"],
            exclude: ["Snapshots"]
        ),
        // Saves over and over on a store until the crash harness kills it (Tests/CrashHarnessTests).
        .executableTarget(name: "caseload-crash-worker", dependencies: ["CaseloadStore", "CaseloadKit"], path: "Tests/CrashWorker"),
        // Measures opening, keys, search and saves on generated caseloads (BENCHMARKS.md); run it from
        // a release build with scripts/benchmark.sh.
        .executableTarget(name: "caseload-bench", dependencies: ["CaseloadApp", "CaseloadKit", "CaseloadStore", "TerminalUI"],
                          path: "Benchmarks/CaseloadBench"),
        // Kills the crash worker at random moments and checks what it leaves on disk.
        .testTarget(name: "CrashHarnessTests", dependencies: ["caseload-crash-worker", "CaseloadStore", "CaseloadKit"]),
        // Drives the built binary in tmux as a person would.
        .testTarget(name: "EndToEndTests", dependencies: ["caseload"]),
    ],
    swiftLanguageModes: [.v6]
)
