import CaseloadKit
import Foundation

/// The readable copy's sections on the work planned and done, and on the changes saved.
extension SubjectAccessExport {
    static func plan(_ client: Client, into document: inout RecordDocument) {
        document.heading("Action plan")
        if client.goals.isEmpty { document.paragraph(noneRecorded) }
        for goal in client.goals {
            document.subheading("Goal: \(goal.text)")
            document.field("Agreed on", DateStyle.letter(goal.createdOn))
            document.field("Progress", goal.progressText)
            for step in goal.steps {
                var details = [RecordWording.owner(of: step)]
                if let due = step.due { details.append("due " + DateStyle.letter(due)) }
                details.append(step.status.label.lowercased())
                let note = RecordWording.nonBlank(step.note).map { ". " + $0 } ?? ""
                document.bullet("Step: \(step.what) (\(details.joined(separator: ", ")))\(note)")
            }
        }
    }

    static func followUps(_ client: Client, into document: inout RecordDocument) {
        document.heading("Follow-ups")
        if client.followUps.isEmpty { document.paragraph(noneRecorded) }
        // By day, for reading; the JSON keeps the stored order.
        for followUp in client.followUps.sorted(by: FollowUp.isEarlier) {
            let state = switch followUp.state {
            case .scheduled: "scheduled"
            case .completed(_, let on): "done on \(DateStyle.letter(on))"
            case .cancelled(let reason, let on): "cancelled on \(DateStyle.letter(on))"
                + (RecordWording.nonBlank(reason).map { ": " + $0 } ?? "")
            }
            let moved = followUp.previousDueDates.isEmpty ? ""
                : ". Moved from " + followUp.previousDueDates.map(DateStyle.letter).joined(separator: ", ")
            document.bullet("\(RecordWording.followUpLine(followUp)), \(state)\(moved)")
        }
    }

    static func connections(_ client: Client, assets: [UUID: Asset], into document: inout RecordDocument) {
        document.heading("Connections to community assets")
        if client.connections.isEmpty { document.paragraph(noneRecorded) }
        for connection in client.connections {
            let name = RecordWording.assetName(connection, assets: assets)
            document.subheading(name)
            if name != connection.assetName { document.field("Name when connected", connection.assetName) }
            document.field("For the step", connection.stepID.flatMap { id in
                client.goals.lazy.flatMap(\.steps).first { $0.id == id }?.what
            })
            for event in connection.history {
                let note = RecordWording.nonBlank(event.note).map { ". " + $0 } ?? ""
                document.bullet("\(DateStyle.letter(event.date)): \(event.state.label)\(note)")
            }
        }
    }

    /// Each saved change, oldest first: when, what kind, and each field before and after, as the
    /// audit log holds them (JSON values).
    static func changes(_ audit: [RecordedChange], timeZone: TimeZone, into document: inout RecordDocument) {
        document.heading("Changes on record (\(audit.count))")
        if audit.isEmpty { document.paragraph(noneRecorded) }
        for entry in audit {
            document.subheading("\(RecordWording.dateTime(entry.at, in: timeZone)): \(entry.action)")
            if entry.changes.isEmpty { document.paragraph("No fields changed.") }
            for field in entry.changes { document.change(path: field.path, before: field.before, after: field.after) }
        }
    }
}
