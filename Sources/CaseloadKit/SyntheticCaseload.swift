import Foundation

/// Caseloads of any size, for trying Caseload at scale and for benchmarks: invented clients with
/// the history real work leaves (attempts, conversations with long notes, a plan, follow-ups,
/// wellbeing measures, connections to community assets), every status in a realistic mix.
///
/// Each client is made on its own from the seed and its number, so a caseload of a million can be
/// written one client at a time and any one client made again alone. The same seed, day and
/// assets give the same clients. Everything follows the model's rules: status histories run from
/// the waiting list to the status, contacts fall between the referral and yesterday, the first
/// successful contact fixes the days waited, and only open cases have follow-ups still scheduled.
public struct SyntheticCaseload: Sendable {
    /// NHS numbers are drawn without repeats from the 999 test range, which has room for this many.
    public static let maximumCount = 1_000_000
    /// Every note is at least this long and at most `noteLengths.upperBound`, in characters.
    public static let noteLengths = 200...2_000
    /// Reached clients have this many contacts, unanswered attempts included.
    public static let reachedContactCounts = 3...15

    public let seed: UInt64
    public let today: CalendarDate
    public let now: Date
    public let timeZone: TimeZone
    /// The assets clients may be connected to (those taking people now) and the day each was added.
    private let openAssets: [(asset: Asset, added: CalendarDate)]
    /// Midnight of each day from `firstDay` to today in `timeZone`: one `DateStyle.instant` for
    /// each contact would build a calendar a million times over.
    private let firstDay: CalendarDate
    private let midnights: [Date]

    /// How far back `midnights` go: further than any referral (at most about 700 days ago).
    private static let daysCovered = 1_000

    /// Contacts fall in working hours in `timeZone`. Connections go to `assets` that are neither
    /// retired, full nor closed.
    public init(seed: UInt64, today: CalendarDate, now: Date, assets: [Asset],
                timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.seed = seed
        self.today = today
        self.now = now
        self.timeZone = timeZone
        openAssets = assets.filter { !$0.isRetired && !$0.capacity.warnsBeforeConnecting }
            .map { ($0, CalendarDate($0.createdAt, in: timeZone)) }
        firstDay = today.adding(days: -Self.daysCovered)
        midnights = (0...Self.daysCovered).map {
            DateStyle.instant(today.adding(days: $0 - Self.daysCovered), hour: 0, minute: 0, in: timeZone)
        }
    }

    /// Client `number` (1 for C-0001), from 1 to `maximumCount`.
    public func client(number: Int) -> Client {
        precondition((1...Self.maximumCount).contains(number), "a synthetic client's number runs from 1 to \(Self.maximumCount)")
        var builder = Builder(caseload: self, number: number)
        return builder.make()
    }

    /// Clients 1 to `count`, each made only when it is asked for.
    public func clients(count: Int) -> some Sequence<Client> {
        (1..<(count + 1)).lazy.map(client(number:))
    }

    /// A 999 test number made of `middleDigits(for:)`, so no two clients share one. About one in
    /// eleven has no valid check digit; those clients have no NHS number on record, as some do not.
    func nhsNumber(for number: Int) -> NHSNumber? {
        let middle = middleDigits(for: number)
        let digits = [9, 9, 9] + [100_000, 10_000, 1_000, 100, 10, 1].map { middle / $0 % 10 }
        guard let check = NHSNumber.checkDigit(forFirstNine: digits) else { return nil }
        return try? NHSNumber((digits + [check]).map(String.init).joined())
    }

    /// Client `number`'s place, 0 to 999,999, in a shuffle of a million made from the seed: a
    /// Feistel network over two halves of three digits, which is a permutation whatever its keys.
    func middleDigits(for number: Int) -> Int {
        var (left, right) = ((number - 1) / 1_000, (number - 1) % 1_000)
        for round in 0..<4 {
            var key = SplitMix64(seed: seed ^ UInt64(round << 10 | right))
            (left, right) = (right, (left + Int(key.next() % 1_000)) % 1_000)
        }
        return left * 1_000 + right
    }

    /// `minute` minutes after midnight on `day` (a DST change moves a working-hours time by an
    /// hour, never to another day), but never after now: a referral may have come in today.
    func instant(_ day: CalendarDate, minute: Int) -> Date {
        let index = firstDay.days(until: day)
        let midnight = midnights.indices.contains(index)
            ? midnights[index] : DateStyle.instant(day, hour: 0, minute: 0, in: timeZone)
        return min(midnight.addingTimeInterval(TimeInterval(minute * 60)), now)
    }

    /// Open assets for any of `needs`, with the day each was added to the directory.
    func assets(for needs: [NeedCategory]) -> [(asset: Asset, added: CalendarDate)] {
        openAssets.filter { $0.asset.categories.contains(where: needs.contains) }
    }
}

extension SyntheticCaseload {
    /// What happens to one client, in days after the referral, before it is placed in time.
    struct Story {
        struct Visit {
            var day: Int
            var kind: ContactKind
            var method: AttemptMethod?
            var isClosing = false
        }

        var dischargeReason: DischargeReason?
        var visits: [Visit] = []
        var firstContact: Int?
        var hold: Int?
        var discharge: Int?

        var lastDay: Int { max(visits.last?.day ?? 0, hold ?? 0, discharge ?? 0) }
    }

    /// Makes one client, drawing everything from a generator seeded by the caseload's seed and the
    /// client's number.
    struct Builder {
        let caseload: SyntheticCaseload
        let number: Int
        var random: SplitMix64

        init(caseload: SyntheticCaseload, number: Int) {
            self.caseload = caseload
            self.number = number
            var mixer = SplitMix64(seed: caseload.seed &+ UInt64(number) &* 0xD1B5_4A32_D192_ED03)
            random = SplitMix64(seed: mixer.next())
        }

        private static let statusMix: [(ClientStatus, Int)] = [
            (.waiting, 7), (.contacting, 6), (.active, 36), (.onHold, 5), (.discharged, 46),
        ]
        private static let dischargeMix: [(DischargeReason, Int)] = [
            (.goalsMet, 45), (.referredOn, 15), (.unableToContact, 12), (.declined, 10), (.movedAway, 8), (.died, 3), (.other, 7),
        ]
        private static let laterKinds: [(ContactKind, Int)] = [(.checkIn, 55), (.accompaniedVisit, 20), (.review, 25)]

        mutating func make() -> Client {
            let status = weighted(Self.statusMix)
            let story = plot(status, dischargeReason: status == .discharged ? weighted(Self.dischargeMix) : nil)
            let lag = switch status {
            case .waiting: random.int(in: 0...28)
            case .contacting: random.int(in: 1...10)
            case .active: random.int(in: 1...14)
            case .onHold: random.int(in: 1...60)
            case .discharged: random.int(in: 1...365)
            }
            let referred = caseload.today.adding(days: -(story.lastDay + lag))
            var (client, scenario) = person(referred: referred)
            client.status = status
            client.statusHistory = history(of: story, from: referred)
            client.firstContactDate = story.firstContact.map(referred.adding(days:))
            if let reason = story.dischargeReason, let day = story.discharge {
                client.discharge = Discharge(reason: reason, date: referred.adding(days: day),
                                             note: random.pick(DemoData.dischargeNote(reason)))
            }
            if random.chance(12) { client.riskNote = random.pick(DemoData.riskNotes) }
            client.discussInSupervision = random.chance(client.hasRisk ? 50 : 6)
            addWork(to: &client, story: story, scenario: scenario)
            // Last changed by the latest contact, or by a status change or connection news written up that evening.
            let lastDay = (client.statusHistory.map(\.date) + client.connections.map(\.latest.date)).max()
            let changes = [client.contacts.last?.at, lastDay.map { caseload.instant($0, minute: 17 * 60 + 30) }]
            client.updatedAt = max(client.createdAt, changes.compactMap { $0 }.max() ?? client.createdAt)
            return client
        }

        /// The days of each contact, pause and discharge, fitting the status.
        private mutating func plot(_ status: ClientStatus, dischargeReason: DischargeReason?) -> Story {
            var story = Story(dischargeReason: dischargeReason)
            guard status != .waiting else { return story }
            var day = random.int(in: 0...4)
            let firstMethod = random.pick(DemoData.firstAttemptMethods)
            func attempt(_ index: Int) {
                story.visits.append(Story.Visit(day: day, kind: .attempt,
                                                method: index == 0 ? firstMethod : random.pick(DemoData.firstAttemptMethods)))
                day += random.int(in: 2...6)
            }
            if status == .contacting || dischargeReason == .unableToContact {
                let attempts = status == .contacting ? random.int(in: 1...3) : random.int(in: 3...5)
                for index in 0..<attempts { attempt(index) }
                if status == .discharged { story.discharge = story.lastDay + random.int(in: 7...14) }
                return story
            }
            // Contacts bunch around nine, as in a typical three months of support.
            let total = 3 + random.int(in: 0...6) + random.int(in: 0...6)
            let unanswered = min(random.chance(30) ? 0 : random.int(in: 1...2), total - 3)
            for index in 0..<unanswered { attempt(index) }
            story.firstContact = day
            story.visits.append(Story.Visit(day: day, kind: .firstConversation))
            day += random.int(in: 3...14)
            story.visits.append(Story.Visit(day: day, kind: .whatMatters))
            let later = total - unanswered - 2
            for index in 0..<later {
                day += random.int(in: 5...21)
                let isClosing = dischargeReason == .goalsMet && index == later - 1
                story.visits.append(Story.Visit(day: day, kind: isClosing ? .review : weighted(Self.laterKinds), isClosing: isClosing))
            }
            switch status {
            case .onHold: story.hold = day + random.int(in: 3...14)
            case .discharged: story.discharge = dischargeReason == .goalsMet ? day : day + random.int(in: 3...28)
            default: break
            }
            return story
        }

        /// From the waiting list to the status, in the words the contact and status rules use.
        private mutating func history(of story: Story, from referred: CalendarDate) -> [StatusChange] {
            var changes: [StatusChange] = []
            var current = ClientStatus.waiting
            func move(to next: ClientStatus, on day: Int, note: String) {
                changes.append(StatusChange(date: referred.adding(days: day), from: current, to: next, note: note))
                current = next
            }
            if let first = story.visits.first, first.kind == .attempt {
                move(to: .contacting, on: first.day, note: "Contact attempt (\(first.method!.label.lowercased()))")
            }
            if let day = story.firstContact { move(to: .active, on: day, note: "First contact") }
            if let day = story.hold { move(to: .onHold, on: day, note: random.pick(DemoData.holdNotes)) }
            if let day = story.discharge, let reason = story.dischargeReason { move(to: .discharged, on: day, note: reason.label) }
            return changes
        }

        /// Who the person is and how they were referred.
        private mutating func person(referred: CalendarDate) -> (Client, DemoData.Scenario) {
            let practice = random.pick(DemoData.practices)
            let scenario = random.pick(DemoData.scenarios)
            let (name, preferredName, emailStem) = self.name()
            let (referrerName, role) = referrer(at: practice, selfName: name)
            let consentToShare: Bool? = switch random.int(in: 0...9) {
            case 0: false
            case 1: nil
            default: true
            }
            let referral = Referral(date: referred, referrerName: referrerName, referrerRole: role, reason: scenario.reason,
                                    needs: scenario.needs, consentToContact: true, consentToShare: consentToShare)
            let age = random.int(in: 18...95)
            let birth = CalendarDate(year: caseload.today.year - age, month: caseload.today.month, day: min(caseload.today.day, 28))?
                .adding(days: -random.int(in: 0...364))
            var client = Client(id: random.uuid(), reference: ClientReference.make(number), name: name,
                                preferredName: preferredName, dateOfBirth: birth, nhsNumber: caseload.nhsNumber(for: number),
                                address: address(in: practice.town), practice: practice.name, referral: referral,
                                createdAt: caseload.instant(referred, minute: 8 * 60 + 5 * random.int(in: 0...11)))
            if random.chance(90) { client.phone = dramaPhoneNumber() }
            if let emailStem, random.chance(35) { client.email = "\(emailStem)\(number % 100)@example.org" }
            client.preferredContact = client.phone == nil ? .letter : random.pick([.phone, .phone, .phone, .text, .text, .email])
            if client.preferredContact == .email && client.email == nil { client.preferredContact = .phone }
            return (client, scenario)
        }

        /// In Ofcom's range for drama, so never a real person's.
        private mutating func dramaPhoneNumber() -> String {
            let digits = String(random.int(in: 0...999))
            return "07700 900" + String(repeating: "0", count: 3 - digits.count) + digits
        }

        /// Mostly "given family" in several scripts and with accents; now and then a whole name in a
        /// script without Latin letters. Names repeat, as in a real caseload.
        private mutating func name() -> (name: String, preferred: String?, emailStem: String?) {
            if random.int(in: 0...19) == 0 {
                let whole = random.pick(SyntheticText.wholeNames)
                return (whole.name, random.chance(60) ? whole.preferred : nil, nil)
            }
            let given = random.pick(SyntheticText.givenNames)
            let family = random.pick(SyntheticText.familyNames)
            let stem = [given.name, family].map { SearchFolding.fold($0).filter { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            return (given.name + " " + family, random.chance(50) ? given.preferred : nil, stem.joined(separator: "."))
        }

        private mutating func referrer(at practice: DemoData.Practice, selfName: String) -> (String, ReferrerRole) {
            switch random.int(in: 0...99) {
            case 0..<50: (random.pick(practice.gps), .gp)
            case 50..<60: (practice.receptionist, .receptionist)
            case 60..<65: (selfName, .selfReferral)
            default: random.pick(DemoData.networkReferrers)
            }
        }

        private mutating func address(in town: String) -> String {
            let street = random.pick(DemoData.streets)
            if random.chance(25) {
                return "Flat \(random.int(in: 1...24)), \(random.pick(DemoData.blocks)), \(street), \(town)"
            }
            return "\(random.int(in: 1...140)) \(street), \(town)"
        }

        /// One of `options`, each as likely as its weight.
        private mutating func weighted<T>(_ options: [(T, Int)]) -> T {
            var roll = random.int(in: 0...(options.reduce(0) { $0 + $1.1 } - 1))
            for (option, weight) in options {
                if roll < weight { return option }
                roll -= weight
            }
            return options[options.count - 1].0
        }
    }
}
