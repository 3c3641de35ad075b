import CaseloadKit
@testable import CaseloadStore
import Foundation
import Testing

@Suite("Audit log of assets")
struct AssetAuditTests {
    @Test func aNewAssetIsRecordedFieldByField() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let asset = fullAsset()
            try store.save(asset, previous: nil, at: pinnedNow)
            let entry = try #require(try store.auditEntries(forAsset: asset.id).entries.first)
            #expect(entry.action == .created)
            #expect(entry.assetId == asset.id)
            #expect(entry.name == "Walking for Health")
            #expect(entry.at == pinnedNow)
            #expect(entry.changes.allSatisfy { $0.before == nil && $0.after != nil })
            #expect(entry.changes.first { $0.path == "capacity" }?.after == #""accepting""#)
            #expect(!entry.changes.map(\.path).contains("updatedAt"))
        }
    }

    @Test func anUpdateIsOneCompactLineNamingTheAsset() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let old = fullAsset()
            var new = old
            new.capacity = .full
            new.updatedAt = pinnedNow.addingTimeInterval(120)
            try store.save(old, previous: nil, at: pinnedNow)
            try store.save(new, previous: old, at: pinnedNow.addingTimeInterval(60))
            let expected = #"{"action":"updated","assetId":"\#(old.id.uuidString)","at":"2026-09-09T14:06:00Z","#
                + #""changes":[{"after":"full","before":"accepting","path":"capacity"}],"name":"Walking for Health"}"#
            #expect(try auditLines(dir).last == expected)
            #expect(try store.auditEntries(forAsset: old.id).entries.map(\.action) == [.created, .updated])
        }
    }

    @Test func clientAndAssetEntriesAreReadApart() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let client = try fullClient()
            let asset = fullAsset()
            let other = fullAsset(name: "Choir")
            try store.save(client, previous: nil, at: pinnedNow)
            try store.save(asset, previous: nil, at: pinnedNow)
            try store.saveAssets([AssetChange(asset: other, previous: nil)], at: pinnedNow)
            try store.save(client, previous: client, at: pinnedNow)

            // Client reading is as it was: asset lines are neither entries nor damage.
            let clients = try store.auditEntries(for: nil)
            #expect(clients.entries.map(\.clientId) == [client.id, client.id])
            #expect(clients.unreadableLines == 0)
            #expect(try store.auditEntries(for: client.id) == clients)

            let assets = try store.auditEntries(forAsset: nil)
            #expect(assets.entries.map(\.name) == ["Walking for Health", "Choir"])
            #expect(assets.unreadableLines == 0)
            #expect(try store.auditEntries(forAsset: other.id).entries.map(\.assetId) == [other.id])
            #expect(try store.auditEntries(forAsset: client.id) == AuditHistory())
        }
    }

    @Test func aLineNamingNeitherOrBothIsCountedAsDamage() throws {
        try withTemporaryDirectory { dir in
            let store = try ClientStore.open(directory: dir, now: pinnedNow)
            let asset = fullAsset()
            try store.save(asset, previous: nil, at: pinnedNow)
            let good = try auditLines(dir)[0]
            let stamp = #""action":"created","at":"2026-09-09T14:05:00Z","changes":[]"#
            let neither = "{\(stamp)}"
            let both = #"{\#(stamp),"assetId":"\#(asset.id.uuidString)","clientId":"\#(asset.id.uuidString)","#
                + #""name":"Walks","reference":"C-0001"}"#
            try write([good, neither, both].joined(separator: "\n") + "\n", to: auditFile(dir))
            let assets = try store.auditEntries(forAsset: asset.id)
            #expect(assets.entries.count == 1)
            #expect(assets.unreadableLines == 2)
            #expect(try store.auditEntries(for: nil) == AuditHistory(unreadableLines: 2))
        }
    }
}
