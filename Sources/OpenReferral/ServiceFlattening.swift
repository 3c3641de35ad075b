import CaseloadKit
import Foundation

/// Turns a `ServiceRecord` into the directory's flat fields, choosing among the places a feed
/// may put each one.
enum ServiceFlattening {
    static func feedService(_ record: ServiceRecord) -> FeedService {
        FeedService(
            serviceID: record.id,
            name: record.name,
            organisation: record.organization?.name ?? "",
            description: record.description,
            phone: phone(record),
            email: firstNonEmpty([record.email] + record.contacts.map(\.email)),
            website: firstNonEmpty([record.url, record.organization?.website ?? "", record.organization?.url ?? ""]),
            address: distinct(record.locations.map(address)).joined(separator: "; "),
            schedule: distinct((record.schedules + record.locations.flatMap(\.schedules)).map(ScheduleText.text))
                .joined(separator: "; "),
            eligibility: eligibility(record),
            cost: cost(record),
            status: record.status.lowercased(),
            topics: distinct(record.topics))
    }

    /// The service's own numbers; failing those its contacts', then its locations', then its
    /// organisation's: the nearer the number, the likelier it reaches the service.
    static func phone(_ record: ServiceRecord) -> String {
        let tiers = [
            record.phones,
            record.contacts.flatMap(\.phones),
            record.locations.flatMap(\.phones),
            record.organization?.phones ?? [],
        ]
        for tier in tiers {
            let numbers = distinct(tier.map(phoneText))
            if !numbers.isEmpty { return numbers.joined(separator: ", ") }
        }
        return ""
    }

    /// Some publishers wrap numbers in stray quotes (`"\"+44 1234 234567\""`).
    static func phoneText(_ phone: PhoneRecord) -> String {
        let number = phone.number.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"")))
        guard !number.isEmpty else { return "" }
        let extensionNumber = phone.extension.trimmed
        return extensionNumber.isEmpty ? number : "\(number) ext. \(extensionNumber)"
    }

    /// "MyCity Civic Center, 1-30 Main Street, MyVillage, MyCity, ABC 1234": the location's name,
    /// then its physical address (or its first, when none is marked physical). Region and country
    /// are left out: a local directory does not need them.
    static func address(_ location: LocationRecord) -> String {
        let chosen = location.addresses.first { $0.type.lowercased() == "physical" } ?? location.addresses.first
        let parts = [location.name] + (chosen.map { [$0.address1, $0.address2, $0.city, $0.postalCode] } ?? [])
        return parts.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    static func eligibility(_ record: ServiceRecord) -> String {
        let parts = [record.eligibilityDescription] + record.eligibilities + [ages(record)]
        return distinct(parts).joined(separator: "; ")
    }

    /// "Ages 12–100", "Ages 12 and over", "Ages up to 100", or empty.
    static func ages(_ record: ServiceRecord) -> String {
        switch (record.minimumAge, record.maximumAge) {
        case let (minimum?, maximum?): "Ages \(NumberText.plain(minimum))–\(NumberText.plain(maximum))"
        case let (minimum?, nil): "Ages \(NumberText.plain(minimum)) and over"
        case let (nil, maximum?): "Ages up to \(NumberText.plain(maximum))"
        case (nil, nil): ""
        }
    }

    /// The publisher's own words first, then the itemised options, then ORUK v1's `fees`.
    static func cost(_ record: ServiceRecord) -> String {
        firstNonEmpty([
            record.feesDescription,
            distinct(record.costOptions.map(costText)).joined(separator: "; "),
            record.fees,
        ])
    }

    /// "£35.00 per 1 hour session (Under 18s and Over 60s)"; "Free" for a zero amount.
    static func costText(_ option: CostOptionRecord) -> String {
        var price = ""
        if let amount = option.amount {
            price = amount == 0 ? "Free" : money(amount, currency: option.currency)
        }
        var text = [price, option.amountDescription].filter { !$0.isEmpty }.joined(separator: " ")
        if !option.option.isEmpty {
            text = text.isEmpty ? option.option : "\(text) (\(option.option))"
        }
        return text
    }

    /// A known currency takes its symbol; another keeps its code; none is left out rather than guessed.
    static func money(_ amount: Double, currency: String) -> String {
        let figure = abs(amount) < 1e15 ? String(format: "%.2f", amount) : NumberText.plain(amount)
        let symbols = ["GBP": "£", "EUR": "€", "USD": "$"]
        let code = currency.uppercased()
        if let symbol = symbols[code] { return symbol + figure }
        return code.isEmpty ? figure : "\(figure) \(code)"
    }

    static func firstNonEmpty(_ texts: [String]) -> String {
        texts.first { !$0.isEmpty } ?? ""
    }

    /// Non-empty texts, first occurrence kept, in order.
    static func distinct(_ texts: [String]) -> [String] {
        var seen: Set<String> = []
        return texts.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
