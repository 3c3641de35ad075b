import Foundation

/// The fields of the plan-step form, in form order. Raw values name the fields in the screens.
public enum StepField: String, CaseIterable, Hashable, Sendable {
    case what
    case owner
    case ownerName
    case due
    case status
    case note

    public var label: String {
        switch self {
        case .what: "What"
        case .owner: "Who"
        case .ownerName: "Their name"
        case .due: "Due date"
        case .status: "Status"
        case .note: "Note"
        }
    }
}

/// The form for one step of a goal. Codable so that an unsaved form can be written to a recovery file.
public struct StepDraft: Hashable, Sendable, Codable {
    public var what: String
    public var owner: StepOwner
    /// Needed when `owner` is `.someoneElse`; dropped otherwise.
    public var ownerName: String
    /// Optional; any form `DateStyle.parse` reads. A past date is allowed: the step is then overdue.
    public var due: String
    public var status: StepStatus
    public var note: String

    public init() {
        what = ""
        owner = .person
        ownerName = ""
        due = ""
        status = .toDo
        note = ""
    }

    public init(step: PlanStep) {
        what = step.what
        owner = step.owner
        ownerName = step.ownerName
        due = step.due.map(DateStyle.screen) ?? ""
        status = step.status
        note = step.note
    }

    public struct Problems: Error, Equatable, Sendable, CustomStringConvertible {
        public let messages: [StepField: String]

        public var description: String {
            StepField.allCases.compactMap { messages[$0] }.joined(separator: "; ")
        }
    }

    public func validate() -> [StepField: String] {
        parse().messages
    }

    public func build(id: UUID) throws(Problems) -> PlanStep {
        let (dueDate, messages) = parse()
        guard messages.isEmpty else { throw Problems(messages: messages) }
        return PlanStep(id: id, what: what.trimmed, owner: owner,
                        ownerName: owner == .someoneElse ? ownerName.trimmed : "",
                        due: dueDate, status: status, note: note.trimmed)
    }

    private func parse() -> (due: CalendarDate?, messages: [StepField: String]) {
        var messages: [StepField: String] = [:]
        if what.trimmed.isEmpty { messages[.what] = "Say what the step is" }
        if owner == .someoneElse, ownerName.trimmed.isEmpty {
            messages[.ownerName] = "Say who will do it"
        }
        var dueDate: CalendarDate?
        if !due.trimmed.isEmpty {
            dueDate = DateStyle.parse(due)
            if dueDate == nil { messages[.due] = "Enter the due date as a date, for example 05-Dec-2026, or leave it blank" }
        }
        return (dueDate, messages)
    }
}
