// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the readers of untrusted files; not part of CI. scripts/fuzz.sh builds them
// with --sanitize=fuzzer and runs one (see README.md). Each executable's one source file defines
// LLVMFuzzerTestOneInput and no main: libFuzzer brings its own.
let package = Package(
    name: "CaseloadFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Caseload", path: ".."),
    ],
    targets: [
        // A client file read through the store's loading path: every input is a client or a problem.
        .executableTarget(
            name: "FuzzClientFile",
            dependencies: [.product(name: "CaseloadStore", package: "Caseload")]),
        // An Open Referral feed, as JSON or as CSV tables: every input is services or a FeedError.
        .executableTarget(
            name: "FuzzOpenReferral",
            dependencies: [.product(name: "OpenReferral", package: "Caseload")]),
    ],
    swiftLanguageModes: [.v6]
)
