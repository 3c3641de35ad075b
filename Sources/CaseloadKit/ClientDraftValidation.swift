import Foundation

/// The rules of the add/edit client form. Messages are written to sit beside the field.
extension ClientDraft {
    /// The earliest plausible date of birth.
    public static let earliestBirthDate = CalendarDate(year: 1900, month: 1, day: 1)!

    /// One message per field at fault; empty when the draft can be saved.
    /// When editing, pass the client so that the referral date is also checked against what has
    /// already happened to them (first contact, status changes, discharge).
    public func validate(today: CalendarDate, editing client: Client? = nil) -> [DraftField: String] {
        parse(today: today, editing: client).messages
    }

    /// The typed values that need reading, once they all read cleanly.
    struct Parsed {
        var dateOfBirth: CalendarDate?
        var nhsNumber: NHSNumber?
        var referralDate: CalendarDate
        var consent: Bool
    }

    func parse(today: CalendarDate, editing client: Client?) -> (values: Parsed?, messages: [DraftField: String]) {
        var messages: [DraftField: String] = [:]

        if Self.trimmed(name).isEmpty { messages[.name] = "Enter the person's name" }
        if Self.trimmed(practice).isEmpty { messages[.practice] = "Enter the GP practice" }

        var birth: CalendarDate?
        if let text = Self.optional(dateOfBirth) {
            if let date = DateStyle.parse(text) {
                if date > today {
                    messages[.dateOfBirth] = "Date of birth cannot be in the future"
                } else if date < Self.earliestBirthDate {
                    messages[.dateOfBirth] = "Date of birth cannot be before 1900"
                } else {
                    birth = date
                }
            } else {
                messages[.dateOfBirth] = "Enter the date of birth as a date, for example 23-Mar-1958"
            }
        }

        var nhs: NHSNumber?
        if let text = Self.optional(nhsNumber) {
            do {
                nhs = try NHSNumber(text)
            } catch {
                messages[.nhsNumber] = error.description
            }
        }

        if let text = Self.optional(phone), let problem = Self.phoneProblem(text) { messages[.phone] = problem }
        if let text = Self.optional(email), !Self.looksLikeEmail(text) {
            messages[.email] = "Enter an email address like name@example.org"
        }

        let referral = Self.optional(referralDate).flatMap(DateStyle.parse)
        if Self.optional(referralDate) == nil {
            messages[.referralDate] = "Enter the referral date"
        } else if let referral {
            if let problem = Self.referralProblem(referral, today: today, birth: birth, client: client) {
                messages[.referralDate] = problem
            }
        } else {
            messages[.referralDate] = "Enter the referral date as a date, for example \(DateStyle.screen(today))"
        }

        if consent == nil { messages[.consent] = "Say whether the person agreed to be contacted" }

        guard messages.isEmpty, let referral, let consent else { return (nil, messages) }
        return (Parsed(dateOfBirth: birth, nhsNumber: nhs, referralDate: referral, consent: consent), messages)
    }

    private static func referralProblem(_ date: CalendarDate, today: CalendarDate, birth: CalendarDate?,
                                        client: Client?) -> String? {
        if date > today { return "Referral date cannot be in the future" }
        if let birth, date < birth { return "Referral date is before the date of birth" }
        // Moving the referral after recorded events would make the waiting time negative and the history disordered.
        let events = [client?.firstContactDate, client?.discharge?.date].compactMap { $0 }
            + (client?.statusHistory.map(\.date) ?? [])
        if let earliest = events.min(), date > earliest {
            return "Referral date cannot be after \(DateStyle.screen(earliest)), the first activity on this record"
        }
        return nil
    }

    private static let phoneCharacters = Set("0123456789 +()-")

    static func phoneProblem(_ text: String) -> String? {
        guard text.allSatisfy(phoneCharacters.contains) else { return "Phone can contain only digits, spaces and + ( ) -" }
        guard text.contains(where: \.isWholeNumber) else { return "Enter a phone number with digits" }
        return nil
    }

    /// Deliberately loose: one @, something before it, and a dotted domain after it, no spaces.
    /// Anything stricter rejects real addresses.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
