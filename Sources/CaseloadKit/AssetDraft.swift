import Foundation

/// The fields of the asset form, in form order. Raw values name the fields in the screens.
public enum AssetField: String, CaseIterable, Hashable, Sendable {
    case name
    case organisation
    case categories
    case capacity
    case description
    case schedule
    case address
    case phone
    case email
    case website
    case eligibility
    case cost
    case lastChecked
    case checkedBy
    case notes

    public var label: String {
        switch self {
        case .name: "Name"
        case .organisation: "Organisation"
        case .categories: "Categories"
        case .capacity: "Capacity"
        case .description: "Description"
        case .schedule: "When it runs"
        case .address: "Address or area"
        case .phone: "Phone"
        case .email: "Email"
        case .website: "Website"
        case .eligibility: "Who it is for"
        case .cost: "Cost"
        case .lastChecked: "Last checked"
        case .checkedBy: "Checked by"
        case .notes: "Notes"
        }
    }
}

/// What the asset form holds, as typed. Codable so that an unsaved form can be recovered.
public struct AssetDraft: Hashable, Sendable, Codable {
    public var name = ""
    public var organisation = ""
    public var categories: [NeedCategory] = []
    public var capacity: AssetCapacity = .unknown
    public var description = ""
    public var schedule = ""
    public var address = ""
    public var phone = ""
    public var email = ""
    public var website = ""
    public var eligibility = ""
    public var cost = ""
    /// Any form `DateStyle.parse` reads; blank when never checked.
    public var lastChecked = ""
    public var checkedBy = ""
    public var notes = ""

    public init() {}

    public init(asset: Asset) {
        name = asset.name
        organisation = asset.organisation
        categories = asset.categories
        capacity = asset.capacity
        description = asset.description
        schedule = asset.schedule
        address = asset.address
        phone = asset.phone
        email = asset.email
        website = asset.website
        eligibility = asset.eligibility
        cost = asset.cost
        lastChecked = asset.lastChecked.map { DateStyle.screen($0.date) } ?? ""
        checkedBy = asset.lastChecked?.by ?? ""
        notes = asset.notes
    }

    public struct Problems: Error, Equatable, Sendable, CustomStringConvertible {
        public let messages: [AssetField: String]

        public var description: String {
            AssetField.allCases.compactMap { messages[$0] }.joined(separator: "; ")
        }
    }

    public func validate(today: CalendarDate) -> [AssetField: String] {
        parse(today: today).messages
    }

    /// The asset with these details: `existing` keeps its id, source, topics and history; nil makes a new one.
    public func applied(to existing: Asset?, id: UUID, today: CalendarDate, now: Date) throws(Problems) -> Asset {
        let (checked, messages) = parse(today: today)
        guard messages.isEmpty else { throw Problems(messages: messages) }
        var asset = existing ?? Asset(id: id, name: "", createdAt: now)
        asset.name = name.trimmed
        asset.organisation = organisation.trimmed
        asset.categories = NeedCategory.allCases.filter(categories.contains)
        asset.capacity = capacity
        asset.description = description.trimmed
        asset.schedule = schedule.trimmed
        asset.address = address.trimmed
        asset.phone = phone.trimmed
        asset.email = email.trimmed
        asset.website = website.trimmed
        asset.eligibility = eligibility.trimmed
        asset.cost = cost.trimmed
        asset.lastChecked = checked.map { AssetCheck(date: $0, by: checkedBy.trimmed) }
        asset.notes = notes.trimmed
        if asset != existing { asset.updatedAt = now }
        return asset
    }

    private func parse(today: CalendarDate) -> (checked: CalendarDate?, messages: [AssetField: String]) {
        var messages: [AssetField: String] = [:]
        if name.trimmed.isEmpty { messages[.name] = "Give the asset a name" }
        let email = email.trimmed
        if !email.isEmpty, !(email.contains("@") && !email.contains(" ")) {
            messages[.email] = "Enter an email address such as hello@example.org, or leave it blank"
        }
        var checked: CalendarDate?
        if !lastChecked.trimmed.isEmpty {
            checked = DateStyle.parse(lastChecked)
            if let date = checked, date > today {
                messages[.lastChecked] = "The last check cannot be in the future"
            } else if checked == nil {
                messages[.lastChecked] = "Enter a date, for example 21-Nov-2026, or leave it blank"
            }
        } else if !checkedBy.trimmed.isEmpty {
            messages[.lastChecked] = "Say when it was checked, or clear “Checked by”"
        }
        return (checked, messages)
    }
}
