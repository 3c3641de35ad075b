import Foundation

/// Who takes a step of the action plan.
public enum StepOwner: String, Codable, Labelled {
    case person = "person"
    case linkWorker = "link-worker"
    /// Named in `PlanStep.ownerName`: a family member, a group leader, another service.
    case someoneElse = "someone-else"

    public var label: String {
        switch self {
        case .person: "The person"
        case .linkWorker: "Link worker"
        case .someoneElse: "Someone else"
        }
    }
}

public enum StepStatus: String, Codable, Labelled {
    case toDo = "to-do"
    case doing = "doing"
    case done = "done"
    /// No longer wanted. Kept, not deleted, so the plan shows what was tried.
    case dropped = "dropped"

    public var label: String {
        switch self {
        case .toDo: "To do"
        case .doing: "Doing"
        case .done: "Done"
        case .dropped: "Dropped"
        }
    }

    /// Still to be finished.
    public var isOpen: Bool { self == .toDo || self == .doing }
}

/// One small step towards a goal: who does what by when.
public struct PlanStep: Identifiable, Hashable, Sendable, Codable {
    public let id: UUID
    public var what: String
    public var owner: StepOwner
    /// Who "someone else" is; empty otherwise.
    public var ownerName: String
    public var due: CalendarDate?
    public var status: StepStatus
    public var note: String

    public init(id: UUID = UUID(), what: String, owner: StepOwner = .person, ownerName: String = "",
                due: CalendarDate? = nil, status: StepStatus = .toDo, note: String = "") {
        self.id = id
        self.what = what
        self.owner = owner
        self.ownerName = ownerName
        self.due = due
        self.status = status
        self.note = note
    }

    /// Open and past its due date.
    public func isOverdue(today: CalendarDate) -> Bool {
        guard let due, status.isOpen else { return false }
        return due < today
    }
}

/// A goal of the personalised care and support plan, in the person's own words. Goals are never
/// deleted; steps that are no longer wanted are dropped.
public struct Goal: Identifiable, Hashable, Sendable, Codable {
    public let id: UUID
    public var text: String
    public var createdOn: CalendarDate
    /// In the order agreed, easy wins first.
    public var steps: [PlanStep]

    public init(id: UUID = UUID(), text: String, createdOn: CalendarDate, steps: [PlanStep] = []) {
        self.id = id
        self.text = text
        self.createdOn = createdOn
        self.steps = steps
    }

    /// Steps done out of those still wanted: dropped steps count in neither.
    public var progress: (done: Int, total: Int) {
        let wanted = steps.filter { $0.status != .dropped }
        return (wanted.filter { $0.status == .done }.count, wanted.count)
    }

    /// "2/5 steps done", "no steps yet".
    public var progressText: String {
        let (done, total) = progress
        if steps.isEmpty { return "no steps yet" }
        if total == 0 { return "all steps dropped" }
        return "\(done)/\(total) \(total == 1 ? "step" : "steps") done"
    }

    /// Moves a step up (negative) or down, stopping at either end. Unknown ids change nothing.
    public mutating func moveStep(id: UUID, by offset: Int) {
        steps.move(id: id, by: offset)
    }
}

extension Array where Element: Identifiable {
    /// Moves the element with `id` by `offset` places, clamped to the ends.
    mutating func move(id: Element.ID, by offset: Int) {
        guard let from = firstIndex(where: { $0.id == id }) else { return }
        let to = Swift.min(Swift.max(from + offset, 0), count - 1)
        guard to != from else { return }
        insert(remove(at: from), at: to)
    }
}
