import CaseloadKit
import CaseloadStore
import Foundation
import Glibc

// Saves over and over on a caseload until it is killed, telling the crash harness about each save
// before it starts and after the store has acknowledged it, on standard output, one line each:
//
//     begin client <uuid> <n>      about to save the client with "save <n>" in its risk note
//     ack client <uuid> <n>        that save returned: it must be on disk after any kill
//     begin assets <uuid>,<uuid> <n> / ack assets … <n>   the same for a batch of assets
//
// Usage: `caseload-crash-worker <data folder> prepare` writes the demo caseload into a new folder and
// exits; `caseload-crash-worker <data folder> <seed> <first n>` saves until killed. The harness passes
// a first n above any it has seen, so later saves always carry larger ones.

let arguments = CommandLine.arguments
let preparing = arguments.count == 3 && arguments[2] == "prepare"
guard preparing || arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: caseload-crash-worker <data folder> prepare | <seed> <first n>\n".utf8))
    exit(2)
}

/// Written straight to the descriptor: stdio's buffer would lose lines at the kill.
func report(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
            if written <= 0 { exit(3) }
            offset += written
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("caseload-crash-worker: \(message)\n".utf8))
    exit(1)
}

let now = Date(timeIntervalSince1970: 1_795_000_000)
/// Opens the caseload for writing. The kernel lets go of a killed worker's lock as the process is
/// torn down, which on a loaded machine can trail its exit being reported, so a lock still held is
/// tried again for a few seconds before giving up.
func openForWriting() -> ClientStore {
    for attempt in 1...50 {
        let store: ClientStore
        do {
            store = try ClientStore.open(directory: URL(fileURLWithPath: arguments[1]), now: now)
        } catch {
            fail("\(error)")
        }
        switch store.access {
        case .readWrite: return store
        case .readOnly(.otherInstance) where attempt < 50: usleep(100_000)
        case .readOnly: fail("opened \(store.access)")
        }
    }
    fail("the caseload stayed locked")
}
let store = openForWriting()

if preparing {
    let today = CalendarDate(year: 2026, month: 11, day: 21)!
    do {
        let assets = DemoDirectory.make(today: today, now: now)
        try store.saveAssets(assets.map { AssetChange(asset: $0, previous: nil) }, at: now)
        let clients = DemoCaseload.make(today: today, now: now, timeZone: TimeZone(identifier: "UTC")!)
        for client in clients { try store.save(client, previous: nil, at: now) }
    } catch {
        fail("could not write the demo: \(error)")
    }
    exit(0)
}

guard let seed = UInt64(arguments[2]), var counter = UInt64(arguments[3]) else { fail("the seed and first n are numbers") }
var clients = store.loadClients().clients
var assets = store.loadAssets().assets
guard !clients.isEmpty, assets.count >= 3 else { fail("no caseload to save: prepare the folder first") }
report("ready")

var random = SplitMix64(seed: seed)
while true {
    // Files of up to 40 KB so that kills land inside long writes as well as short ones. The padding
    // changes on one save in forty: the audit log records both versions of a changed field, and the
    // harness reads the whole log after every kill.
    let padding = String(repeating: "z", count: Int(random.next() % 40_000))
    let changesPadding = random.next() % 40 == 0
    if random.next() % 8 == 0 {
        var changes: [AssetChange] = []
        var indices: [Int] = []
        while indices.count < 3 {
            let index = Int(random.next() % UInt64(assets.count))
            if !indices.contains(index) { indices.append(index) }
        }
        for index in indices {
            var changed = assets[index]
            changed.description = "save \(counter)"
            if changesPadding { changed.website = padding }
            changes.append(AssetChange(asset: changed, previous: assets[index]))
        }
        let ids = changes.map { $0.asset.id.uuidString.lowercased() }.joined(separator: ",")
        report("begin assets \(ids) \(counter)")
        do {
            try store.saveAssets(changes, at: now)
        } catch {
            fail("\(error)")
        }
        for (index, change) in zip(indices, changes) { assets[index] = change.asset }
        report("ack assets \(ids) \(counter)")
    } else {
        let index = Int(random.next() % UInt64(clients.count))
        var changed = clients[index]
        changed.riskNote = "save \(counter)"
        if changesPadding { changed.address = padding }
        let id = changed.id.uuidString.lowercased()
        report("begin client \(id) \(counter)")
        do {
            try store.save(changed, previous: clients[index], at: now)
        } catch {
            fail("\(error)")
        }
        clients[index] = changed
        report("ack client \(id) \(counter)")
    }
    counter += 1
}
