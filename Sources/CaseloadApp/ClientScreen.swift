import Foundation
import CaseloadKit
import TerminalUI

/// The parts of a client's record, one at a time under a row of tabs.
public enum ClientSection: Int, CaseIterable, Sendable {
    case overview, contacts, plan, followUps, connections

    var title: String {
        switch self {
        case .overview: "Overview"
        case .contacts: "Contacts"
        case .plan: "Plan"
        case .followUps: "Follow-ups"
        case .connections: "Connections"
        }
    }
}

public struct ClientViewState: Sendable {
    public var id: UUID
    public var section: ClientSection = .overview
    /// Overview: the first line shown. Lists: the selected row.
    public var scroll = 0
    public var selection = 0

    public init(id: UUID, section: ClientSection = .overview) {
        self.id = id
        self.section = section
    }
}

enum ClientAction: Sendable {
    case back, nextSection, previousSection, edit, changeStatus, discharge, reopen
    case recordContact, scheduleFollowUp, addGoal, addStep, connect, open, cycleStepStatus, moveUp, moveDown, cancelFollowUp
    case exportDocument, up, down, pageUp, pageDown, top, bottom, help
}

enum ClientScreen {
    static let keys = KeyMap<ClientAction>([
        KeyBinding([.escape, .character("q")], .back, help: "Back", hint: "Back"),
        KeyBinding([.tab, .right], .nextSection, help: "Next section: overview, contacts, plan, follow-ups, connections", hint: "Section"),
        KeyBinding([.character("c")], .recordContact, help: "Record a contact (on a follow-up: complete it)", hint: "Contact"),
        KeyBinding([.character("f")], .scheduleFollowUp, help: "Schedule a follow-up", hint: "Follow-up"),
        KeyBinding([.character("g")], .addGoal, help: "Add a goal to the action plan", hint: "Goal"),
        KeyBinding([.character("a")], .connect, help: "Connect to a community asset (on a plan step: for that step)", hint: "Connect"),
        KeyBinding([.character("e")], .edit, help: "Edit the client's details", hint: "Edit"),
        KeyBinding([.character("E")], .exportDocument,
                   help: "Export: session summary of the selected (else latest) contact, or feedback letter to the referrer",
                   hint: "Export"),
        KeyBinding([.character("?"), .function(1)], .help, help: "Show this help", hint: "Help"),
        KeyBinding([.backTab, .left], .previousSection, help: "Previous section"),
        KeyBinding([.enter], .open, help: "Open the selected contact, goal, step, follow-up or connection (a connection: record what happened next)"),
        KeyBinding([.character("s")], .addStep, help: "Plan: add a step to the selected goal"),
        KeyBinding([.character(" ")], .cycleStepStatus, help: "Plan: step to do → doing → done"),
        KeyBinding([.character("K")], .moveUp, help: "Plan: move the selected goal or step up"),
        KeyBinding([.character("J")], .moveDown, help: "Plan: move the selected goal or step down"),
        KeyBinding([.character("x")], .cancelFollowUp, help: "Follow-ups: cancel the selected one (asks why)"),
        KeyBinding([.character("t")], .changeStatus, help: "Change status: waiting, contacting, active, on hold"),
        KeyBinding([.character("d")], .discharge, help: "Discharge (asks for reason, date and a note)"),
        KeyBinding([.character("r")], .reopen, help: "Reopen a discharged client"),
        KeyBinding([.up, .character("k")], .up, help: "Up"),
        KeyBinding([.down, .character("j")], .down, help: "Down"),
        KeyBinding([.pageUp], .pageUp, help: "Page up"),
        KeyBinding([.pageDown], .pageDown, help: "Page down"),
        KeyBinding([.home], .top, help: "Top"),
        KeyBinding([.end], .bottom, help: "Bottom"),
    ])
}

extension AppState {
    mutating func updateClientView(_ key: Key, _ view: ClientViewState) -> [Effect] {
        guard let action = ClientScreen.keys.action(for: key), let client = clients[view.id] else { return [] }
        var view = view
        defer { if case .client(let top) = stack.last, top.id == view.id { stack[stack.count - 1] = .client(view) } }
        switch action {
        case .back:
            stack.removeLast()
        case .nextSection, .previousSection:
            let all = ClientSection.allCases
            view.section = all[(view.section.rawValue + (action == .nextSection ? 1 : -1) + all.count) % all.count]
            view.scroll = 0
            view.selection = 0
        case .edit: return startEditing(client)
        case .changeStatus: startStatusChange(client)
        case .discharge: startDischarge(client)
        case .reopen: confirmReopen(client)
        case .help: modal = .help(scroll: 0)
        case .exportDocument: openExportMenu(client, view)
        case .recordContact:
            if view.section == .followUps, case .followUp(let followUp)? = selectedItem(client, view), followUp.state == .scheduled {
                openContactForm(client, completing: followUp)
            } else {
                openContactForm(client)
            }
        case .scheduleFollowUp: openFollowUpForm(client)
        case .connect:
            let step: PlanStep? = if view.section == .plan, case .step(_, let step)? = selectedItem(client, view) { step } else { nil }
            startConnecting(client, stepID: step?.id)
        case .addGoal: openGoalForm(client)
        case .addStep:
            guard let goal = selectedGoal(client, view) else {
                message = Message(error: client.goals.isEmpty ? "Add a goal first: press g" : "Open the Plan section and select a goal")
                return []
            }
            openStepForm(client, goal: goal)
        case .open: openSelected(client, view)
        case .cycleStepStatus: return cycleStepStatus(client, view)
        case .moveUp, .moveDown: return move(client, &view, by: action == .moveUp ? -1 : 1)
        case .cancelFollowUp:
            guard view.section == .followUps, case .followUp(let followUp)? = selectedItem(client, view), followUp.state == .scheduled else {
                message = Message(error: "Select a scheduled follow-up in the Follow-ups section to cancel it")
                return []
            }
            openCancelFollowUpForm(client, followUp)
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            scroll(&view, client, action)
        }
        return []
    }

    private func scroll(_ view: inout ClientViewState, _ client: Client, _ action: ClientAction) {
        let page = max(1, chrome.body.height - 3)
        let delta = switch action {
        case .up: -1
        case .down: 1
        case .pageUp: -page
        case .pageDown: page
        case .top: -Int.max / 2
        default: Int.max / 2
        }
        if view.section == .overview {
            let lines = clientLines(client, width: chrome.body.width - 2).count
            view.scroll = max(0, min(view.scroll.addingReportingOverflow(delta).partialValue, lines - chrome.body.height + 2))
        } else {
            let count = sectionItems(client, view.section).count
            view.selection = max(0, min(view.selection.addingReportingOverflow(delta).partialValue, count - 1))
        }
    }

    private mutating func openSelected(_ client: Client, _ view: ClientViewState) {
        switch selectedItem(client, view) {
        case .contact(let contact)?: openContactForm(client, editing: contact)
        case .goal(let goal)?: openGoalForm(client, editing: goal)
        case .step(let goal, let step)?: openStepForm(client, goal: goal, editing: step)
        case .connection(let connection)?: openConnectionForm(client, editing: connection)
        case .followUp(let followUp)?:
            if followUp.state == .scheduled {
                openFollowUpForm(client, editing: followUp)
            } else {
                message = Message("This follow-up is closed; schedule a new one with f")
            }
        case nil:
            if view.section == .overview { message = Message("Tab moves to contacts, plan and follow-ups") }
        }
    }

    private func selectedGoal(_ client: Client, _ view: ClientViewState) -> Goal? {
        guard view.section == .plan else { return client.goals.count == 1 ? client.goals[0] : nil }
        switch selectedItem(client, view) {
        case .goal(let goal)?, .step(let goal, _)?: return goal
        default: return nil
        }
    }

    private mutating func cycleStepStatus(_ client: Client, _ view: ClientViewState) -> [Effect] {
        guard view.section == .plan, refuseIfReadOnly(), refuseIfDischarged(client) else { return [] }
        guard case .step(var goal, var step)? = selectedItem(client, view) else {
            message = Message(error: "Select a step to change its status")
            return []
        }
        step.status = switch step.status {
        case .toDo: .doing
        case .doing: .done
        case .done, .dropped: .toDo
        }
        goal.steps[goal.steps.firstIndex { $0.id == step.id }!] = step
        do {
            let saving = try client.updatingGoal(goal, at: now)
            savedMessage = "Step “\(step.what)” is now \(step.status.label.lowercased()) (\(saving.goals.first { $0.id == goal.id }?.progressText ?? ""))"
            return [.save(saving)]
        } catch {
            message = Message(error: "\(error)")
            return []
        }
    }

    private mutating func move(_ client: Client, _ view: inout ClientViewState, by offset: Int) -> [Effect] {
        guard refuseIfReadOnly(), view.section == .plan, refuseIfDischarged(client) else { return [] }
        do {
            switch selectedItem(client, view) {
            case .goal(let goal)?:
                let moved = try client.movingGoal(id: goal.id, by: offset, at: now)
                guard moved.goals.map(\.id) != client.goals.map(\.id) else { return [] }
                view.selection = planRows(moved).firstIndex { if case .goal(let g) = $0 { g.id == goal.id } else { false } } ?? view.selection
                return [.save(moved)]
            case .step(var goal, let step)?:
                let before = goal.steps.map(\.id)
                goal.moveStep(id: step.id, by: offset)
                guard goal.steps.map(\.id) != before else { return [] }
                let moved = try client.updatingGoal(goal, at: now)
                view.selection = planRows(moved).firstIndex { if case .step(_, let s) = $0 { s.id == step.id } else { false } } ?? view.selection
                return [.save(moved)]
            default:
                return []
            }
        } catch {
            message = Message(error: "\(error)")
            return []
        }
    }
}
