import CaseloadKit
import Foundation

/// `cache/client-summaries`: one line per client file, holding the file's identity when it was
/// read and the client's list row. It lets a large caseload show its list after reading one file
/// and stat-ing the rest, instead of decoding every client first.
///
/// It is never trusted over the client files: a row counts only while its file still has the same
/// identity (inode, size, modification and change times). Anything else, or a cache that does not
/// parse, means reading the client file itself. It is rebuilt from the files whenever it is stale,
/// and is left out of backups and checks, being nothing but a copy.
///
/// Tab-separated text rather than JSON: at 100,000 clients it parses in a fraction of the time.
/// Fields, in order: file name (which gives the id), inode, size, modified ns, reference, name, preferred
/// name, NHS number, practice, status, referral date, first contact date, flags (`r` risk, `s`
/// supervision, `u` unknown fields), next follow-up date, updatedAt (the bits of its Double, in hex),
/// folded name. Text fields
/// escape backslash, tab, newline and carriage return with a backslash.
struct SummaryCache: Equatable {
    static let folderName = "cache"
    static let fileName = "client-summaries"
    static let relativePath = folderName + "/" + fileName
    /// Names the layout, bumped whenever a field is added or its meaning changes, and the client
    /// model: whether a file holds fields this version does not know depends on the version that
    /// looked, so a cache written by a version with other fields is rebuilt rather than trusted.
    static let header = "caseload client summaries 4 model \(Client.currentSchemaVersion)-\(modelFingerprint)"

    /// A digest of every field path a client file can hold (`contacts[].notes`, …); a test
    /// recomputes it from the model and fails, giving the new value, when a field is added.
    static let modelFingerprint = "33dc2598a13e458e"

    struct Entry: Equatable {
        var identity: FileIdentity
        var summary: ClientSummary
        /// Whether the file holds fields from a newer Caseload. When it does not, reading it in full
        /// can skip looking for them, which costs as much as decoding.
        var hasUnknownFields: Bool
    }

    struct Row: Equatable {
        /// The client file's name, `<uuid>.json`.
        var name: String
        var entry: Entry
    }

    /// In file-name order, as the clients folder is listed: reading matches the two in one pass,
    /// with no table of 100,000 names to build.
    var rows: [Row] = []

    func encoded() -> [UInt8] {
        var out: [UInt8] = Array(Self.header.utf8)
        out.reserveCapacity(rows.count * 200)
        out.append(newline)
        for row in rows.sorted(by: { $0.name < $1.name }) {
            let (name, entry) = (row.name, row.entry)
            let summary = entry.summary
            let flags = (summary.hasRisk ? "r" : "") + (summary.discussInSupervision ? "s" : "")
                + (entry.hasUnknownFields ? "u" : "")
            let fields = [
                name, String(entry.identity.inode), String(entry.identity.size), String(entry.identity.modified),
                summary.reference, summary.name,
                summary.preferredName ?? "", summary.nhsNumber?.digits ?? "", summary.practice,
                summary.status.rawValue, summary.referralDate.iso, summary.firstContactDate?.iso ?? "", flags,
                summary.nextFollowUpDue?.iso ?? "",
                String(summary.updatedAt.timeIntervalSinceReferenceDate.bitPattern, radix: 16), summary.foldedName,
            ]
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(tab) }
                Self.appendEscaped(field, to: &out)
            }
            out.append(newline)
        }
        return out
    }

    /// Nil when the bytes are not a cache this version wrote whole: the caller reads the files.
    /// Large caches are parsed in parts on every core, as at 100,000 clients parsing is most of
    /// the time to the first frame.
    static func decode(_ bytes: [UInt8]) -> SummaryCache? {
        bytes.withUnsafeBufferPointer { buffer -> SummaryCache? in
            var lines = buffer.split(separator: newline, omittingEmptySubsequences: false)[...]
            guard let first = lines.popFirst(), String(decoding: first, as: UTF8.self) == header,
                  lines.last?.isEmpty == true else { return nil }
            lines.removeLast()
            nonisolated(unsafe) let body = Array(lines)
            let workers = body.count >= 4096 ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
            let partSize = (body.count + workers - 1) / max(1, workers)
            let parts = WorkerResults<[Row]?>(workers: workers)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let range = min(body.count, worker * partSize)..<min(body.count, (worker + 1) * partSize)
                parts.set([rows(body[range])], for: worker)
            }
            var cache = SummaryCache()
            cache.rows.reserveCapacity(body.count)
            for part in parts.interleaved(count: workers) {
                guard let part else { return nil }
                if let previous = cache.rows.last, let next = part.first, previous.name >= next.name { return nil }
                cache.rows += part
            }
            return cache
        }
    }

    /// The rows of some lines, or nil when one is not a row or they are out of name order.
    private static func rows(_ lines: ArraySlice<Slice<UnsafeBufferPointer<UInt8>>>) -> [Row]? {
        var rows: [Row] = []
        rows.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: tab, omittingEmptySubsequences: false)
            guard fields.count == 16, let entry = entry(fields) else { return nil }
            let name = text(fields[0])
            if let previous = rows.last, previous.name >= name { return nil }
            rows.append(Row(name: name, entry: entry))
        }
        return rows
    }

    private static func entry(_ fields: [Slice<UnsafeBufferPointer<UInt8>>]) -> Entry? {
        guard let inode = UInt64(text(fields[1])), let size = Int64(text(fields[2])),
              let modified = Int64(text(fields[3])),
              fields[0].count > 5, fields[0].suffix(5).elementsEqual(".json".utf8),
              let id = UUIDText.parseLowercased(fields[0].dropLast(5)),
              let status = ClientStatus(rawValue: text(fields[9])),
              let referral = CalendarDate(iso: text(fields[10])),
              let updatedBits = UInt64(text(fields[14]), radix: 16) else { return nil }
        let nhsDigits = text(fields[7])
        let nhsNumber: NHSNumber?
        if nhsDigits.isEmpty {
            nhsNumber = nil
        } else {
            guard let number = try? NHSNumber(nhsDigits) else { return nil }
            nhsNumber = number
        }
        let preferredName = text(fields[6])
        let firstContact = text(fields[11])
        let nextDue = text(fields[13])
        let flags = text(fields[12])
        let summary = ClientSummary(
            id: id, reference: text(fields[4]), name: text(fields[5]),
            preferredName: preferredName.isEmpty ? nil : preferredName, nhsNumber: nhsNumber,
            practice: text(fields[8]), status: status, referralDate: referral,
            firstContactDate: firstContact.isEmpty ? nil : CalendarDate(iso: firstContact),
            hasRisk: flags.contains("r"), discussInSupervision: flags.contains("s"),
            nextFollowUpDue: nextDue.isEmpty ? nil : CalendarDate(iso: nextDue),
            updatedAt: Date(timeIntervalSinceReferenceDate: Double(bitPattern: updatedBits)), foldedName: text(fields[15]))
        if !firstContact.isEmpty && summary.firstContactDate == nil { return nil }
        if !nextDue.isEmpty && summary.nextFollowUpDue == nil { return nil }
        return Entry(identity: FileIdentity(inode: inode, size: size, modified: modified),
                     summary: summary, hasUnknownFields: flags.contains("u"))
    }

    private static let newline = UInt8(ascii: "\n")
    private static let tab = UInt8(ascii: "\t")
    private static let backslash = UInt8(ascii: "\\")
    private var newline: UInt8 { Self.newline }
    private var tab: UInt8 { Self.tab }

    private static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case backslash: out += [backslash, backslash]
            case tab: out += [backslash, UInt8(ascii: "t")]
            case newline: out += [backslash, UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [backslash, UInt8(ascii: "r")]
            default: out.append(byte)
            }
        }
    }

    /// A field's text with its escapes undone.
    private static func text(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard field.contains(backslash) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var escaped = false
        for byte in field {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): bytes.append(tab)
                case UInt8(ascii: "n"): bytes.append(newline)
                case UInt8(ascii: "r"): bytes.append(UInt8(ascii: "\r"))
                default: bytes.append(byte)
                }
                escaped = false
            } else if byte == backslash {
                escaped = true
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
