import Foundation
import Testing
@testable import CaseloadKit

@Suite struct ActionPlanTests {
    let later = Fixture.now.addingTimeInterval(60)

    static func goal(_ statuses: [StepStatus]) -> Goal {
        Goal(text: "Get out more", createdOn: Fixture.date("2026-01-20"),
             steps: statuses.enumerated().map { PlanStep(what: "Step \($0.offset + 1)", status: $0.element) })
    }

    @Test func countsDoneStepsAndLeavesDroppedOnesOut() {
        #expect(Self.goal([]).progressText == "no steps yet")
        #expect(Self.goal([]).progress == (0, 0))
        let goal = Self.goal([.done, .toDo, .doing, .dropped, .done])
        #expect(goal.progress == (2, 4))
        #expect(goal.progressText == "2/4 steps done")
        #expect(Self.goal([.toDo]).progressText == "0/1 step done")
        #expect(Self.goal([.dropped, .dropped]).progressText == "all steps dropped")
    }

    @Test func movesStepsAndStopsAtTheEnds() {
        var goal = Self.goal([.toDo, .toDo, .toDo, .toDo])
        let ids = goal.steps.map(\.id)
        goal.moveStep(id: ids[3], by: -2)
        #expect(goal.steps.map(\.id) == [ids[0], ids[3], ids[1], ids[2]])
        goal.moveStep(id: ids[3], by: -10)
        #expect(goal.steps.map(\.id) == [ids[3], ids[0], ids[1], ids[2]])
        goal.moveStep(id: ids[0], by: 99)
        #expect(goal.steps.map(\.id) == [ids[3], ids[1], ids[2], ids[0]])
        goal.moveStep(id: UUID(), by: 1)
        #expect(goal.steps.map(\.id) == [ids[3], ids[1], ids[2], ids[0]])
    }

    @Test func aStepIsOverdueWhileOpenAndPastItsDay() {
        var step = PlanStep(what: "Ring the lunch club", due: Fixture.date("2026-02-28"))
        #expect(step.isOverdue(today: Fixture.today))
        #expect(!step.isOverdue(today: Fixture.date("2026-02-28")))
        step.status = .done
        #expect(!step.isOverdue(today: Fixture.today))
        step.status = .doing
        step.due = nil
        #expect(!step.isOverdue(today: Fixture.today))
    }

    @Test func addsUpdatesAndReordersGoals() throws {
        let client = Fixture.client("C-0001", name: "Ama Owusu", status: .active, firstContact: "2026-01-12")
        let first = Goal(text: "  Walk to the shops again \n", createdOn: Fixture.date("2026-01-20"))
        let second = Goal(text: "Sort out the debts", createdOn: Fixture.date("2026-01-20"))
        var planned = try client.addingGoal(first, at: later).addingGoal(second, at: later)
        #expect(planned.goals.map(\.text) == ["Walk to the shops again", "Sort out the debts"])
        #expect(planned.updatedAt == later)

        var edited = planned.goals[0]
        edited.steps = [PlanStep(what: "Walk to the corner", status: .done)]
        planned = try planned.updatingGoal(edited, at: later)
        #expect(planned.goals[0].progressText == "1/1 step done")

        let moved = try planned.movingGoal(id: second.id, by: -1, at: later.addingTimeInterval(60))
        #expect(moved.goals.map(\.id) == [second.id, first.id])
        #expect(moved.updatedAt == later.addingTimeInterval(60))
        // Already at the top: nothing changes, not even the time.
        #expect(try moved.movingGoal(id: second.id, by: -1, at: later.addingTimeInterval(120)) == moved)
    }

    @Test func refusesEmptyGoalsAndUnknownOnes() throws {
        let client = Fixture.client("C-0001", name: "Ama Owusu", status: .active, firstContact: "2026-01-12")
        #expect(throws: WorkError.goalNeedsText) { try client.addingGoal(Goal(text: " \n ", createdOn: Fixture.today), at: later) }
        let goal = Goal(text: "Sleep better", createdOn: Fixture.today)
        var planned = try client.addingGoal(goal, at: later)
        planned.goals[0].text = ""
        #expect(throws: WorkError.goalNeedsText) { try client.addingGoal(goal, at: later).updatingGoal(planned.goals[0], at: later) }
        #expect(throws: WorkError.goalNotFound) { try client.updatingGoal(goal, at: later) }
        #expect(throws: WorkError.goalNotFound) { try client.movingGoal(id: goal.id, by: 1, at: later) }
    }

    @Test func labelsOwnersAndStatuses() {
        #expect(StepOwner.allCases.map(\.label) == ["The person", "Link worker", "Someone else"])
        #expect(StepStatus.allCases.map(\.label) == ["To do", "Doing", "Done", "Dropped"])
        #expect(StepStatus.allCases.map(\.rawValue) == ["to-do", "doing", "done", "dropped"])
        #expect(StepOwner.allCases.map(\.rawValue) == ["person", "link-worker", "someone-else"])
    }
}
