import Foundation

/// Why a piece of work (a contact, follow-up or goal) could not be recorded. Descriptions are
/// sentences for the person at the keyboard.
public enum WorkError: Error, Equatable, Sendable, CustomStringConvertible {
    case clientDischarged
    case contactInFuture
    case contactBeforeReferral(CalendarDate)
    case contactNotFound
    case followUpNotFound
    /// Only a scheduled follow-up can be completed, rescheduled or cancelled.
    case followUpAlreadyCompleted(on: CalendarDate)
    case followUpAlreadyCancelled(on: CalendarDate)
    case followUpBeforeReferral(CalendarDate)
    case invalidTime(String)
    case cancelNeedsReason
    case goalNeedsText
    case goalNotFound
    case stepNotFound
    case connectionNotFound
    case connectionBeforeLastChange(CalendarDate)
    case invalidConnection(String)
    case assetRetired(String)

    public var description: String {
        switch self {
        case .clientDischarged: "This client is discharged: reopen the case first (r)."
        case .contactInFuture: "A contact cannot be recorded in the future."
        case .contactBeforeReferral(let referral):
            "The contact is dated before the referral on \(DateStyle.screen(referral))."
        case .contactNotFound: "That contact is no longer on this record."
        case .followUpNotFound: "That follow-up is no longer on this record."
        case .followUpAlreadyCompleted(let on): "That follow-up was already completed on \(DateStyle.screen(on))."
        case .followUpAlreadyCancelled(let on): "That follow-up was cancelled on \(DateStyle.screen(on))."
        case .followUpBeforeReferral(let referral):
            "A follow-up cannot be due before the referral on \(DateStyle.screen(referral))."
        case .invalidTime(let text): "“\(text)” is not a 24-hour time such as 14:30."
        case .cancelNeedsReason: "Say why the follow-up is cancelled."
        case .goalNeedsText: "Write the goal, in the person's own words."
        case .goalNotFound: "That goal is no longer on this record."
        case .stepNotFound: "That plan step is no longer on this record."
        case .connectionNotFound: "That connection is no longer on this record."
        case .connectionBeforeLastChange(let date):
            "The change is dated before the last one, on \(DateStyle.screen(date))."
        case .invalidConnection(let reason): reason
        case .assetRetired(let name): "“\(name)” has been retired from the directory: bring it back there first (r)."
        }
    }
}
