import Foundation
import CaseloadKit
import TerminalUI

/// Validating a form through the domain and turning it into the changed client to save.
extension AppState {
    func workFormProblems(_ form: WorkForm) -> [String: String] {
        if case .client(let id, let isNew, _) = form.kind {
            let draft = ClientFormFields.draft(from: form.fields, base: ClientDraft())
            let problems = draft.validate(today: today, editing: isNew ? nil : clients[id])
            return Dictionary(uniqueKeysWithValues: problems.map { ($0.key.rawValue, $0.value) })
        }
        if form.kind == .settings { return SettingsForm.problems(form.fields) }
        if case .asset = form.kind {
            let problems = AssetFormFields.draft(from: form.fields).validate(today: today)
            return Dictionary(uniqueKeysWithValues: problems.map { ($0.key.rawValue, $0.value) })
        }
        guard let id = form.kind.clientID, let client = clients[id] else { return [:] }
        switch form.kind {
        case .client, .asset, .settings:
            return [:]
        case .connection(_, let connectionID, _):
            let draft = AssetFormFields.connectionDraft(from: form.fields, client: client)
            let problems = draft.validate(today: today, client: client, connectionID: connectionID)
            return Dictionary(uniqueKeysWithValues: problems.map { ($0.key.rawValue, $0.value) })
        case .contact:
            let draft = WorkForms.contactDraft(from: form.fields, base: contactBase(client, form.kind))
            let problems = draft.validate(today: today, now: now, timeZone: timeZone, client: client)
            return Dictionary(problems.map { (WorkForms.contactFieldKey($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        case .followUp:
            let draft = WorkForms.followUpDraft(from: form.fields, base: FollowUpDraft(today: today))
            return Dictionary(uniqueKeysWithValues: draft.validate(today: today, client: client).map { ($0.key.rawValue, $0.value) })
        case .cancelFollowUp:
            return form.fields.text("reason").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? ["reason": "Say why it is cancelled"] : [:]
        case .goal:
            return form.fields.text("text").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? ["text": "Write the goal, in the person's own words"] : [:]
        case .step:
            let draft = WorkForms.stepDraft(from: form.fields, base: StepDraft())
            return Dictionary(uniqueKeysWithValues: draft.validate().map { ($0.key.rawValue, $0.value) })
        }
    }

    mutating func submit(_ form: inout WorkForm) -> [Effect] {
        form.attemptedSave = true
        stack[stack.count - 1] = .work(form)
        let problems = workFormProblems(form)
        if let first = form.fields.first(where: { problems[$0.key] != nil }) {
            message = Message(error: "Not saved: \(problems.count) problem\(problems.count == 1 ? "" : "s") to fix. \(first.label.trimmingCharacters(in: .whitespaces)): \(problems[first.key]!)")
            form.focusKey = first.key
            stack[stack.count - 1] = .work(form)
            return []
        }
        if case .client(let id, true, let reference) = form.kind {
            do {
                let draft = ClientFormFields.draft(from: form.fields, base: ClientDraft())
                // A form recovered after a stop may hold a number issued since: never give it twice.
                let issued = clients.values.map(\.reference) + loadProblems.compactMap(\.reference)
                let unique = issued.contains(reference) ? ClientReference.next(existing: issued) : reference
                if unique != reference { savedMessage = "\(reference) was given to someone else meanwhile, so this client is \(unique)" }
                return [.save(try draft.newClient(id: id, reference: unique, today: today, now: now))]
            } catch {
                message = Message(error: "Not saved: \(error)")
                return []
            }
        }
        if case .asset(let id, _) = form.kind {
            do {
                let saving = try AssetFormFields.draft(from: form.fields).applied(to: assets[id], id: id, today: today, now: now)
                guard saving != assets[id] else {
                    stack.removeLast()
                    message = Message("No changes to save")
                    return []
                }
                return [.saveAsset(saving)]
            } catch {
                message = Message(error: "Not saved: \(error)")
                return []
            }
        }
        if form.kind == .settings {
            var saving = SettingsForm.settings(from: form.fields)
            saving.theme = settings.theme
            guard saving != settings else {
                stack.removeLast()
                message = Message("No changes to save")
                return []
            }
            return [.saveSettings(saving)]
        }
        guard let id = form.kind.clientID, let client = clients[id] else { return [] }
        do {
            let changed = try changedClient(client, by: form)
            if changed == client {
                stack.removeLast()
                message = Message("No changes to save")
                return []
            }
            return [.save(changed)]
        } catch {
            message = Message(error: "Not saved: \(error)")
            return []
        }
    }

    /// The client as the form would leave it, through the domain's rules.
    private func changedClient(_ client: Client, by form: WorkForm) throws -> Client {
        switch form.kind {
        case .asset, .settings:
            return client
        case .connection(_, let connectionID, let assetID):
            let draft = AssetFormFields.connectionDraft(from: form.fields, client: client)
            let event = try draft.event(today: today, client: client, connectionID: connectionID)
            if let connectionID {
                return try client.updatingConnection(id: connectionID, event: event, stepID: draft.stepID, at: now)
            }
            guard let asset = assets[assetID] else { throw WorkError.invalidConnection("That asset is no longer in the directory.") }
            return try client.connecting(to: asset, event: event, stepID: draft.stepID, at: now)
        case .client:
            return try ClientFormFields.draft(from: form.fields, base: ClientDraft(client: client)).applied(to: client, today: today, now: now)
        case .contact(_, let contactID, _):
            let draft = WorkForms.contactDraft(from: form.fields, base: contactBase(client, form.kind))
            let contact = try draft.build(id: contactID ?? UUID(), timeZone: timeZone)
            return contactID == nil
                ? try client.recording(contact, today: today, timeZone: timeZone, at: now)
                : try client.replacingContact(contact, timeZone: timeZone, at: now)
        case .followUp(_, let followUpID):
            let draft = WorkForms.followUpDraft(from: form.fields, base: FollowUpDraft(today: today))
            let built = try draft.build(id: followUpID ?? UUID())
            guard let followUpID, let existing = client.followUps.first(where: { $0.id == followUpID }) else {
                return try client.scheduling(built, at: now)
            }
            var changed = client
            if built.due != existing.due || built.time != existing.time {
                changed = try changed.reschedulingFollowUp(id: followUpID, to: built.due, time: built.time, at: now)
            }
            return try changed.updatingFollowUp(id: followUpID, purpose: built.purpose, mode: built.mode, at: now)
        case .cancelFollowUp(_, let followUpID):
            return try client.cancellingFollowUp(id: followUpID, reason: form.fields.text("reason").trimmingCharacters(in: .whitespacesAndNewlines),
                                                 on: today, at: now)
        case .goal(_, let goalID):
            let text = form.fields.text("text").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let goalID, var goal = client.goals.first(where: { $0.id == goalID }) else {
                return try client.addingGoal(Goal(text: text, createdOn: today), at: now)
            }
            guard goal.text != text else { return client }
            goal.text = text
            return try client.updatingGoal(goal, at: now)
        case .step(_, let goalID, let stepID):
            guard var goal = client.goals.first(where: { $0.id == goalID }) else { return client }
            let step = try WorkForms.stepDraft(from: form.fields, base: StepDraft()).build(id: stepID ?? UUID())
            if let index = goal.steps.firstIndex(where: { $0.id == step.id }) {
                guard goal.steps[index] != step else { return client }
                goal.steps[index] = step
            } else {
                goal.steps.append(step)
            }
            return try client.updatingGoal(goal, at: now)
        }
    }
}
