import Foundation
import CaseloadKit
import TerminalUI

/// One line of the client view before it is drawn.
enum ViewLine {
    case heading(String)
    case field(String, String, Style)
    case text(String, Style)
    case blank
}

extension AppState {
    /// Every field of the client, risk first, wrapped to `width`.
    func clientLines(_ client: Client, width: Int) -> [ViewLine] {
        var lines: [ViewLine] = []
        let wrapWidth = max(10, width - 2)
        if client.hasRisk {
            lines.append(.text("⚠ RISK / SAFEGUARDING", Style(.risk, [.reverse])))
            for line in TextWidth.wrap(client.riskNote, width: wrapWidth) { lines.append(.text(line, Style(.risk))) }
            lines.append(.blank)
        }
        if client.discussInSupervision {
            lines.append(.text("● Flagged to discuss in supervision", Style(.warning)))
            lines.append(.blank)
        }
        func optional(_ text: String?) -> String { text.flatMap { $0.isEmpty ? nil : $0 } ?? "—" }
        lines += workLines(client, wrapWidth: wrapWidth)

        lines.append(.heading("Person"))
        lines.append(.field("Name", client.name, Style(.normal, [.bold])))
        lines.append(.field("Preferred name", optional(client.preferredName), .normal))
        let birth = client.dateOfBirth.map { "\(DateStyle.screen($0)) (age \($0.age(on: today)))" }
        lines.append(.field("Date of birth", optional(birth), .normal))
        lines.append(.field("NHS number", optional(client.nhsNumber?.formatted), .normal))
        lines.append(.field("Reference", client.reference, .normal))
        lines.append(.blank)

        lines.append(.heading("Contact"))
        lines.append(.field("Phone", optional(client.phone), .normal))
        lines.append(.field("Email", optional(client.email), .normal))
        lines.append(.field("Address", optional(client.address), .normal))
        lines.append(.field("Preferred contact", optional(client.preferredContact?.label), .normal))
        lines.append(.field("GP practice", client.practice, .normal))
        lines.append(.blank)

        lines.append(.heading("Referral"))
        let referral = client.referral
        lines.append(.field("Referred on", DateStyle.screen(referral.date), .normal))
        let referrer = [referral.referrerName, referral.referrerRole.label].filter { !$0.isEmpty }.joined(separator: ", ")
        lines.append(.field("Referred by", referrer, .normal))
        lines.append(.field("Needs", referral.needs.isEmpty ? "—" : referral.needs.map(\.label).joined(separator: "; "), .normal))
        lines.append(.field("Consent to contact", referral.consentToContact ? "Yes" : "No", referral.consentToContact ? .normal : Style(.warning)))
        let share = referral.consentToShare.map { $0 ? "Yes" : "No: feedback gives codes, status and dates only" } ?? "Not asked yet"
        lines.append(.field("Share with referrer", share, .normal))
        lines.append(.field("Reason", "", .normal))
        for line in TextWidth.wrap(referral.reason.isEmpty ? "—" : referral.reason, width: wrapWidth - 2) {
            lines.append(.text("  " + line, .normal))
        }
        lines.append(.blank)

        lines.append(.heading("Status"))
        lines.append(.field("Status", client.status.label, Style(.normal, [.bold])))
        if let waited = client.daysWaiting(today: today) {
            let label = client.firstContactDate == nil ? "Waiting so far" : "Waited"
            lines.append(.field(label, "\(waited) day\(waited == 1 ? "" : "s") from referral", .normal))
        }
        if let first = client.firstContactDate {
            lines.append(.field("First contact", DateStyle.screen(first), .normal))
        }
        if let discharge = client.discharge {
            lines.append(.field("Discharged", "\(DateStyle.screen(discharge.date)): \(discharge.reason.label)", .normal))
            if !discharge.note.isEmpty { lines.append(.field("Discharge note", discharge.note, .normal)) }
        }
        for change in client.statusHistory {
            let note = change.note.isEmpty ? "" : " (\(change.note))"
            lines.append(.field("", "\(DateStyle.screen(change.date)) \(change.from.label) → \(change.to.label)\(note)", Style(.muted)))
        }
        lines.append(.field("Created", DateStyle.screen(client.createdAt, in: timeZone), Style(.muted)))
        lines.append(.field("Last updated", DateStyle.screen(client.updatedAt, in: timeZone), Style(.muted)))
        return lines
    }

    /// What is happening with the person: what is due, how the plan is going, how they feel.
    private func workLines(_ client: Client, wrapWidth: Int) -> [ViewLine] {
        var lines: [ViewLine] = []
        if client.suggestsUnableToContact {
            let text = "⚠ \(client.consecutiveFailedAttempts) contact attempts in a row without reply: "
                + "consider discharging as “unable to contact” (d)"
            for line in TextWidth.wrap(text, width: wrapWidth) { lines.append(.text(line, Style(.warning))) }
            lines.append(.blank)
        }
        lines.append(.heading("Work"))
        if let next = client.nextFollowUp {
            let when = DateStyle.screen(next.due) + (next.time.map { " " + $0 } ?? "")
            let overdue = next.isOverdue(today: today)
            lines.append(.field("Next follow-up", "\(overdue ? "⚠ OVERDUE " : "")\(when): \(next.purpose) · \(next.mode.label)",
                                overdue ? Style(.warning) : .normal))
        } else {
            lines.append(.field("Next follow-up", client.status == .discharged ? "—" : "none scheduled (f to schedule)", Style(.muted)))
        }
        if let last = client.contacts.last {
            let attempts = client.contacts.filter { !$0.kind.isSuccessful }.count
            lines.append(.field("Contacts", "\(client.contacts.count)" + (attempts > 0 ? " (\(attempts) unanswered attempt\(attempts == 1 ? "" : "s"))" : "")
                                + "; last \(DateStyle.screen(last.at, in: timeZone)), \(last.kind.label.lowercased())", .normal))
        } else {
            lines.append(.field("Contacts", "none yet (c to record one)", Style(.muted)))
        }
        for goal in client.goals {
            lines.append(.field("Goal", "\(goal.text.replacingOccurrences(of: "\n", with: " ")) [\(goal.progressText)]", .normal))
        }
        lines.append(.blank)
        if let conversation = client.contacts.last(where: { $0.whatMatters != nil }), let whatMatters = conversation.whatMatters {
            lines.append(.heading("What matters (\(DateStyle.screen(conversation.at, in: timeZone)))"))
            func block(_ label: String, _ text: String, _ style: Style = .normal) {
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
                lines.append(.field(label, "", style))
                for line in TextWidth.wrap(text, width: wrapWidth - 2) { lines.append(.text("  " + line, style)) }
            }
            block("In their words", whatMatters.whatMatters)
            block("Strengths", whatMatters.strengths)
            for concern in whatMatters.concerns {
                lines.append(.field(concern.need.label, concern.note.isEmpty ? "—" : concern.note, .normal))
            }
            block("Risks noticed", whatMatters.risks, Style(.risk))
            block("Agreed next steps", whatMatters.nextSteps)
            lines.append(.blank)
        }

        let ons4 = client.ons4Summary()
        let swemwbs = client.swemwbsSummary()
        if !ons4.isEmpty || swemwbs != nil {
            lines.append(.heading("Wellbeing (first → latest)"))
            for item in ONS4Item.allCases {
                guard let change = ons4[item] else { continue }
                let first = Int(change.first), latest = Int(change.latest)
                let text = change.count == 1
                    ? "\(latest) (\(item.band(latest))), one record so far"
                    : "\(first) (\(item.band(first))) → \(latest) (\(item.band(latest))), "
                        + Self.movement(change, higherIsBetter: item.higherIsBetter, decimals: 0)
                lines.append(.field(item.shortLabel, text, .normal))
            }
            if let swemwbs, let latest = client.contacts.last(where: { $0.swemwbs != nil })?.swemwbs {
                let metric = String(format: "%.2f", latest.metricScore)
                let text = swemwbs.count == 1
                    ? "\(metric) (raw \(latest.rawScore)), one record so far"
                    : String(format: "%.2f → ", swemwbs.first) + "\(metric) (raw \(latest.rawScore)), "
                        + Self.movement(swemwbs, higherIsBetter: true, decimals: 2)
                lines.append(.field("SWEMWBS (metric)", text, .normal))
                for line in TextWidth.wrap(SWEMWBS.copyright, width: wrapWidth) { lines.append(.text(line, Style(.muted))) }
            }
            if !ons4.isEmpty {
                lines.append(.text(ONS4.citation, Style(.muted)))
            }
            lines.append(.blank)
        }
        return lines
    }

    /// "+3 over 2 records (better)": the direction in words, since for anxiety lower is better.
    static func movement(_ change: MeasureChange, higherIsBetter: Bool, decimals: Int) -> String {
        let size = String(format: "%.\(decimals)f", abs(change.change))
        let records = "over \(change.count) records"
        guard change.change != 0 else { return "no change \(records)" }
        let better = (change.change > 0) == higherIsBetter
        return (change.change > 0 ? "+" : "−") + size + " \(records) (\(better ? "better" : "worse"))"
    }
}
