import Foundation

/// The rules for follow-ups. A follow-up is completed by recording a contact that names it
/// (see `recording`), rescheduled, or cancelled with a reason; it is never deleted.
extension Client {
    public func scheduling(_ followUp: FollowUp, at now: Date) throws(WorkError) -> Client {
        guard status != .discharged else { throw .clientDischarged }
        try checkDue(followUp.due, time: followUp.time)
        var changed = self
        changed.followUps.append(followUp)
        changed.updatedAt = now
        return changed
    }

    /// Moves a scheduled follow-up. A new day keeps the old one in `previousDueDates`.
    public func reschedulingFollowUp(id: UUID, to due: CalendarDate, time: String?,
                                     at now: Date) throws(WorkError) -> Client {
        let index = try scheduledIndex(id)
        try checkDue(due, time: time)
        var changed = self
        let old = followUps[index].due
        if due != old { changed.followUps[index].previousDueDates.append(old) }
        changed.followUps[index].due = due
        changed.followUps[index].time = time
        changed.updatedAt = now
        return changed
    }

    public func cancellingFollowUp(id: UUID, reason: String, on date: CalendarDate,
                                   at now: Date) throws(WorkError) -> Client {
        let index = try scheduledIndex(id)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .cancelNeedsReason }
        var changed = self
        changed.followUps[index].state = .cancelled(reason: reason, on: date)
        changed.updatedAt = now
        return changed
    }

    /// A scheduled follow-up's purpose and mode, changed without touching when it is due.
    public func updatingFollowUp(id: UUID, purpose: String, mode: ContactMode, at now: Date) throws(WorkError) -> Client {
        let index = try scheduledIndex(id)
        guard followUps[index].purpose != purpose || followUps[index].mode != mode else { return self }
        var changed = self
        changed.followUps[index].purpose = purpose
        changed.followUps[index].mode = mode
        changed.updatedAt = now
        return changed
    }

    /// Scheduled follow-ups, soonest first (by day, then time; untimed last within a day).
    public var scheduledFollowUps: [FollowUp] {
        followUps.filter(\.isScheduled).sorted(by: FollowUp.isEarlier)
    }

    public var nextFollowUp: FollowUp? {
        followUps.filter(\.isScheduled).min(by: FollowUp.isEarlier)
    }

    /// On discharge nothing is left pending: scheduled follow-ups are cancelled with the reason.
    mutating func cancelScheduledFollowUps(for discharge: Discharge) {
        for index in followUps.indices where followUps[index].isScheduled {
            followUps[index].state = .cancelled(reason: "Discharged: \(discharge.reason.label.lowercased())",
                                                on: discharge.date)
        }
    }

    private func scheduledIndex(_ id: UUID) throws(WorkError) -> Int {
        guard status != .discharged else { throw .clientDischarged }
        guard let index = followUps.firstIndex(where: { $0.id == id }) else { throw .followUpNotFound }
        switch followUps[index].state {
        case .scheduled: return index
        case .completed(_, let on): throw .followUpAlreadyCompleted(on: on)
        case .cancelled(_, let on): throw .followUpAlreadyCancelled(on: on)
        }
    }

    private func checkDue(_ due: CalendarDate, time: String?) throws(WorkError) {
        guard due >= referral.date else { throw .followUpBeforeReferral(referral.date) }
        if let time, DateStyle.parseTime(time).map({ DateStyle.time(hour: $0.hour, minute: $0.minute) }) != time { throw .invalidTime(time) }
    }
}
