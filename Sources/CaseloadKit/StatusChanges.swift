import Foundation

/// The rules for moving a client between statuses. Each returns the changed client or says why not.
public enum StatusChangeError: Error, Equatable, Sendable, CustomStringConvertible {
    case alreadyDischarged
    case notDischarged
    case dischargeBeforeReferral
    case reopenBeforeDischarge
    /// Discharging needs a reason and date, and reopening a confirmation: not a plain status change.
    case needsDischargeOrReopen

    public var description: String {
        switch self {
        case .alreadyDischarged: "This client is already discharged."
        case .notDischarged: "Only a discharged client can be reopened."
        case .dischargeBeforeReferral: "The discharge date is before the referral date."
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
        var changed = self
        if firstContactDate == nil, target == .active || target == .onHold {
            changed.firstContactDate = max(date, referral.date)
        }
        changed.statusHistory.append(StatusChange(date: date, from: status, to: target))
        changed.status = target
        changed.updatedAt = now
        return changed
    }

    public func discharged(_ discharge: Discharge, at now: Date) throws(StatusChangeError) -> Client {
        guard status != .discharged else { throw .alreadyDischarged }
        guard discharge.date >= referral.date else { throw .dischargeBeforeReferral }
        var changed = self
        changed.statusHistory.append(StatusChange(date: discharge.date, from: status, to: .discharged,
                                                  note: discharge.reason.label))
        changed.status = .discharged
        changed.discharge = discharge
        changed.updatedAt = now
        return changed
    }

    /// Back to active if the person was ever reached, otherwise back on the waiting list.
    public func reopened(on date: CalendarDate, at now: Date) throws(StatusChangeError) -> Client {
        guard status == .discharged else { throw .notDischarged }
        // A reopening dated before the discharge would leave the history out of order.
        if let discharged = discharge?.date, date < discharged { throw .reopenBeforeDischarge }
        var changed = self
        let target: ClientStatus = firstContactDate == nil ? .waiting : .active
        changed.statusHistory.append(StatusChange(date: date, from: .discharged, to: target, note: "Reopened"))
        changed.status = target
        changed.discharge = nil
        changed.updatedAt = now
        return changed
    }
}
