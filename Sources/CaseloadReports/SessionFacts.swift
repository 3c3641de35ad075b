import CaseloadKit
import Foundation

/// What a session summary says about one contact, worked out once and then written in each format.
struct SessionFacts {
    /// The what-matters conversation the summary draws on.
    struct WhatMattersSource {
        var content: WhatMatters
        var day: CalendarDate
        /// False when it comes from an earlier conversation, which the summary then names by its day.
        var isThisContact: Bool
    }

    struct GoalProgress {
        var goal: Goal
        /// To do or in progress, in the order agreed.
        var openSteps: [PlanStep]
    }

    struct ConnectionChange {
        var connection: Connection
        var assetName: String
        var event: ConnectionEvent
    }

    struct ONS4Answer {
        var item: ONS4Item
        var answer: Int
        /// Over this contact and those before it.
        var trend: MeasureTrend?
    }

    let client: Client
    let contact: Contact
    /// The contact's day in the document's time zone.
    let day: CalendarDate
    let context: ExportContext
    /// The follow-up this contact completed.
    let completedFollowUp: FollowUp?
    let whatMatters: WhatMattersSource?
    /// Next steps agreed at this contact; an earlier conversation's steps are not repeated as if new.
    let agreedNextSteps: String?
    let goals: [GoalProgress]
    let connectionChanges: [ConnectionChange]
    let ons4: [ONS4Answer]
    let swemwbs: (score: SWEMWBS, trend: MeasureTrend?)?
    let nextFollowUp: FollowUp?
    let riskNote: String?

    /// Nil when the client has no contact with `contactID`.
    init?(client: Client, contactID: UUID, assets: [UUID: Asset], context: ExportContext) {
        guard let index = client.contacts.firstIndex(where: { $0.id == contactID }) else { return nil }
        let contact = client.contacts[index]
        let timeZone = context.timeZone
        let day = CalendarDate(contact.at, in: timeZone)
        self.client = client
        self.contact = contact
        self.day = day
        self.context = context
        completedFollowUp = contact.followUpID.flatMap { id in client.followUps.first { $0.id == id } }
        riskNote = RecordWording.nonBlank(client.riskNote)
        nextFollowUp = RecordWording.nextFollowUp(of: client, from: day)

        if let own = contact.whatMatters {
            whatMatters = WhatMattersSource(content: own, day: day, isThisContact: true)
        } else {
            whatMatters = client.contacts[..<index].last { $0.whatMatters != nil }.map {
                WhatMattersSource(content: $0.whatMatters!, day: CalendarDate($0.at, in: timeZone), isThisContact: false)
            }
        }
        agreedNextSteps = RecordWording.nonBlank(contact.whatMatters?.nextSteps)

        // Goals agreed later than this contact were not part of it. Goals keep no history, so
        // progress is as the plan stands when the summary is made.
        goals = client.goals.filter { $0.createdOn <= day }.map {
            GoalProgress(goal: $0, openSteps: $0.steps.filter(\.status.isOpen))
        }
        connectionChanges = client.connections.flatMap { connection in
            connection.history.filter { $0.date == day }.map {
                ConnectionChange(connection: connection, assetName: RecordWording.assetName(connection, assets: assets), event: $0)
            }
        }

        let upToThis = client.contacts[...index]
        let ons4Trends = Dictionary(uniqueKeysWithValues: MeasureTrend.ons4(upToThis, timeZone: timeZone).map { ($0.item, $0.trend) })
        ons4 = contact.ons4.map { answers in
            ONS4Item.allCases.map { ONS4Answer(item: $0, answer: answers[$0], trend: ons4Trends[$0]) }
        } ?? []
        swemwbs = contact.swemwbs.map { ($0, MeasureTrend.swemwbs(upToThis, timeZone: timeZone)) }
    }

    /// Whether the person was reached: an unsuccessful attempt gets a short summary.
    var isAttempt: Bool { !contact.kind.isSuccessful }

    /// Plan progress is as of the summary's making; say so when that is not the contact's own day.
    var planProgressNote: String? {
        let today = CalendarDate(context.generatedAt, in: context.timeZone)
        return today == day ? nil : "Progress as recorded on \(DateStyle.letter(today))."
    }

    /// `From the what-matters conversation on 12 October 2026.` when it is not this contact's.
    var whatMattersSourceNote: String? {
        guard let whatMatters, !whatMatters.isThisContact else { return nil }
        return "From the what-matters conversation on \(DateStyle.letter(whatMatters.day))."
    }
}
