import Foundation

/// The link worker's own details, set once and used in every export: who wrote the summary, who to
/// contact about it. Kept in `settings.json` in the data folder.
public struct WorkerSettings: Hashable, Sendable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var name: String
    /// For example "Social prescribing link worker".
    public var role: String
    /// The employing organisation or primary care network.
    public var organisation: String
    public var phone: String
    public var email: String
    /// The colour theme chosen in the theme picker: a name, or a theme file's absolute path; nil for the standard one.
    public var theme: String?

    public init(name: String = "", role: String = "", organisation: String = "", phone: String = "", email: String = "") {
        self.schemaVersion = WorkerSettings.currentSchemaVersion
        self.name = name
        self.role = role
        self.organisation = organisation
        self.phone = phone
        self.email = email
    }

    /// Every field is optional in the file, so a settings file written by hand with only a name works.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? WorkerSettings.currentSchemaVersion
        guard version <= WorkerSettings.currentSchemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemaVersion, in: container,
                debugDescription: "written by a newer version of Caseload (schema \(version))")
        }
        schemaVersion = WorkerSettings.currentSchemaVersion
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        role = try container.decodeIfPresent(String.self, forKey: .role) ?? ""
        organisation = try container.decodeIfPresent(String.self, forKey: .organisation) ?? ""
        phone = try container.decodeIfPresent(String.self, forKey: .phone) ?? ""
        email = try container.decodeIfPresent(String.self, forKey: .email) ?? ""
        theme = try container.decodeIfPresent(String.self, forKey: .theme)
    }

    /// Nothing filled in yet.
    public var isEmpty: Bool {
        [name, role, organisation, phone, email].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The filled-in details, one per line, in the order a letter's signature gives them:
    /// name, role, organisation, phone, email.
    public var signatureLines: [String] {
        [name, role, organisation, phone.isEmpty ? "" : "Phone: \(phone)", email.isEmpty ? "" : "Email: \(email)"]
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

/// The fields of the settings screen, in screen order.
public enum SettingsField: String, CaseIterable, Hashable, Sendable {
    case name, role, organisation, phone, email

    public var label: String {
        switch self {
        case .name: "Your name"
        case .role: "Role"
        case .organisation: "Organisation"
        case .phone: "Phone"
        case .email: "Email"
        }
    }

    /// What the field is for, shown under it.
    public var hint: String {
        switch self {
        case .name: "Signs session summaries, letters to referrers and reports"
        case .role: "For example Social prescribing link worker"
        case .organisation: "Your practice, primary care network or organisation"
        case .phone: "Where referrers can reach you about a letter"
        case .email: "For example sam.patel@nhs.net"
        }
    }

    public func value(in settings: WorkerSettings) -> String {
        switch self {
        case .name: settings.name
        case .role: settings.role
        case .organisation: settings.organisation
        case .phone: settings.phone
        case .email: settings.email
        }
    }
}

extension WorkerSettings {
    /// Settings with each field as typed, trimmed.
    public init(values: [SettingsField: String]) {
        func value(_ field: SettingsField) -> String { (values[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        self.init(name: value(.name), role: value(.role), organisation: value(.organisation),
                  phone: value(.phone), email: value(.email))
    }

    /// One message per field at fault. Everything is optional; what is given must look right,
    /// because it goes out on letters.
    public func validate() -> [SettingsField: String] {
        var messages: [SettingsField: String] = [:]
        if !phone.isEmpty, let problem = ClientDraft.phoneProblem(phone) { messages[.phone] = problem }
        if !email.isEmpty, !ClientDraft.looksLikeEmail(email) { messages[.email] = "Enter an email address like name@example.org" }
        return messages
    }
}
