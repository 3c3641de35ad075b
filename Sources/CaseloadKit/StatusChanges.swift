import Foundation

/// The rules for moving a client between statuses. Each returns the changed client or says why not.
public enum StatusChangeError: Error, Equatable, Sendable, CustomStringConvertible {
    case alreadyDischarged
    case notDischarged
    case dischargeBeforeReferral
    case dischargeInFuture
    /// The discharge would be dated before something already on record (first contact, a status change).
    case dischargeBeforeLastChange(CalendarDate)
    /// Waiting and contacting mean "not yet reached": a client who has been reached cannot go back.
    case alreadyReached
    case reopenBeforeDischarge
    /// Discharging needs a reason and date, and reopening a confirmation: not a plain status change.
    case needsDischargeOrReopen

    public var description: String {
        switch self {
        case .alreadyDischarged: "This client is already discharged."
        case .notDischarged: "Only a discharged client can be reopened."
        case .dischargeBeforeReferral: "The discharge date is before the referral date."
        case .dischargeInFuture: "The discharge date cannot be in the future."
        case .dischargeBeforeLastChange(let date):
            "The discharge date is before \(DateStyle.screen(date)), the last change on record."
        case .alreadyReached: "This person has already been reached, so they cannot go back to waiting or contacting."
        case .reopenBeforeDischarge: "The reopening date is before the discharge date."
        case .needsDischargeOrReopen: "Use discharge (d) or reopen (r) to move a client in or out of discharged."
        }
    }
}

extension Client {
    /// Moves an open case between waiting, contacting, active and on hold. Becoming active or on
    /// hold means the person has been reached, so the first-contact date (and with it the days
    /// waited) is fixed on `date` if it was not already.
    public func changingStatus(to target: ClientStatus, on date: CalendarDate, at now: Date) throws(StatusChangeError) -> Client {
        guard status != .discharged, target != .discharged else { throw .needsDischargeOrReopen }
        guard target != status else { return self }
        guard firstContactDate == nil || !target.isAwaitingFirstContact else { throw .alreadyReached }
        var changed = self
        if firstContactDate == nil, target == .active || target == .onHold {
            changed.firstContactDate = max(date, referral.date)
        }
        changed.statusHistory.append(StatusChange(date: date, from: status, to: target))
        changed.status = target
        changed.updatedAt = now
        return changed
    }

    /// The statuses `changingStatus` accepts from here, in the order a picker shows them.
    public var reachableOpenStatuses: [ClientStatus] {
        guard status != .discharged else { return [] }
        return firstContactDate == nil ? [.waiting, .contacting, .active, .onHold] : [.active, .onHold]
    }

    /// Discharged on `discharge.date`, which must fall between the last event on record and `today`.
    /// Follow-ups still scheduled are cancelled.
    public func discharged(_ discharge: Discharge, today: CalendarDate, at now: Date) throws(StatusChangeError) -> Client {
        guard status != .discharged else { throw .alreadyDischarged }
        guard discharge.date >= referral.date else { throw .dischargeBeforeReferral }
        guard discharge.date <= today else { throw .dischargeInFuture }
        let lastOnRecord = ([firstContactDate] + statusHistory.map(\.date)).compactMap { $0 }.max()
        if let lastOnRecord, discharge.date < lastOnRecord { throw .dischargeBeforeLastChange(lastOnRecord) }
        var changed = self
        changed.statusHistory.append(StatusChange(date: discharge.date, from: status, to: .discharged,
                                                  note: discharge.reason.label))
        changed.status = .discharged
        changed.discharge = discharge
        changed.cancelScheduledFollowUps(for: discharge)
        changed.updatedAt = now
        return changed
    }

    /// Where reopening leads: active if the person was ever reached, otherwise the waiting list.
    public var reopenStatus: ClientStatus { firstContactDate == nil ? .waiting : .active }

    public func reopened(on date: CalendarDate, at now: Date) throws(StatusChangeError) -> Client {
        guard status == .discharged else { throw .notDischarged }
        // A reopening dated before the discharge would leave the history out of order.
        if let discharged = discharge?.date, date < discharged { throw .reopenBeforeDischarge }
        var changed = self
        let target = reopenStatus
        changed.statusHistory.append(StatusChange(date: date, from: .discharged, to: target, note: "Reopened"))
        changed.status = target
        changed.discharge = nil
        changed.updatedAt = now
        return changed
    }
}
