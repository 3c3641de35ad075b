import Foundation

/// The rules for recording contacts. Each returns the changed client or says why not.
extension Client {
    /// After this many unsuccessful attempts in a row, closing as "unable to contact" is suggested.
    public static let attemptsBeforeUnableToContact = 3

    /// Adds `contact`. An unsuccessful attempt moves a waiting client to contacting; the first
    /// successful contact moves a waiting or contacting client to active and fixes the days waited
    /// on the contact's day. A contact naming a scheduled follow-up completes it.
    public func recording(_ contact: Contact, today: CalendarDate, timeZone: TimeZone,
                          at now: Date) throws(WorkError) -> Client {
        let day = try checkedDay(of: contact, today: today, timeZone: timeZone, now: now)
        var changed = self
        if let followUpID = contact.followUpID { try changed.completeFollowUp(followUpID, by: contact.id, on: day) }
        changed.contacts = (contacts + [contact]).sortedByTime()
        if contact.kind.isSuccessful {
            // A contact entered late may be earlier than the first one on record.
            if firstContactDate.map({ day < $0 }) ?? true { changed.firstContactDate = day }
            if status.isAwaitingFirstContact { changed.appendChange(to: .active, on: day, note: "First contact") }
        } else if status == .waiting {
            let how = contact.attemptMethod.map { " (\($0.label.lowercased()))" } ?? ""
            changed.appendChange(to: .contacting, on: day, note: "Contact attempt" + how)
        }
        changed.updatedAt = now
        return changed
    }

    /// Corrects a recorded contact. Statuses are not moved again, but the first-contact day follows
    /// a correction to the first successful contact, and the completed follow-up follows the link.
    public func replacingContact(_ contact: Contact, timeZone: TimeZone, at now: Date) throws(WorkError) -> Client {
        guard let index = contacts.firstIndex(where: { $0.id == contact.id }) else { throw .contactNotFound }
        let day = try checkedDay(of: contact, today: CalendarDate(now, in: timeZone), timeZone: timeZone, now: now)
        let old = contacts[index]
        var changed = self
        if let oldLink = old.followUpID, oldLink != contact.followUpID,
           let linked = followUps.firstIndex(where: { $0.id == oldLink }),
           case .completed(old.id, _) = followUps[linked].state {
            changed.followUps[linked].state = .scheduled
        }
        if let followUpID = contact.followUpID { try changed.completeFollowUp(followUpID, by: contact.id, on: day) }
        changed.contacts[index] = contact
        changed.contacts = changed.contacts.sortedByTime()
        let earliest = changed.contacts.first(where: { $0.kind.isSuccessful }).map { CalendarDate($0.at, in: timeZone) }
        if let first = firstContactDate, let earliest {
            let wasFirst = old.kind.isSuccessful && CalendarDate(old.at, in: timeZone) == first
            if wasFirst || earliest < first { changed.firstContactDate = earliest }
        } else if let earliest, status.isAwaitingFirstContact {
            // An attempt corrected to a real conversation: the person was reached after all.
            changed.firstContactDate = earliest
            changed.statusHistory.append(StatusChange(date: max(earliest, statusHistory.last?.date ?? earliest),
                                                      from: status, to: .active, note: "First contact"))
            changed.status = .active
        }
        changed.updatedAt = now
        return changed
    }

    /// Unsuccessful attempts since the last successful contact (or since the referral).
    public var consecutiveFailedAttempts: Int {
        contacts.reversed().prefix { !$0.kind.isSuccessful }.count
    }

    public var suggestsUnableToContact: Bool {
        status != .discharged && consecutiveFailedAttempts >= Self.attemptsBeforeUnableToContact
    }

    /// The contact's day in `timeZone`, once it is known to fall between the referral and now.
    private func checkedDay(of contact: Contact, today: CalendarDate, timeZone: TimeZone,
                            now: Date) throws(WorkError) -> CalendarDate {
        guard status != .discharged else { throw .clientDischarged }
        let day = CalendarDate(contact.at, in: timeZone)
        guard contact.at <= now, day <= today else { throw .contactInFuture }
        guard day >= referral.date else { throw .contactBeforeReferral(referral.date) }
        return day
    }

    private mutating func completeFollowUp(_ id: UUID, by contactID: UUID, on day: CalendarDate) throws(WorkError) {
        guard let index = followUps.firstIndex(where: { $0.id == id }) else { throw .followUpNotFound }
        switch followUps[index].state {
        case .scheduled: break
        case .completed(let by, _) where by == contactID: break  // the same contact, perhaps redated
        case .completed(_, let on): throw .followUpAlreadyCompleted(on: on)
        case .cancelled(_, let on): throw .followUpAlreadyCancelled(on: on)
        }
        followUps[index].state = .completed(contactID: contactID, on: day)
    }

    private mutating func appendChange(to target: ClientStatus, on day: CalendarDate, note: String) {
        // A contact entered late must not put the history out of date order.
        let date = max(day, statusHistory.last?.date ?? day)
        statusHistory.append(StatusChange(date: date, from: status, to: target, note: note))
        status = target
    }
}
