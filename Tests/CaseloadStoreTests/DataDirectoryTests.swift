@testable import CaseloadStore
import Foundation
import Testing

@Suite("Data directory resolution")
struct DataDirectoryTests {
    let full = ["CASELOAD_DIR": "/env/caseload", "XDG_DATA_HOME": "/xdg", "HOME": "/home/lw"]

    @Test func flagWinsOverEverything() throws {
        #expect(try DataDirectory.resolve(flag: "/flag/dir", environment: full).path == "/flag/dir")
    }

    @Test func caseloadDirWinsOverXDG() throws {
        #expect(try DataDirectory.resolve(flag: nil, environment: full).path == "/env/caseload")
    }

    @Test func xdgDataHomeGetsACaseloadFolder() throws {
        var env = full
        env["CASELOAD_DIR"] = nil
        #expect(try DataDirectory.resolve(flag: nil, environment: env).path == "/xdg/caseload")
    }

    @Test func homeIsTheLastResort() throws {
        #expect(try DataDirectory.resolve(flag: nil, environment: ["HOME": "/home/lw"]).path
            == "/home/lw/.local/share/caseload")
    }

    @Test func emptyValuesCountAsUnset() throws {
        let env = ["CASELOAD_DIR": "", "XDG_DATA_HOME": "", "HOME": "/home/lw"]
        #expect(try DataDirectory.resolve(flag: "", environment: env).path == "/home/lw/.local/share/caseload")
    }

    @Test func relativeXDGDataHomeIsIgnored() throws {
        let env = ["XDG_DATA_HOME": "relative/data", "HOME": "/home/lw"]
        #expect(try DataDirectory.resolve(flag: nil, environment: env).path == "/home/lw/.local/share/caseload")
    }

    @Test func relativeFlagIsTakenFromTheCurrentDirectory() throws {
        let url = try DataDirectory.resolve(flag: "my-data", environment: [:])
        #expect(url.path == FileManager.default.currentDirectoryPath + "/my-data")
    }

    @Test func noHomeIsAClearError() {
        let error = #expect(throws: StoreError.self) {
            try DataDirectory.resolve(flag: nil, environment: ["XDG_DATA_HOME": "relative"])
        }
        #expect(error == .noDataDirectory)
        #expect(error?.description.contains("--data-dir") == true)
    }

    @Test func trailingSlashesAndDotsAreTidied() throws {
        #expect(try DataDirectory.resolve(flag: "/a/./b/../c/", environment: [:]).path == "/a/c")
    }
}
