/// Keys every home view (caseload, agenda, directory) shares.
enum HomeKeys {
    static let reportHelp = "Caseload report: referrals, waits, contacts, outcomes"
    static let settingsHelp = "Settings: your details, to sign exports"
    static let themeHelp = "Colour theme: preview and choose"
}
