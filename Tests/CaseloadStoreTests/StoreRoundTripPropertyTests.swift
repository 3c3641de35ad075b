import CaseloadKit
@testable import CaseloadStore
import Foundation
import PropertyBased
import Testing

// MARK: Generators

/// Text that has tripped up encoders: combining marks (also first, with nothing to combine with),
/// CJK, emoji with modifiers and joiners, flags, control characters (NUL, escape, DEL, C1), line and
/// paragraph separators, a byte order mark, bidi marks, quotes, backslashes and escapes written out.
private let trickyPieces = [
    "a", "Z", " ", "é", "e\u{301}", "\u{301}", "\u{308}\u{323}", "陈", "한", "ｱ", "😀", "👍🏽",
    "👩\u{200D}👩\u{200D}👧", "🇬🇧", "🇬", "❤\u{FE0F}", "𝄞", "\u{0}", "\u{1B}[31m", "\t", "\n", "\r\n", "\r",
    "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{200F}", "\u{FFFD}", "\u{FFFF}", "\u{10FFFF}",
    "\"", "\\", "\\\"", "\\u0041", "/", "</script>", "{\"reference\": \"C-1\"}",
]

private let trickyPiece = Gen<String?>.element(of: trickyPieces).map { $0! }

/// Any Unicode scalar: values past the surrogate gap are moved over it.
private let anyScalar = Gen<UInt32>.value(in: 0...(0x10FFFF - 0x800))
    .map { Unicode.Scalar($0 < 0xD800 ? $0 : $0 + 0x800)! }

/// Mostly short text of every kind; now and then one piece repeated thousands of times.
private let text = Gen<String>.frequency(
    (weight: 4, gen: trickyPiece.array(of: 0...12).map { $0.joined() }),
    (weight: 3, gen: anyScalar.array(of: 0...16).map { String(String.UnicodeScalarView($0)) }),
    (weight: 3, gen: Gen.letterOrNumber.string(of: 0...20)),
    (weight: 0.1, gen: zip(trickyPiece, Gen.int(in: 1_000...10_000)).map { String(repeating: $0, count: $1) }))

private let uuid = Gen<UInt8>.value().array(of: 16).map { b in
    UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
}

/// Every day a `CalendarDate` can hold, years 1 to 9999.
private let calendarDate = zip(Gen.int(in: 1...9999), Gen.int(in: 1...12), Gen.int(in: 1...31))
    .map { year, month, day in
        CalendarDate(year: year, month: month, day: min(day, CalendarDate.daysInMonth(year: year, month: month)))!
    }

/// Whole seconds, as the files keep them (ISO 8601 without fractions), in years 1 to 9999: every
/// instant with a four-digit year.
private let instant = Gen.int(in: -62_135_596_800...253_402_300_799)
    .map { Date(timeIntervalSince1970: TimeInterval($0)) }

/// Nine random digits and the check digit they call for; nine with no valid check digit are skipped.
private let nhsNumber = Gen.int(in: 0...9).array(of: 9).compactMap { digits -> NHSNumber? in
    guard let check = NHSNumber.checkDigit(forFirstNine: digits) else { return nil }
    return try? NHSNumber((digits + [check]).map(String.init).joined())
}

private let referral = zip(
    calendarDate, text, Gen<ReferrerRole>.case, text, Gen<NeedCategory>.case.array(of: 0...4), Gen.bool, Gen.bool.optional
).map { date, referrerName, role, reason, needs, consentToContact, consentToShare in
    Referral(date: date, referrerName: referrerName, referrerRole: role, reason: reason, needs: needs,
             consentToContact: consentToContact, consentToShare: consentToShare)
}

private let discharge = zip(Gen<DischargeReason>.case, calendarDate, text).map { reason, date, note in
    Discharge(reason: reason, date: date, note: note)
}

private let statusChange = zip(calendarDate, Gen<ClientStatus>.case, Gen<ClientStatus>.case, text)
    .map { date, from, to, note in StatusChange(date: date, from: from, to: to, note: note) }

private let concern = zip(Gen<NeedCategory>.case, text).map { need, note in Concern(need: need, note: note) }

private let whatMatters = zip(text, text, concern.array(of: 0...3), text, text)
    .map { whatMatters, strengths, concerns, risks, nextSteps in
        WhatMatters(whatMatters: whatMatters, strengths: strengths, concerns: concerns, risks: risks, nextSteps: nextSteps)
    }

private let ons4 = Gen.int(in: ONS4.scale).array(of: 4)
    .map { ONS4(satisfaction: $0[0], worthwhile: $0[1], happy: $0[2], anxious: $0[3])! }

private let swemwbs = Gen.int(in: SWEMWBS.scale).array(of: 7).map { SWEMWBS(answers: $0)! }

private let contact = zip(
    zip(uuid, instant, Gen<ContactKind>.case, Gen<ContactMode>.case, Gen.int().optional, text),
    zip(Gen<AttemptMethod>.case.optional, whatMatters.optional, ons4.optional, swemwbs.optional, uuid.optional)
).map { event, findings in
    let (id, at, kind, mode, durationMinutes, notes) = event
    let (attemptMethod, whatMatters, ons4, swemwbs, followUpID) = findings
    return Contact(id: id, at: at, kind: kind, mode: mode, durationMinutes: durationMinutes, notes: notes,
                   attemptMethod: attemptMethod, whatMatters: whatMatters, ons4: ons4, swemwbs: swemwbs,
                   followUpID: followUpID)
}

private let planStep = zip(uuid, text, Gen<StepOwner>.case, text, calendarDate.optional, Gen<StepStatus>.case, text)
    .map { id, what, owner, ownerName, due, status, note in
        PlanStep(id: id, what: what, owner: owner, ownerName: ownerName, due: due, status: status, note: note)
    }

private let goal = zip(uuid, text, calendarDate, planStep.array(of: 0...3)).map { id, text, createdOn, steps in
    Goal(id: id, text: text, createdOn: createdOn, steps: steps)
}

private let followUpState = Gen<FollowUpState>.oneOf(
    Gen.always(FollowUpState.scheduled),
    zip(uuid, calendarDate).map { FollowUpState.completed(contactID: $0, on: $1) },
    zip(text, calendarDate).map { FollowUpState.cancelled(reason: $0, on: $1) })

private let followUp = zip(
    uuid, calendarDate, text.optional, text, Gen<ContactMode>.case, followUpState, calendarDate.array(of: 0...3)
).map { id, due, time, purpose, mode, state, previousDueDates in
    FollowUp(id: id, due: due, time: time, purpose: purpose, mode: mode, state: state, previousDueDates: previousDueDates)
}

private let connectionEvent = zip(Gen<ConnectionState>.case, calendarDate, text).map { state, date, note in
    ConnectionEvent(state: state, date: date, note: note)
}

private let connection = zip(uuid, uuid, text, uuid.optional, connectionEvent.array(of: 1...3))
    .map { id, assetID, assetName, stepID, history in
        Connection(id: id, assetID: assetID, assetName: assetName, stepID: stepID, history: history)
    }

/// A client with every optional field present or absent, and lists from empty to a few items.
private let client = zip(
    zip(uuid, text, text, text.optional, calendarDate.optional, nhsNumber.optional, text.optional, text.optional,
        text.optional, Gen<ContactMethod>.case.optional),
    zip(text, referral, Gen<ClientStatus>.case, discharge.optional, calendarDate.optional, statusChange.array(of: 0...3),
        text, Gen.bool),
    zip(contact.array(of: 0...4), goal.array(of: 0...3), followUp.array(of: 0...3), connection.array(of: 0...3)),
    zip(instant, instant.optional)
).map { person, casework, work, times in
    let (id, reference, name, preferredName, dateOfBirth, nhsNumber, phone, email, address, preferredContact) = person
    let (practice, referral, status, discharge, firstContactDate, statusHistory, riskNote, discussInSupervision) = casework
    let (contacts, goals, followUps, connections) = work
    return Client(
        id: id, reference: reference, name: name, preferredName: preferredName, dateOfBirth: dateOfBirth,
        nhsNumber: nhsNumber, phone: phone, email: email, address: address, preferredContact: preferredContact,
        practice: practice, referral: referral, status: status, discharge: discharge, firstContactDate: firstContactDate,
        statusHistory: statusHistory, riskNote: riskNote, discussInSupervision: discussInSupervision,
        contacts: contacts, goals: goals, followUps: followUps, connections: connections,
        createdAt: times.0, updatedAt: times.1)
}

// MARK: Properties

/// The real file calls but for the syncs: what is written is under test here, not its durability,
/// and a few thousand syncs would take most of the run.
private let withoutSync = {
    var operations = FileOperations.system
    operations.fsync = { _ in }
    operations.syncDirectory = { _ in }
    return operations
}()

@Suite("Saving and loading generated clients")
struct StoreRoundTripPropertyTests {
    @Test func everyClientLoadsBackEqualAndSavesToTheSameBytes() async {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("caseload-store-properties-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: root) }

        await propertyCheck(count: 100, input: client) { client in
            // A folder per case, because shrinking tries ids that earlier cases used.
            let dir = root.appendingPathComponent(UUID().uuidString, isDirectory: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let store = try ClientStore.open(directory: dir, fileOperations: withoutSync, now: pinnedNow)
            let file = clientFile(dir, client.id)

            try store.save(client, previous: nil, at: pinnedNow)
            let saved = try bytes(at: file)
            let load = store.loadClients()
            #expect(load.problems.isEmpty, "\(load.problems)")
            #expect(load.clients == [client])

            // Saving again must write the same bytes. Saving what was read back shows that, and more:
            // String's == ignores Unicode normalisation, the bytes do not.
            for loaded in load.clients {
                try store.save(loaded, previous: client, at: pinnedNow)
                #expect(try bytes(at: file) == saved, "saving the client again changed the file")
            }
        }
    }
}
