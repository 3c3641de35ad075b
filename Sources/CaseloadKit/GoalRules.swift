import Foundation

/// The rules for the action plan. Goals are never removed: steps no longer wanted are dropped, so
/// the plan keeps a record of what was tried. The screens ask for a discharged case to be reopened
/// before its plan changes.
extension Client {
    public func addingGoal(_ goal: Goal, at now: Date) throws(WorkError) -> Client {
        var changed = self
        changed.goals.append(try Self.checked(goal))
        changed.updatedAt = now
        return changed
    }

    /// Replaces the goal with the same id: its text, steps and their order.
    public func updatingGoal(_ goal: Goal, at now: Date) throws(WorkError) -> Client {
        guard let index = goals.firstIndex(where: { $0.id == goal.id }) else { throw .goalNotFound }
        var changed = self
        changed.goals[index] = try Self.checked(goal)
        changed.updatedAt = now
        return changed
    }

    /// Moves a goal up (negative) or down the plan, stopping at either end.
    public func movingGoal(id: UUID, by offset: Int, at now: Date) throws(WorkError) -> Client {
        guard goals.contains(where: { $0.id == id }) else { throw .goalNotFound }
        var changed = self
        changed.goals.move(id: id, by: offset)
        guard changed.goals != goals else { return self }
        changed.updatedAt = now
        return changed
    }

    private static func checked(_ goal: Goal) throws(WorkError) -> Goal {
        var goal = goal
        goal.text = goal.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !goal.text.isEmpty else { throw .goalNeedsText }
        return goal
    }
}
