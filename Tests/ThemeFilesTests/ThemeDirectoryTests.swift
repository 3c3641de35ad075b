import Foundation
import Testing
import ThemeFiles

@Suite struct ThemeDirectoryTests {
    @Test func userThemesFollowXDGConfigHome() {
        #expect(UserThemes.directory(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/sam"])?.path == "/cfg/caseload/themes")
    }

    @Test func userThemesFallBackToHomeWhenXDGIsEmptyOrRelative() {
        #expect(UserThemes.directory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/sam"])?.path
            == "/home/sam/.config/caseload/themes")
        #expect(UserThemes.directory(environment: ["XDG_CONFIG_HOME": "cfg", "HOME": "/home/sam"])?.path
            == "/home/sam/.config/caseload/themes")
    }

    @Test func noUserThemesWithoutHomeOrXDG() {
        #expect(UserThemes.directory(environment: ["HOME": ""]) == nil)
        #expect(UserThemes.directory(environment: [:]) == nil)
    }

    private func shipped(from executable: String, files: Set<String>) -> String? {
        ShippedThemes.directory(executable: URL(fileURLWithPath: executable), exists: { files.contains($0.path) })?.path
    }

    @Test func shippedThemesBesideTheExecutable() {
        #expect(shipped(from: "/opt/caseload/caseload", files: ["/opt/caseload/themes/default.json"]) == "/opt/caseload/themes")
    }

    @Test func shippedThemesInstalledUnderShare() {
        let files: Set = ["/usr/local/share/caseload/themes/default.json", "/usr/local/bin/themes"]
        #expect(shipped(from: "/usr/local/bin/caseload", files: files) == "/usr/local/share/caseload/themes")
    }

    @Test func shippedThemesInThePackageForSwiftRun() {
        let files: Set = ["/work/main/Package.swift", "/work/main/themes/default.json"]
        #expect(shipped(from: "/work/main/.build/x86_64-unknown-linux-gnu/debug/caseload", files: files) == "/work/main/themes")
    }

    @Test func aPackageTooFarUpOrWithoutThemesIsNotUsed() {
        #expect(shipped(from: "/p/1/2/3/4/5/6/7/caseload", files: ["/p/Package.swift", "/p/themes/default.json"]) == nil)
        #expect(shipped(from: "/p/.build/debug/caseload", files: ["/p/Package.swift"]) == nil)
    }

    @Test func locateFindsThisRepositorysThemesFromTheTestBinary() {
        // The test runner lives in .build-themes/<triple>/debug, below this package.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        #expect(ShippedThemes.locate()?.path == repository.appendingPathComponent("themes").path)
    }
}
