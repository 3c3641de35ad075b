import CaseloadKit
@testable import CaseloadStore
import Foundation
import Glibc
import Testing

@Suite("Summary cache and the quick first reading")
struct SummaryLoadTests {
    /// Saves `count` clients, some with work, one with awkward text, into a new store.
    private func savedClients(_ count: Int, in store: ClientStore) throws -> [Client] {
        var clients: [Client] = []
        for number in 1...count {
            var client = try number == 1 ? clientWithWork() : fullClient(reference: "C-\(1000 + number)", name: "Zoë \(number)")
            client.status = [.waiting, .contacting, .active, .onHold][number % 4]
            client.discharge = nil
            if number == 2 {
                client.name = "Tab\there, new\nline, back\\slash, 陈 😀"
                client.preferredName = nil
                client.nhsNumber = nil
                client.riskNote = ""
            }
            try store.save(client, previous: nil, at: pinnedNow)
            clients.append(client)
        }
        return clients
    }

    private func byID(_ summaries: [ClientSummary]) -> [UUID: ClientSummary] {
        Dictionary(uniqueKeysWithValues: summaries.map { ($0.id, $0) })
    }

    @Test func theCacheReadsBackExactlyWhatWasWritten() throws {
        var cache = SummaryCache()
        for client in [try clientWithWork(), try fullClient(reference: "C-7", name: "a\tb\nc\\d\re 陈 😀")] {
            cache.rows.append(SummaryCache.Row(name: RecordFileReader<Client>.fileName(for: client.id), entry: SummaryCache.Entry(
                identity: FileIdentity(inode: 42, size: 1234, modified: 1_788_962_700_123_456_789),
                summary: client.summary, hasUnknownFields: client.reference == "C-7")))
        }
        cache.rows.sort { $0.name < $1.name }
        #expect(SummaryCache.decode(cache.encoded()) == cache)
    }

    @Test(arguments: [0, 1, 30, 200])
    func aCacheCutShortOrChangedIsNotUsed(keep: Int) throws {
        var cache = SummaryCache()
        let client = try clientWithWork()
        cache.rows.append(SummaryCache.Row(name: RecordFileReader<Client>.fileName(for: client.id), entry: SummaryCache.Entry(
            identity: FileIdentity(inode: 1, size: 2, modified: 3), summary: client.summary,
            hasUnknownFields: false)))
        let whole = cache.encoded()
        #expect(keep < whole.count)
        #expect(SummaryCache.decode(Array(whole.prefix(keep))) == nil)
        let otherVersion = Array("caseload client summaries 0".utf8) + whole.drop(while: { $0 != UInt8(ascii: "\n") })
        #expect(SummaryCache.decode(otherVersion) == nil)
        #expect(SummaryCache.decode(Array(SummaryCache.header.utf8) + whole.drop(while: { $0 != UInt8(ascii: "\n") })) != nil)
    }

    @Test func aCacheOutOfNameOrderIsNotUsed() throws {
        var cache = SummaryCache()
        for client in [try clientWithWork(), try fullClient(reference: "C-7")] {
            cache.rows.append(SummaryCache.Row(name: RecordFileReader<Client>.fileName(for: client.id), entry: SummaryCache.Entry(
                identity: FileIdentity(inode: 1, size: 2, modified: 3), summary: client.summary,
                hasUnknownFields: false)))
        }
        let lines = String(decoding: cache.encoded(), as: UTF8.self).split(separator: "\n")
        let swapped = [lines[0], lines[2], lines[1]].joined(separator: "\n") + "\n"
        #expect(SummaryCache.decode(Array(swapped.utf8)) == nil)
    }

    @Test func aLargeCacheReadInPartsReadsBackWholeAndInOrder() throws {
        let template = try fullClient()
        var cache = SummaryCache()
        for number in 0..<5_000 {
            var summary = template.summary
            summary.id = UUID()
            summary.reference = "C-\(number)"
            cache.rows.append(SummaryCache.Row(name: RecordFileReader<Client>.fileName(for: summary.id), entry: SummaryCache.Entry(
                identity: FileIdentity(inode: UInt64(number), size: 2, modified: 3), summary: summary,
                hasUnknownFields: number % 7 == 0)))
        }
        cache.rows.sort { $0.name < $1.name }
        let encoded = cache.encoded()
        #expect(SummaryCache.decode(encoded) == cache)

        // The last row of the first part swapped with the first of the second (line 0 is the header).
        var lines = String(decoding: encoded, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines.swapAt(2_500, 2_501)
        #expect(SummaryCache.decode(Array(lines.joined(separator: "\n").utf8)) == nil)
    }

    @Test func theFirstReadingDecodesEveryFileAndTheSecondNone() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let clients = try savedClients(6, in: store)

            let first = store.loadSummaries()
            #expect(first.cachedCount == 0)
            #expect(first.decodedCount == 6)
            #expect(byID(first.summaries) == byID(clients.map(\.summary)))
            let update = try #require(first.cacheUpdate)
            update.write()
            #expect(mode(of: dir.appendingPathComponent(SummaryCache.relativePath)) == 0o600)

            let second = store.loadSummaries()
            #expect(second.cachedCount == 6)
            #expect(second.decodedCount == 0)
            #expect(second.cacheUpdate == nil, "an up-to-date cache is not written again")
            #expect(second.remainder.knownWhole.allSatisfy { $0 != nil } && second.remainder.knownWhole.count == 6, "files known free of unknown fields are not searched for them")
            #expect(byID(second.summaries) == byID(clients.map(\.summary)))
        }
    }

    @Test func aSavedClientIsReadFromItsFileNotTheCache() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let clients = try savedClients(3, in: store)
            store.loadSummaries().cacheUpdate?.write()

            var changed = clients[1]
            changed.status = .discharged
            changed.name = "Renamed"
            try store.save(changed, previous: clients[1], at: pinnedNow)
            let load = store.loadSummaries()
            #expect(load.decodedCount == 1)
            #expect(byID(load.summaries)[changed.id] == changed.summary)
        }
    }

    @Test func aFileEditedInPlaceIsReadFromTheFile() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let clients = try savedClients(2, in: store)
            store.loadSummaries().cacheUpdate?.write()

            // Same inode, same size: only the times tell.
            let file = clientFile(dir, clients[0].id)
            let text = String(decoding: try bytes(at: file), as: UTF8.self)
            let edited = text.replacingOccurrences(of: "\"C-0042\"", with: "\"C-0043\"")
            #expect(edited.utf8.count == text.utf8.count)
            let handle = try FileHandle(forWritingTo: file)
            try handle.write(contentsOf: Data(edited.utf8))
            try handle.close()

            let load = store.loadSummaries()
            #expect(load.decodedCount == 1)
            #expect(byID(load.summaries)[clients[0].id]?.reference == "C-0043")
        }
    }

    @Test func rowsOfFilesThatAreGoneAreDropped() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let clients = try savedClients(3, in: store)
            store.loadSummaries().cacheUpdate?.write()
            try FileManager.default.removeItem(at: clientFile(dir, clients[2].id))

            let load = store.loadSummaries()
            #expect(Set(load.summaries.map(\.id)) == Set(clients.prefix(2).map(\.id)))
            #expect(load.cacheUpdate != nil, "the cache no longer matches the folder")
        }
    }

    @Test func aDamagedCacheIsRebuiltFromTheFiles() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let clients = try savedClients(3, in: store)
            store.loadSummaries().cacheUpdate?.write()
            try write(SummaryCache.header + "\ngarbage\n", to: dir.appendingPathComponent(SummaryCache.relativePath))

            let load = store.loadSummaries()
            #expect(load.decodedCount == 3)
            #expect(byID(load.summaries) == byID(clients.map(\.summary)))
            load.cacheUpdate?.write()
            #expect(store.loadSummaries().cachedCount == 3)
        }
    }

    @Test func problemFilesAreReportedAsAFullLoadReportsThem() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let clients = try savedClients(3, in: store)
            store.loadSummaries().cacheUpdate?.write()
            try write("{\"reference\": \"C-0099\", \"trunc", to: clientsFolder(dir).appendingPathComponent(UUID().uuidString.lowercased() + ".json"))
            try FileManager.default.copyItem(at: clientFile(dir, clients[0].id),
                                             to: clientsFolder(dir).appendingPathComponent("copy.json"))

            let load = store.loadSummaries()
            #expect(load.problems == store.loadClients().problems)
            #expect(load.problems.count == 2)
            #expect(Set(load.summaries.map(\.id)) == Set(clients.map(\.id)))
        }
    }

    @Test func theRestOfTheReadingGivesEveryClientInFull() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let clients = try savedClients(5, in: store)
            store.loadSummaries().cacheUpdate?.write()
            var changed = clients[0]
            changed.riskNote = "Changed since the cache was written"
            try store.save(changed, previous: clients[0], at: pinnedNow)

            let load = store.loadSummaries()
            let full = load.remainder.load()
            #expect(full.problems.isEmpty)
            let expected = [changed] + clients.dropFirst()
            #expect(Dictionary(uniqueKeysWithValues: full.clients.map { ($0.id, $0) })
                == Dictionary(uniqueKeysWithValues: expected.map { ($0.id, $0) }))
        }
    }

    @Test func unknownFieldsOfClientsReadInTheBackgroundSurviveASave() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try clientWithWork()
            try store.save(client, previous: nil, at: pinnedNow)
            let file = clientFile(dir, client.id)
            var object = try jsonObject(at: file)
            object["pronouns"] = "she/her"
            try writeJSONObject(object, to: file)
            store.loadSummaries().cacheUpdate?.write()

            store.close()
            let reopened = try ClientStore.open(directory: dir, now: pinnedNow)
            let load = reopened.loadSummaries()
            #expect(load.cachedCount == 1, "the client came from the cache, so its fields are read in the background")
            #expect(load.remainder.knownWhole == [nil], "the cache remembers that this file has unknown fields")
            reopened.adopt(load.remainder.load())
            var changed = client
            changed.riskNote = "None now."
            try reopened.save(changed, previous: client, at: pinnedNow)
            #expect(try jsonObject(at: file)["pronouns"] as? String == "she/her")
        }
    }

    @Test func aFileReplacedAfterTheCacheVouchedForItIsCheckedForUnknownFields() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try clientWithWork()
            try store.save(client, previous: nil, at: pinnedNow)
            store.loadSummaries().cacheUpdate?.write()
            let load = store.loadSummaries()
            #expect(load.remainder.knownWhole.count == 1 && load.remainder.knownWhole[0] != nil)

            // Between the first frame and the background reading, something else rewrites the file.
            let file = clientFile(dir, client.id)
            var object = try jsonObject(at: file)
            object["pronouns"] = "she/her"
            let replacement = dir.appendingPathComponent("replacement.json")
            try writeJSONObject(object, to: replacement)
            #expect(rename(replacement.path, file.path) == 0)

            store.adopt(load.remainder.load())
            var changed = client
            changed.riskNote = "None now."
            try store.save(changed, previous: client, at: pinnedNow)
            #expect(try jsonObject(at: file)["pronouns"] as? String == "she/her")
        }
    }

    @Test func aBackupDoesNotMakeTheCacheStale() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            _ = try savedClients(4, in: store)
            store.loadSummaries().cacheUpdate?.write()
            _ = try store.makeBackup(at: pinnedNow)
            let load = store.loadSummaries()
            #expect(load.cachedCount == 4, "hard links change a file's ctime, not its contents")
            #expect(load.cacheUpdate == nil)
        }
    }

    @Test func aReadOnlyWindowLeavesTheCacheAlone() throws {
        try withTemporaryDirectory { dir in
            let writer = try ClientStore.open(directory: dir, now: pinnedNow)
            _ = try savedClients(2, in: writer)
            let reader = try ClientStore.open(directory: dir, now: pinnedNow)
            #expect(reader.access.isReadOnly)
            let load = reader.loadSummaries()
            #expect(load.summaries.count == 2)
            #expect(load.cacheUpdate == nil)
        }
    }
}

@Suite struct UUIDTextTests {
    @Test func writesWhatFoundationWritesAndReadsOnlyThat() {
        for _ in 0..<200 {
            let id = UUID()
            let text = UUIDText.lowercased(id)
            #expect(text == id.uuidString.lowercased())
            #expect(UUIDText.parseLowercased(Array(text.utf8)) == id)
            #expect(UUIDText.parseLowercased(Array(id.uuidString.utf8)) == nil || !id.uuidString.contains(where: \.isLetter),
                    "capitals are not the name the store writes")
        }
        for bad in ["", "0", String(repeating: "0", count: 36), "0000000-00000-0000-0000-000000000000",
                    "00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-0000000000000"] {
            #expect(UUIDText.parseLowercased(Array(bad.utf8)) == nil, "\(bad)")
        }
        #expect(UUIDText.parseLowercased(Array("00000000-0000-0000-0000-00000000000f".utf8)) != nil)
    }
}

@Suite struct SummaryCacheModelTests {
    /// Every field path in `value`, lists collapsed: `contacts[].ons4.score`.
    private func paths(_ value: Any, prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set<String>()) { found, field in
                let path = prefix.isEmpty ? field.key : prefix + "." + field.key
                found.insert(path)
                found.formUnion(paths(field.value, prefix: path))
            }
        }
        if let list = value as? [Any] {
            return list.reduce(into: Set<String>()) { $0.formUnion(paths($1, prefix: prefix + "[]")) }
        }
        return []
    }

    /// FNV-1a, 64 bits, in hex: stable across runs and machines, unlike `Hasher`.
    private func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    @Test func theCacheNamesTheFieldsOfTheClientModel() throws {
        let today = CalendarDate(iso: "2026-11-21")!
        let clients = DemoCaseload.make(today: today, now: pinnedNow)
            + [try clientWithWork(), try fullClient()]
            + (1...300).map { SyntheticCaseload(seed: 3, today: today, now: pinnedNow, assets: []).client(number: $0) }
        var found = Set<String>()
        for client in clients {
            found.formUnion(paths(try JSONSerialization.jsonObject(with: Data(try StoreJSON.encode(client)))))
        }
        let fingerprint = digest(found.sorted().joined(separator: "\n"))
        #expect(fingerprint == SummaryCache.modelFingerprint,
                "the client model's fields changed: set SummaryCache.modelFingerprint to \"\(fingerprint)\"")
    }
}
