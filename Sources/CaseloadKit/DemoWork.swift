import Foundation

/// The work done with each demo client (contacts, a plan, follow-ups, wellbeing measures), fitted
/// to the timeline `DemoCaseload` already drew: first attempt, first contact, pause, discharge.
/// It draws from its own generator, so adding work left the demo people themselves unchanged.
struct DemoWork {
    let today: CalendarDate
    let now: Date
    let timeZone: TimeZone
    var random: SplitMix64
    /// The first three clients still being contacted have had three tries, so every seed shows
    /// the "unable to contact" suggestion.
    private var contactingSeen = 0
    /// Active clients' next follow-ups are dealt out in turn: overdue, today, this week, later.
    private var activeSeen = 0

    init(today: CalendarDate, now: Date, timeZone: TimeZone, seed: UInt64) {
        self.today = today
        self.now = now
        self.timeZone = timeZone
        random = SplitMix64(seed: seed ^ 0x5EED_5EED_5EED_5EED)
    }

    /// A contact being planned: its day, a preferred minute of that day, and the follow-up it completes.
    private struct Visit {
        var day: CalendarDate
        var minute: Int
        var contact: Contact
        var completes: FollowUp?
    }

    /// Everything planned for one client before the contacts are given their times.
    private struct Plan {
        var visits: [Visit] = []
        var followUps: [FollowUp] = []
        var goals: [Goal] = []
    }

    mutating func add(to client: inout Client, scenario: DemoData.Scenario, firstAttempt method: AttemptMethod?) {
        guard let method, let firstTry = client.statusHistory.first(where: { $0.to == .contacting })?.date else { return }
        let plan = if let first = client.firstContactDate {
            reached(client, scenario: scenario, firstTry: firstTry, method: method, first: first)
        } else {
            unreached(client, firstTry: firstTry, method: method)
        }
        let contacts = timed(plan.visits, after: client.createdAt)
        let completed = zip(plan.visits, contacts).compactMap { visit, contact -> FollowUp? in
            guard var followUp = visit.completes else { return nil }
            followUp.state = .completed(contactID: contact.id, on: CalendarDate(contact.at, in: timeZone))
            return followUp
        }
        client.contacts = contacts
        client.followUps = (completed + plan.followUps).sorted(by: FollowUp.isEarlier)
        client.goals = plan.goals
        if let last = contacts.last { client.updatedAt = min(max(client.updatedAt, last.at), now) }
    }

    /// Tries that never reached the person: the next try is scheduled unless the case was closed.
    private mutating func unreached(_ client: Client, firstTry: CalendarDate, method: AttemptMethod) -> Plan {
        let last = client.discharge?.date ?? today
        let count: Int
        if client.status == .discharged {
            count = random.int(in: 3...4)
        } else {
            count = contactingSeen < Client.attemptsBeforeUnableToContact ? 3 : random.int(in: 1...2)
            contactingSeen += 1
        }
        var plan = Plan(visits: [attempt(on: firstTry, by: method)])
        for day in spread(count - 1, after: firstTry, until: last, jitter: 2) {
            plan.visits.append(attempt(on: day, by: random.pick(DemoData.firstAttemptMethods)))
        }
        if client.status != .discharged, let day = plan.visits.last?.day {
            plan.followUps.append(FollowUp(id: random.uuid(), due: day.adding(days: random.int(in: 2...6)),
                                           purpose: "Try again to reach them", mode: .phone))
        }
        return plan
    }

    /// Attempts, a first conversation, a what-matters conversation if there was time, then
    /// check-ins, visits and reviews, each completing a follow-up; a plan; measures for about half.
    private mutating func reached(_ client: Client, scenario: DemoData.Scenario, firstTry: CalendarDate,
                                  method: AttemptMethod, first: CalendarDate) -> Plan {
        let hold = client.statusHistory.first(where: { $0.to == .onHold })?.date
        var limit = hold ?? client.discharge?.date ?? today
        var next: FollowUp?
        if client.status == .active {
            let (due, time) = nextDue(after: first)
            limit = max(first, min(today, due.adding(days: -1)))  // nothing has happened since it fell due
            next = FollowUp(id: random.uuid(), due: due, time: time,
                            purpose: random.pick(DemoWorkData.followUpPurposes + ["Review the action plan"]),
                            mode: random.pick([.phone, .faceToFace, .video, .homeVisit]))
        } else if let hold {
            let due = max(hold.adding(days: 14), today.adding(days: random.int(in: -4...21)))
            next = FollowUp(id: random.uuid(), due: due, purpose: "Check in after the pause", mode: .phone)
        }

        var plan = Plan(visits: [attempt(on: firstTry, by: method)])
        let gap = firstTry.days(until: first)
        if gap >= 2 {
            let days = Set((0..<random.int(in: 0...2)).map { _ in firstTry.adding(days: random.int(in: 1...(gap - 1))) })
            for day in days.sorted() { plan.visits.append(attempt(on: day, by: random.pick(DemoData.firstAttemptMethods))) }
        }
        plan.visits.append(visit(on: first, .firstConversation, mode: .phone, minutes: 15...40,
                                 notes: random.pick(DemoWorkData.firstConversationNotes), afternoon: gap == 0))

        let talk = first.adding(days: random.int(in: 2...14))
        guard talk <= limit else {
            if var next {
                next.purpose = "What-matters conversation"
                next.mode = .faceToFace
                plan.followUps.append(next)
            }
            return plan
        }
        plan.goals = goals(for: client, from: talk, until: limit)
        var conversation = visit(on: talk, .whatMatters, mode: random.pick([.faceToFace, .homeVisit, .communityVenue, .video]),
                                 minutes: 45...90, notes: random.pick(DemoWorkData.whatMattersNotes))
        conversation.contact.whatMatters = WhatMatters(
            whatMatters: scenario.inOwnWords, strengths: scenario.strengths,
            concerns: client.referral.needs.map { Concern(need: $0, note: DemoWorkData.plan(for: $0).concern) },
            risks: client.riskNote.isEmpty ? "None noticed." : client.riskNote,
            nextSteps: plan.goals.compactMap(\.steps.first?.what).joined(separator: "; "))
        if random.chance(50) {
            conversation.contact.ons4 = random.firstONS4()
            conversation.contact.swemwbs = SWEMWBS(answers: (0..<7).map { _ in random.int(in: 1...3) })
        }
        plan.visits.append(conversation)

        // The rest are spread from the conversation to the end, at least a week apart, so that
        // the latest contact is recent for people still being seen.
        let rounds: [ContactKind] = [.checkIn, .accompaniedVisit, .checkIn, .review]
        let count = min(random.int(in: 4...8) - plan.visits.count, talk.days(until: limit) / 7)
        let closes = client.discharge?.reason == .goalsMet
        var day = talk
        for (round, following) in spread(count, after: talk, until: limit, jitter: 3, endExactly: closes).enumerated() {
            if random.chance(15) { plan.followUps.append(cancelledFollowUp(after: day)) }
            let isClosing = closes && round == count - 1
            var contact = followedUp(isClosing ? .review : rounds[round % rounds.count], on: following, after: day)
            if isClosing {
                contact.contact.notes = DemoWorkData.closingNote
                contact.completes?.purpose = "Closing review"
            }
            plan.visits.append(contact)
            day = following
        }
        // Measured again at the latest contact, to show change.
        let latest = plan.visits.count - 1
        if let ons4 = conversation.contact.ons4, let swemwbs = conversation.contact.swemwbs,
           plan.visits[latest].contact.id != conversation.contact.id, random.chance(75) {
            plan.visits[latest].contact.ons4 = random.laterONS4(after: ons4)
            plan.visits[latest].contact.swemwbs = SWEMWBS(answers: swemwbs.answers.map { min(5, $0 + random.int(in: 0...1)) })
        }
        if var next, let lastDay = plan.visits.last?.day {
            let earlier = next.due.adding(days: -random.int(in: 2...6))
            if earlier > lastDay, random.chance(30) { next.previousDueDates = [earlier] }
            plan.followUps.append(next)
        }
        return plan
    }

    /// `count` days after `start`, spread evenly up to `end` and pulled earlier by up to `jitter`
    /// days (except, if `endExactly`, the last), in order. Spread over at least a week per day,
    /// they are distinct.
    private mutating func spread(_ count: Int, after start: CalendarDate, until end: CalendarDate, jitter: Int,
                                 endExactly: Bool = false) -> [CalendarDate] {
        let span = max(0, start.days(until: end))
        var days: [CalendarDate] = []
        for index in 0..<max(0, count) {
            let pull = endExactly && index == count - 1 ? 0 : random.int(in: 0...jitter)
            days.append(max(days.last ?? start, start.adding(days: span * (index + 1) / count - pull)))
        }
        return days
    }

    /// Overdue, today, in the next seven days or later, in turn. Overdue needs room after the
    /// first contact; without it the follow-up is due today.
    private mutating func nextDue(after first: CalendarDate) -> (CalendarDate, String?) {
        defer { activeSeen += 1 }
        let time = random.pick([nil, "10:00", "11:30", "14:00", "15:30"])
        switch activeSeen % 5 {
        case 0 where first < today.adding(days: -2):
            return (max(first.adding(days: 1), today.adding(days: -random.int(in: 1...6))), time)
        case 0, 1: return (today, time)
        case 2, 3: return (today.adding(days: random.int(in: 1...Agenda.daysAhead)), time)
        default: return (today.adding(days: random.int(in: 8...21)), time)
        }
    }

    /// Steps fall due a week or more apart; for people still being seen the last ones lie ahead.
    private mutating func goals(for client: Client, from talk: CalendarDate, until limit: CalendarDate) -> [Goal] {
        client.referral.needs.prefix(random.int(in: 1...3)).map { need in
            let plan = DemoWorkData.plan(for: need)
            let count = random.int(in: 1...4)
            let end = max(talk.adding(days: 7 * count), client.status == .discharged ? talk : limit.adding(days: 14))
            let dues = spread(count, after: talk, until: end, jitter: 2)
            let steps = zip(plan.steps.prefix(count), dues).enumerated().map { index, pair in
                PlanStep(id: random.uuid(), what: pair.0.what, owner: pair.0.owner, ownerName: pair.0.name, due: pair.1,
                         status: stepStatus(due: pair.1, first: index == 0, client: client))
            }
            return Goal(id: random.uuid(), text: plan.goal, createdOn: talk, steps: steps)
        }
    }

    /// Easy wins first: the first step is never dropped.
    private mutating func stepStatus(due: CalendarDate, first: Bool, client: Client) -> StepStatus {
        if client.discharge?.reason == .goalsMet { return first || random.chance(85) ? .done : .dropped }
        guard due < today else { return random.pick([.toDo, .toDo, .doing]) }
        return random.pick(first ? [.done, .done, .doing] : [.done, .done, .doing, .dropped])
    }

    private mutating func attempt(on day: CalendarDate, by method: AttemptMethod) -> Visit {
        Visit(day: day, minute: random.int(in: 108...143) * 5,  // 09:00-11:55
              contact: Contact(id: random.uuid(), at: now, kind: .attempt, mode: method == .phone ? .phone : .letterOrText,
                               notes: random.pick(DemoWorkData.attemptNotes(method)), attemptMethod: method))
    }

    private mutating func visit(on day: CalendarDate, _ kind: ContactKind, mode: ContactMode, minutes: ClosedRange<Int>,
                                notes: String, afternoon: Bool = false) -> Visit {
        let start = afternoon ? 156...203 : 114...198  // 13:00-16:55 or 09:30-16:30, in 5 minutes
        return Visit(day: day, minute: random.int(in: start) * 5,
                     contact: Contact(id: random.uuid(), at: now, kind: kind, mode: mode,
                                      durationMinutes: random.int(in: minutes.lowerBound / 5...minutes.upperBound / 5) * 5,
                                      notes: notes))
    }

    /// A contact on `day` that completes the follow-up booked at the contact on `previous`;
    /// now and then that follow-up had been put back a few days.
    private mutating func followedUp(_ kind: ContactKind, on day: CalendarDate, after previous: CalendarDate) -> Visit {
        let (mode, notes, purpose): (ContactMode, [String], String) = switch kind {
        case .accompaniedVisit: (.communityVenue, DemoWorkData.accompaniedNotes, "Go along together to the group")
        case .review: (random.pick([.faceToFace, .phone]), DemoWorkData.reviewNotes, "Review the action plan")
        default: (random.pick([.phone, .phone, .video, .faceToFace]), DemoWorkData.checkInNotes,
                  random.pick(DemoWorkData.followUpPurposes))
        }
        var result = visit(on: day, kind, mode: mode, minutes: kind == .accompaniedVisit ? 60...120 : 10...45,
                           notes: random.pick(notes))
        var followUp = FollowUp(id: random.uuid(), due: day, purpose: purpose, mode: mode)
        let putBack = day.adding(days: -random.int(in: 2...5))
        if putBack > previous, random.chance(25) { followUp.previousDueDates = [putBack] }
        result.contact.followUpID = followUp.id
        result.completes = followUp
        return result
    }

    /// Booked for three days after `previous` and called off the next day. Contacts are at least
    /// four days apart, so it falls before the next one.
    private mutating func cancelledFollowUp(after previous: CalendarDate) -> FollowUp {
        FollowUp(id: random.uuid(), due: previous.adding(days: 3), purpose: random.pick(DemoWorkData.followUpPurposes),
                 mode: .phone, state: .cancelled(reason: random.pick(DemoWorkData.cancelReasons), on: previous.adding(days: 1)))
    }

    /// Gives each planned contact a time: in working hours where possible, after the record was
    /// created, in order, five minutes apart at least, and never after now.
    private func timed(_ visits: [Visit], after createdAt: Date) -> [Contact] {
        var instants = visits.map { DateStyle.instant($0.day, hour: $0.minute / 60, minute: $0.minute % 60, in: timeZone) }
        var floor = Date(timeIntervalSince1970: (createdAt.timeIntervalSince1970 / 300).rounded(.up) * 300)
        for index in instants.indices {
            instants[index] = max(instants[index], floor)
            floor = instants[index].addingTimeInterval(300)
        }
        var ceiling = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        for index in instants.indices.reversed() {
            instants[index] = min(instants[index], ceiling)
            ceiling = instants[index].addingTimeInterval(-300)
        }
        return zip(visits, instants).map { visit, at in
            var contact = visit.contact
            contact.at = at
            return contact
        }
    }
}

/// Wellbeing scores for synthetic contacts: the demo's and the generated caseloads'.
extension SplitMix64 {
    mutating func firstONS4() -> ONS4? {
        ONS4(satisfaction: int(in: 2...6), worthwhile: int(in: 3...6), happy: int(in: 2...6), anxious: int(in: 4...9))
    }

    /// Mostly better, sometimes not.
    mutating func laterONS4(after first: ONS4) -> ONS4? {
        let lift = chance(80) ? 1 : -1
        func moved(_ value: Int, by direction: Int) -> Int { min(10, max(0, value + direction * int(in: 0...3))) }
        return ONS4(satisfaction: moved(first.satisfaction, by: lift), worthwhile: moved(first.worthwhile, by: lift),
                    happy: moved(first.happy, by: lift), anxious: moved(first.anxious, by: -lift))
    }
}
