import Foundation
import CaseloadKit
import TerminalUI

/// Which wellbeing measures a contact form asks for. Always optional, off by default.
enum MeasureChoice: String, CaseIterable, Labelled {
    case none, ons4, swemwbs, both

    var label: String {
        switch self {
        case .none: "None this time"
        case .ons4: "ONS4"
        case .swemwbs: "SWEMWBS"
        case .both: "ONS4 and SWEMWBS"
        }
    }

    var asksONS4: Bool { self == .ons4 || self == .both }
    var asksSWEMWBS: Bool { self == .swemwbs || self == .both }
}

/// Builds each kind of work form from its domain draft and reads the draft back from the fields.
/// Keys and labels come from the domain's field enums, so a validation message finds its field.
enum WorkForms {
    private typealias C = ContactField
    private typealias F = FollowUpField
    private typealias S = StepField

    // MARK: Contacts

    static func contactFields(_ draft: ContactDraft, measures: MeasureChoice) -> [WorkField] {
        var fields: [WorkField] = [
            .line(C.date.rawValue, C.date.label, draft.date, required: true, hint: "For example 21-Nov-2026 or 2026-11-21"),
            .line(C.time.rawValue, C.time.label, draft.time, required: true, hint: "24-hour, for example 14:30"),
            .choice(C.kind.rawValue, C.kind.label, draft.kind),
        ]
        // An unanswered attempt is only "how": no mode, length or measures of a conversation.
        if draft.kind == .attempt {
            fields.append(.choice(C.attemptMethod.rawValue, C.attemptMethod.label, draft.attemptMethod))
            fields.append(.text(C.notes.rawValue, C.notes.label, draft.notes))
            return fields
        }
        fields.append(.choice(C.mode.rawValue, C.mode.label, draft.mode))
        fields.append(.line(C.duration.rawValue, C.duration.label, draft.duration))
        fields.append(.text(C.notes.rawValue, C.notes.label, draft.notes))
        if draft.kind == .whatMatters {
            fields.append(.text(C.whatMatters.rawValue, C.whatMatters.label, draft.whatMatters, required: true, hint: "In the person's own words"))
            fields.append(.text(C.strengths.rawValue, C.strengths.label, draft.strengths, hint: "What they already have: people, skills, places"))
            fields.append(WorkField(key: "concernAreas", label: "Concern areas", value: .areas(draft.concerns.map(\.need)),
                                    hint: "Enter to choose areas of life; a note for each follows"))
            for concern in draft.concerns {
                fields.append(.line("concern." + concern.need.rawValue, "  " + concern.need.label, concern.note))
            }
            fields.append(.text(C.risks.rawValue, C.risks.label, draft.risks))
            fields.append(.text(C.nextSteps.rawValue, C.nextSteps.label, draft.nextSteps))
        }
        var measuresField = WorkField.choice("measures", "Wellbeing measures", measures)
        measuresField.hint = "Optional. ONS4: four questions, 0-10. SWEMWBS: " + SWEMWBS.instruction
        fields.append(measuresField)
        if measures.asksONS4 {
            for (index, item) in ONS4Item.allCases.enumerated() {
                fields.append(.line("ons4." + item.rawValue, "ONS4 \(index + 1). \(item.shortLabel)", draft.ons4[index],
                                    hint: "\(item.question) (\(item.scaleHint))"))
            }
        }
        if measures.asksSWEMWBS {
            for (index, statement) in SWEMWBS.items.enumerated() {
                fields.append(.line("swemwbs.\(index)", "SWEMWBS \(index + 1) (1-5)", draft.swemwbs[index],
                                    hint: "\(statement)\n" + Self.swemwbsScale + "\n\(SWEMWBS.copyright)"))
            }
        }
        return fields
    }

    static func contactDraft(from fields: [WorkField], base: ContactDraft) -> ContactDraft {
        var draft = base
        draft.date = fields.text("date")
        draft.time = fields.text("time")
        draft.kind = fields.choice("kind")
        if fields["attemptMethod"] != nil {
            draft.attemptMethod = fields.choice("attemptMethod")
            draft.mode = draft.attemptMethod == .phone ? .phone : .letterOrText
        } else {
            draft.mode = fields.choice("mode")
        }
        if fields["duration"] != nil { draft.duration = fields.text("duration") }
        draft.notes = fields.text("notes")
        if fields["whatMatters"] != nil {
            draft.whatMatters = fields.text("whatMatters")
            draft.strengths = fields.text("strengths")
            draft.risks = fields.text("risks")
            draft.nextSteps = fields.text("nextSteps")
            if case .areas(let areas) = fields["concernAreas"]?.value {
                draft.concerns = areas.map { Concern(need: $0, note: fields.text("concern." + $0.rawValue)) }
            }
        }
        if fields["ons4.satisfaction"] != nil {
            draft.ons4 = ONS4Item.allCases.map { fields.text("ons4." + $0.rawValue) }
        }
        if fields["swemwbs.0"] != nil {
            draft.swemwbs = (0..<SWEMWBS.items.count).map { fields.text("swemwbs.\($0)") }
        }
        return draft
    }

    /// Where a contact problem shows: on the field, or the first of a group.
    static func contactFieldKey(_ field: ContactField) -> String {
        switch field {
        case .ons4: "ons4.satisfaction"
        case .swemwbs: "swemwbs.0"
        case .concerns: "concernAreas"
        case .attemptMethod: "attemptMethod"
        default: field.rawValue
        }
    }

    static func measureChoice(of draft: ContactDraft) -> MeasureChoice {
        let ons4 = draft.ons4.contains { !$0.isEmpty }
        let swemwbs = draft.swemwbs.contains { !$0.isEmpty }
        switch (ons4, swemwbs) {
        case (true, true): return .both
        case (true, false): return .ons4
        case (false, true): return .swemwbs
        case (false, false): return .none
        }
    }

    /// "1 None of the time · 2 Rarely · …": the answers as the person hears them.
    static let swemwbsScale = SWEMWBS.answerLabels.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: " · ")

    // MARK: Follow-ups

    static func followUpFields(_ draft: FollowUpDraft) -> [WorkField] {
        [
            .line(F.due.rawValue, F.due.label, draft.due, required: true, hint: "For example 28-Nov-2026 or 2026-11-28"),
            .line(F.time.rawValue, F.time.label + " (optional)", draft.time, hint: "24-hour, for example 10:00"),
            .line(F.purpose.rawValue, F.purpose.label, draft.purpose, required: true, hint: "For example: review the action plan"),
            .choice(F.mode.rawValue, F.mode.label, draft.mode),
        ]
    }

    static func followUpDraft(from fields: [WorkField], base: FollowUpDraft) -> FollowUpDraft {
        var draft = base
        draft.due = fields.text("due")
        draft.time = fields.text("time")
        draft.purpose = fields.text("purpose")
        draft.mode = fields.choice("mode")
        return draft
    }

    // MARK: Plan

    static func stepFields(_ draft: StepDraft) -> [WorkField] {
        var fields: [WorkField] = [
            .line(S.what.rawValue, S.what.label, draft.what, required: true, hint: "A small step, for example: phone the walking group"),
            .choice(S.owner.rawValue, S.owner.label, draft.owner),
        ]
        if draft.owner == .someoneElse {
            fields.append(.line(S.ownerName.rawValue, S.ownerName.label, draft.ownerName, required: true))
        }
        fields += [
            .line(S.due.rawValue, S.due.label + " (optional)", draft.due, hint: "For example 05-Dec-2026"),
            .choice(S.status.rawValue, S.status.label, draft.status),
            .text(S.note.rawValue, S.note.label, draft.note),
        ]
        return fields
    }

    static func stepDraft(from fields: [WorkField], base: StepDraft) -> StepDraft {
        var draft = base
        draft.what = fields.text("what")
        draft.owner = fields.choice("owner")
        if fields["ownerName"] != nil { draft.ownerName = fields.text("ownerName") }
        draft.due = fields.text("due")
        draft.status = fields.choice("status")
        draft.note = fields.text("note")
        return draft
    }
}
