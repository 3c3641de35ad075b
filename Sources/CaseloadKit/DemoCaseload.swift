import Foundation

/// A synthetic caseload for trying Caseload out and for screenshots: 60 invented people across
/// three invented practices, every status, realistic timelines, the work done with each
/// (contacts, plans, follow-ups, measures) and connections to the assets of `DemoDirectory`.
/// Deterministic for a seed.
public enum DemoCaseload {
    /// The invented link worker who signs the demo's exports.
    public static let worker = WorkerSettings(
        name: "Jo Example", role: "Social prescribing link worker", organisation: "Demo Primary Care Network",
        phone: "01632 960000", email: "jo.example@example.org")

    public static var practices: [String] { DemoData.practices.map(\.name) }

    /// Referral dates fall within this many days before `today`.
    public static let referralWindowDays = 182

    /// Contacts fall in working hours in `timeZone`.
    public static func make(today: CalendarDate, now: Date, seed: UInt64 = 42,
                            timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> [Client] {
        var builder = Builder(today: today, now: now, timeZone: timeZone, random: SplitMix64(seed: seed),
                              work: DemoWork(today: today, now: now, timeZone: timeZone, seed: seed),
                              connections: DemoConnections(directory: DemoDirectory.entries(today: today, now: now),
                                                           timeZone: timeZone, seed: seed))
        return builder.make()
    }

    private struct Builder {
        let today: CalendarDate
        let now: Date
        let timeZone: TimeZone
        var random: SplitMix64
        var work: DemoWork
        var connections: DemoConnections

        mutating func make() -> [Client] {
            var people = DemoData.people
            random.shuffle(&people)
            let statuses = statusesOldestFirst()
            precondition(statuses.count == people.count, "status quotas must cover every demo person")
            let count = people.count

            // Oldest first, so references run in referral order.
            let referralDates = (0..<count)
                .map { _ in today.adding(days: -random.int(in: 0...DemoCaseload.referralWindowDays)) }
                .sorted()
            var reasons = DemoData.dischargeReasons
            random.shuffle(&reasons)
            var phoneEndings = Array(0...999)
            random.shuffle(&phoneEndings)
            // Fixed numbers of each trait, so every seed shows them all.
            let withoutNHSNumber = Set(chosen(7, of: count))
            let withRisk = Set(chosen(12, of: count))
            let withoutPhone = Set(chosen(4, of: count))

            var clients = (0..<count).map { index in
                var (client, scenario) = person(people[index], reference: ClientReference.make(index + 1),
                                                referred: referralDates[index])
                if !withoutNHSNumber.contains(index) { client.nhsNumber = testNHSNumber() }
                if !withoutPhone.contains(index) { client.phone = String(format: "07700 900%03d", phoneEndings[index]) }
                client.email = random.chance(40) ? people[index].emailStem + "@example.org" : nil
                client.preferredContact = preferredContact(for: client)
                if withRisk.contains(index) { client.riskNote = random.pick(DemoData.riskNotes) }
                client.discussInSupervision = random.chance(client.hasRisk ? 50 : 5)
                let reason: DischargeReason? = statuses[index] == .discharged ? reasons.removeLast() : nil
                let firstAttempt = live(&client, to: statuses[index], dischargeReason: reason)
                work.add(to: &client, scenario: scenario, firstAttempt: firstAttempt)
                return client
            }
            connections.add(to: &clients)
            return clients
        }

        /// Oldest referrals first. The oldest have mostly finished; the newest are still waiting.
        mutating func statusesOldestFirst() -> [ClientStatus] {
            func deck(_ counts: KeyValuePairs<ClientStatus, Int>) -> [ClientStatus] {
                var cards = counts.flatMap { Array(repeating: $0.key, count: $0.value) }
                random.shuffle(&cards)
                return cards
            }
            return deck([.discharged: 14, .active: 8, .onHold: 3])
                + deck([.discharged: 4, .active: 14, .onHold: 2])
                + deck([.waiting: 9, .contacting: 6])
        }

        mutating func chosen(_ wanted: Int, of count: Int) -> [Int] {
            var positions = Array(0..<count)
            random.shuffle(&positions)
            return Array(positions.prefix(wanted))
        }

        /// Most agreed to sharing with the referrer; a few said no or were not asked. Taken from the
        /// reference rather than the random stream, so the rest of the demo stays as it was.
        static func consentToShare(reference: String) -> Bool? {
            let number = ClientReference.number(in: reference) ?? 0
            if number % 7 == 3 { return false }
            if number % 11 == 5 { return nil }
            return true
        }

        mutating func person(_ person: DemoData.Person, reference: String,
                             referred: CalendarDate) -> (Client, DemoData.Scenario) {
            let practice = random.pick(DemoData.practices)
            let scenario = random.pick(DemoData.scenarios)
            let (referrerName, role) = referrer(at: practice, selfName: person.name)
            let referral = Referral(date: referred, referrerName: referrerName, referrerRole: role,
                                    reason: scenario.reason, needs: scenario.needs, consentToContact: true,
                                    consentToShare: Self.consentToShare(reference: reference))
            // Adults only: a birthday exactly `age` years before today, then up to a year earlier.
            let age = random.int(in: 18...92)
            let birth = CalendarDate(year: today.year - age, month: today.month, day: min(today.day, 28))?
                .adding(days: -random.int(in: 0...364))
            let client = Client(id: random.uuid(), reference: reference, name: person.name,
                                preferredName: person.preferredName, dateOfBirth: birth, address: address(in: practice.town),
                                practice: practice.name, referral: referral, createdAt: instant(on: referred))
            return (client, scenario)
        }

        mutating func referrer(at practice: DemoData.Practice, selfName: String) -> (String, ReferrerRole) {
            switch random.int(in: 0...99) {
            case 0..<50: (random.pick(practice.gps), .gp)
            case 50..<60: (practice.receptionist, .receptionist)
            case 60..<65: (selfName, .selfReferral)
            default: random.pick(DemoData.networkReferrers)
            }
        }

        mutating func address(in town: String) -> String {
            let street = random.pick(DemoData.streets)
            if random.chance(25) {
                return "Flat \(random.int(in: 1...24)), \(random.pick(DemoData.blocks)), \(street), \(town)"
            }
            return "\(random.int(in: 1...140)) \(street), \(town)"
        }

        mutating func preferredContact(for client: Client) -> ContactMethod? {
            if client.phone == nil { return random.chance(50) ? .letter : .inPerson }
            if client.email != nil && random.chance(30) { return .email }
            return random.chance(10) ? nil : random.pick([.phone, .phone, .phone, .text, .text])
        }

        /// A 999 test number with a valid check digit: never one issued to a real patient.
        mutating func testNHSNumber() -> NHSNumber {
            while true {
                let digits = [9, 9, 9] + (0..<6).map { _ in random.int(in: 0...9) }
                guard let check = NHSNumber.checkDigit(forFirstNine: digits) else { continue }
                return try! NHSNumber((digits + [check]).map(String.init).joined())
            }
        }

        /// Walks the client from the waiting list to `status`, recording each change on the way,
        /// with every date between the referral and today, as the contact rules would. Returns how
        /// the first attempt to reach them was made, if one was.
        mutating func live(_ client: inout Client, to status: ClientStatus,
                           dischargeReason: DischargeReason?) -> AttemptMethod? {
            var current = ClientStatus.waiting
            var date = client.referral.date
            func move(_ next: ClientStatus, after days: ClosedRange<Int>, note: String = "") {
                date = later(date, by: days)
                client.statusHistory.append(StatusChange(date: date, from: current, to: next, note: note))
                current = next
            }
            var method: AttemptMethod?
            if status != .waiting {
                let tried = random.pick(DemoData.firstAttemptMethods)
                move(.contacting, after: 0...5, note: "Contact attempt (\(tried.label.lowercased()))")
                method = tried
            }
            let reached = status == .active || status == .onHold || (status == .discharged && dischargeReason != .unableToContact)
            if reached {
                move(.active, after: 0...14, note: "First contact")
                client.firstContactDate = date
            }
            if status == .onHold { move(.onHold, after: 7...40, note: random.pick(DemoData.holdNotes)) }
            if let dischargeReason {
                move(.discharged, after: reached ? 14...90 : 14...28, note: dischargeReason.label)
                client.discharge = Discharge(reason: dischargeReason, date: date,
                                             note: random.pick(DemoData.dischargeNote(dischargeReason)))
            }
            client.status = current
            // Notes and edits go on after the last status change for people still being seen.
            let lastTouched = status == .discharged ? date : later(date, by: 0...30)
            client.updatedAt = min(max(instant(on: lastTouched), client.createdAt), now)
            return method
        }

        /// A day `days` after `date`, but never after today.
        mutating func later(_ date: CalendarDate, by days: ClosedRange<Int>) -> CalendarDate {
            let room = max(0, date.days(until: today))
            let wanted = random.int(in: days)
            return date.adding(days: min(wanted, room))
        }

        /// Some time in the working day of `day`, but never after `now`.
        mutating func instant(on day: CalendarDate) -> Date {
            let midnight = DateStyle.instant(day, hour: 0, minute: 0, in: timeZone)
            return min(midnight.addingTimeInterval(TimeInterval(random.int(in: 9 * 3600...17 * 3600))), now)
        }
    }
}
