import Foundation

/// The work done with a synthetic client, fitted to the days of its story: contacts with notes
/// and measures, the follow-ups that led to them and the next one, the action plan agreed at the
/// what-matters conversation, and connections to the directory's assets.
extension SyntheticCaseload.Builder {
    typealias Sentence = SyntheticText.Sentence

    mutating func addWork(to client: inout Client, story: SyntheticCaseload.Story, scenario: DemoData.Scenario) {
        let referred = client.referral.date
        var needs: [NeedCategory] = []
        if let talk = story.visits.first(where: { $0.kind == .whatMatters }) {
            needs = planNeeds(from: client.referral.needs)
            let end = referred.adding(days: story.lastDay)
            client.goals = needs.map { goal(for: $0, agreed: referred.adding(days: talk.day), end: end, client: client) }
        }
        var measured: (ons4: ONS4?, swemwbs: SWEMWBS?)?
        var previous = referred
        for visit in story.visits {
            let day = referred.adding(days: visit.day)
            var contact = Contact(id: random.uuid(), at: caseload.instant(day, minute: 9 * 60 + 5 * random.int(in: 0...95)),
                                  kind: visit.kind, mode: mode(of: visit), durationMinutes: minutes(of: visit.kind),
                                  notes: notes(of: visit), attemptMethod: visit.method)
            switch visit.kind {
            case .attempt, .firstConversation, .other:
                break
            case .whatMatters:
                contact.whatMatters = WhatMatters(
                    whatMatters: scenario.inOwnWords, strengths: scenario.strengths,
                    concerns: client.referral.needs.map { Concern(need: $0, note: DemoWorkData.plan(for: $0).concern) },
                    risks: client.hasRisk ? client.riskNote : "None noticed.",
                    nextSteps: client.goals.compactMap(\.steps.first?.what).joined(separator: "; "))
                contact.ons4 = random.chance(90) ? random.firstONS4() : nil
                contact.swemwbs = random.chance(75) ? SWEMWBS(answers: (0..<7).map { _ in random.int(in: 1...3) }) : nil
                measured = (contact.ons4, contact.swemwbs)
            case .checkIn, .accompaniedVisit, .review:
                if previous.days(until: day) >= 4, random.chance(10) {
                    client.followUps.append(FollowUp(
                        id: random.uuid(), due: previous.adding(days: 2), purpose: random.pick(DemoWorkData.followUpPurposes),
                        state: .cancelled(reason: random.pick(DemoWorkData.cancelReasons), on: previous.adding(days: 1))))
                }
                var followUp = FollowUp(id: random.uuid(), due: day, purpose: purpose(of: visit), mode: contact.mode,
                                        state: .completed(contactID: contact.id, on: day))
                let putBack = day.adding(days: -random.int(in: 2...5))
                if putBack > previous, random.chance(20) { followUp.previousDueDates = [putBack] }
                contact.followUpID = followUp.id
                client.followUps.append(followUp)
                if visit.kind == .review, let earlier = measured, visit.isClosing || random.chance(70) {
                    contact.ons4 = earlier.ons4.flatMap { random.laterONS4(after: $0) }
                    contact.swemwbs = earlier.swemwbs.flatMap { SWEMWBS(answers: $0.answers.map { min(5, $0 + random.int(in: 0...1)) }) }
                }
            }
            client.contacts.append(contact)
            previous = day
        }
        if let next = nextFollowUp(for: client, story: story, lastContact: previous) { client.followUps.append(next) }
        client.followUps.sort(by: FollowUp.isEarlier)
        client.connections = connections(for: client, needs: needs, story: story)
    }

    // MARK: Contacts

    private mutating func mode(of visit: SyntheticCaseload.Story.Visit) -> ContactMode {
        switch visit.kind {
        case .attempt: visit.method == .phone ? .phone : .letterOrText
        case .firstConversation: random.chance(80) ? .phone : .faceToFace
        case .whatMatters: random.pick([.faceToFace, .homeVisit, .communityVenue, .video])
        case .accompaniedVisit: .communityVenue
        case .review: random.pick([.faceToFace, .phone, .homeVisit])
        case .checkIn, .other: random.pick([.phone, .phone, .video, .faceToFace])
        }
    }

    /// In whole five minutes; unanswered attempts have none.
    private mutating func minutes(of kind: ContactKind) -> Int? {
        guard kind != .attempt else { return nil }
        let range: ClosedRange<Int> = switch kind {
        case .firstConversation: 15...40
        case .whatMatters: 45...90
        case .accompaniedVisit: 60...120
        case .review: 30...60
        case .checkIn, .other, .attempt: 10...45
        }
        return 5 * random.int(in: range.lowerBound / 5...range.upperBound / 5)
    }

    private mutating func purpose(of visit: SyntheticCaseload.Story.Visit) -> String {
        switch visit.kind {
        case .review: visit.isClosing ? "Closing review" : "Review the action plan"
        case .accompaniedVisit: "Go along together to the group"
        default: random.pick(DemoWorkData.followUpPurposes)
        }
    }

    private mutating func notes(of visit: SyntheticCaseload.Story.Visit) -> String {
        let opening: [Sentence] = switch visit.kind {
        case .attempt: SyntheticText.attemptOpenings(visit.method ?? .phone)
        case .firstConversation: SyntheticText.firstConversationOpenings
        case .whatMatters: SyntheticText.whatMattersOpenings
        case .accompaniedVisit: SyntheticText.accompaniedOpenings
        case .review: visit.isClosing ? SyntheticText.closingOpenings : SyntheticText.reviewOpenings
        case .checkIn, .other: SyntheticText.checkInOpenings
        }
        guard visit.kind != .attempt else {
            return compose(opening: opening, pool: SyntheticText.attemptFollowThrough, target: random.int(in: 200...420),
                           isConversation: false)
        }
        // Most notes are a paragraph or two; some are long.
        let target = switch random.int(in: 0...99) {
        case 0..<55: random.int(in: 200...600)
        case 55..<85: random.int(in: 600...1_200)
        default: random.int(in: 1_200...1_900)
        }
        return compose(opening: opening, pool: SyntheticText.body, target: target, isConversation: true)
    }

    /// An opening sentence, then sentences from `pool` (none twice) until the note reaches `target`
    /// characters. Conversations may mention words in another language, end with the next step and
    /// now and then an emoji. Nothing is added that would take the note past the longest allowed.
    private mutating func compose(opening: [Sentence], pool: [Sentence], target: Int, isConversation: Bool) -> String {
        precondition(pool.count <= 64, "sentences used are kept in 64 bits")
        var text = ""
        var count = 0
        func add(_ sentence: Sentence) -> Bool {
            let separator = count == 0 ? "" : random.chance(10) ? "\n" : " "
            guard count + separator.count + sentence.count <= SyntheticCaseload.noteLengths.upperBound else { return false }
            text += separator + sentence.text
            count += separator.count + sentence.count
            return true
        }
        _ = add(random.pick(opening))
        let otherLanguageAt = isConversation && random.chance(35) ? random.int(in: 1...3) : nil
        var used: UInt64 = 0
        var added = 0
        while count < target && used.nonzeroBitCount < pool.count {
            added += 1
            if added == otherLanguageAt {
                guard add(random.pick(SyntheticText.otherLanguages)) else { break }
                continue
            }
            var index = random.int(in: 0...(pool.count - 1))
            while used & (1 << index) != 0 { index = (index + 1) % pool.count }
            used |= 1 << index
            guard add(pool[index]) else { break }
        }
        if isConversation {
            _ = add(random.pick(SyntheticText.nextSteps))
            if random.chance(5) { _ = add(random.pick(SyntheticText.emoji)) }
        }
        return text
    }

    // MARK: Follow-ups

    /// The follow-up still to come, by status: the next try, the next meeting (overdue for some),
    /// the check-in after a pause. A discharge cancelled what was still booked, as the discharge
    /// rule does; a closing review left nothing booked.
    private mutating func nextFollowUp(for client: Client, story: SyntheticCaseload.Story,
                                       lastContact: CalendarDate) -> FollowUp? {
        let today = caseload.today
        switch client.status {
        case .waiting:
            return nil
        case .contacting:
            return FollowUp(id: random.uuid(), due: lastContact.adding(days: random.int(in: 2...7)),
                            purpose: "Try again to reach them")
        case .onHold:
            let hold = client.referral.date.adding(days: story.hold ?? story.lastDay)
            return FollowUp(id: random.uuid(), due: hold.adding(days: random.int(in: 14...60)), purpose: "Check in after the pause")
        case .active:
            let due = switch random.int(in: 0...99) {
            case 0..<25: max(lastContact.adding(days: 1), today.adding(days: -random.int(in: 1...10)))
            case 25..<35: today
            case 35..<70: today.adding(days: random.int(in: 1...Agenda.daysAhead))
            default: today.adding(days: random.int(in: 8...28))
            }
            var next = FollowUp(id: random.uuid(), due: due, time: random.pick([nil, "09:30", "10:00", "11:30", "14:00", "15:30"]),
                                purpose: random.pick(DemoWorkData.followUpPurposes + ["Review the action plan"]),
                                mode: random.pick([.phone, .faceToFace, .video, .homeVisit]))
            let earlier = due.adding(days: -random.int(in: 2...6))
            if earlier > lastContact, random.chance(20) { next.previousDueDates = [earlier] }
            return next
        case .discharged:
            guard let discharge = client.discharge, discharge.reason != .goalsMet,
                  discharge.reason == .unableToContact || random.chance(50) else { return nil }
            let purpose = discharge.reason == .unableToContact ? "Try again to reach them" : random.pick(DemoWorkData.followUpPurposes)
            return FollowUp(id: random.uuid(), due: discharge.date.adding(days: random.int(in: 3...14)), purpose: purpose,
                            state: .cancelled(reason: "Discharged: \(discharge.reason.label.lowercased())", on: discharge.date))
        }
    }

    // MARK: Plan

    /// One to four areas of life: those of the referral first.
    private mutating func planNeeds(from referral: [NeedCategory]) -> [NeedCategory] {
        let count = random.int(in: 1...4)
        var needs = Array(referral.prefix(count))
        while needs.count < count {
            let need = random.pick(NeedCategory.allCases)
            if !needs.contains(need) { needs.append(need) }
        }
        return needs
    }

    /// Steps fall due a week or so apart from the day the goal was agreed; easy wins first.
    private mutating func goal(for need: NeedCategory, agreed: CalendarDate, end: CalendarDate, client: Client) -> Goal {
        let plan = DemoWorkData.plan(for: need)
        let steps = plan.steps.prefix(random.int(in: 1...4)).enumerated().map { index, step in
            let due = agreed.adding(days: 7 * (index + 1) + random.int(in: 0...3))
            return PlanStep(id: random.uuid(), what: step.what, owner: step.owner, ownerName: step.name, due: due,
                            status: stepStatus(due: due, first: index == 0, end: end, client: client))
        }
        return Goal(id: random.uuid(), text: plan.goal, createdOn: agreed, steps: steps)
    }

    private mutating func stepStatus(due: CalendarDate, first: Bool, end: CalendarDate, client: Client) -> StepStatus {
        if client.discharge?.reason == .goalsMet { return first || random.chance(85) ? .done : .dropped }
        if client.status == .discharged { return due <= end ? random.pick([.done, .done, .dropped]) : random.pick([.toDo, .dropped]) }
        guard due < caseload.today else { return random.pick([.toDo, .toDo, .doing]) }
        return random.pick(first ? [.done, .done, .doing] : [.done, .done, .doing, .dropped])
    }

    // MARK: Connections


    private static func isFinished(_ way: [ConnectionState]) -> Bool {
        [.attended, .didNotAttend, .declined, .stopped].contains(way[way.count - 1])
    }

    /// Most people with a plan get one to three connections to assets for its needs, dated on
    /// days the link worker met them from the what-matters conversation on (or the discharge day),
    /// after the asset joined the directory. A closed case has none still under way.
    private mutating func connections(for client: Client, needs: [NeedCategory], story: SyntheticCaseload.Story) -> [Connection] {
        guard let talk = story.visits.firstIndex(where: { $0.kind == .whatMatters }), random.chance(75) else { return [] }
        var meetings = story.visits[talk...].map { client.referral.date.adding(days: $0.day) }
        if let discharged = client.discharge?.date, discharged > meetings[meetings.count - 1] { meetings.append(discharged) }
        var fitting = caseload.assets(for: needs)
        random.shuffle(&fitting)
        var made: [Connection] = []
        for (asset, added) in fitting.prefix(random.int(in: 1...3)) {
            let days = meetings.filter { $0 >= added }
            let ways = (asset.capacity == .waitingList ? DemoConnections.waitingListWays : DemoConnections.ways)
                .filter { (client.status != .discharged || Self.isFinished($0)) && $0.count <= days.count }
            guard !ways.isEmpty else { continue }
            let way = random.pick(ways)
            let latestStart = days.count - way.count
            let start = Self.isFinished(way) ? random.int(in: 0...latestStart) : latestStart
            let history = way.enumerated().map { offset, state in
                ConnectionEvent(state: state, date: days[start + offset],
                                note: random.pick(DemoDirectoryData.connectionNotes(state)))
            }
            made.append(Connection(id: random.uuid(), assetID: asset.id, assetName: asset.name, history: history))
        }
        return made.sorted { $0.started < $1.started }
    }
}
