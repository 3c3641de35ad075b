import Foundation

/// The name of a backup folder: when it was made, to the second in UTC, as `2026-11-21T100000Z`
/// (sortable, and no colons, which some file systems and tools refuse). A second backup made in the
/// same second (a restore's safety backup under a pinned clock, say) is `2026-11-21T100000Z-2`.
/// The safety backup a restore makes first ends in `-before-restore`, so that retention can tell it
/// apart from the folder name alone: `2026-11-21T100000Z-before-restore`, `…Z-2-before-restore`.
public struct BackupStamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    static let beforeRestoreSuffix = "-before-restore"

    /// Whole seconds.
    public let date: Date
    /// 1 for the first backup made in that second, whichever kind.
    public let sequence: Int
    /// Made by a restore just before it changed the caseload: the way to undo that restore.
    public let isBeforeRestore: Bool

    public init(date: Date, sequence: Int = 1, isBeforeRestore: Bool = false) {
        self.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        self.sequence = max(1, sequence)
        self.isBeforeRestore = isBeforeRestore
    }

    /// Reads a folder name; nil for anything else (partial backups, stray files).
    public init?(name: String) {
        let isBeforeRestore = name.hasSuffix(Self.beforeRestoreSuffix)
        let utf8 = Array(name.utf8.dropLast(isBeforeRestore ? Self.beforeRestoreSuffix.utf8.count : 0))
        guard utf8.count >= 18 else { return nil }
        let head = utf8[0..<18]
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 13, 14, 15, 16]
        guard digitPositions.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(head[$0]) }),
              head[4] == UInt8(ascii: "-"), head[7] == UInt8(ascii: "-"),
              head[10] == UInt8(ascii: "T"), head[17] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int { Int(String(decoding: head[range], as: UTF8.self))! }
        var sequence = 1
        if utf8.count > 18 {
            // Only `-2`, `-3`, …: `-1` or `-02` would be a second name for a stamp that has one already.
            let suffix = String(decoding: utf8[18...], as: UTF8.self)
            guard suffix.hasPrefix("-"), let value = Int(suffix.dropFirst()), value >= 2, "-\(value)" == suffix else {
                return nil
            }
            sequence = value
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = DateComponents(
            year: number(0..<4), month: number(5..<7), day: number(8..<10),
            hour: number(11..<13), minute: number(13..<15), second: number(15..<17))
        // Checked both ways so that 2026-02-30 or 25:00 is refused rather than rolled over.
        guard let date = calendar.date(from: parts),
              calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date) == parts else {
            return nil
        }
        self.init(date: date, sequence: sequence, isBeforeRestore: isBeforeRestore)
    }

    public var name: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let stamp = String(format: "%04d-%02d-%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        return stamp + (sequence == 1 ? "" : "-\(sequence)") + (isBeforeRestore ? Self.beforeRestoreSuffix : "")
    }

    public var description: String { name }

    /// The next free name for `date` among `taken` folder names. A sequence number is taken by a
    /// backup of either kind, so that no two backups share a date and sequence and their order is total.
    static func unused(at date: Date, isBeforeRestore: Bool = false, taken: Set<String>) -> BackupStamp {
        var sequence = 1
        while [false, true].contains(where: { kind in
            let name = BackupStamp(date: date, sequence: sequence, isBeforeRestore: kind).name
            return taken.contains(name) || taken.contains(name + BackupFolder.partialSuffix)
        }) {
            sequence += 1
        }
        return BackupStamp(date: date, sequence: sequence, isBeforeRestore: isBeforeRestore)
    }

    public static func < (lhs: BackupStamp, rhs: BackupStamp) -> Bool {
        (lhs.date, lhs.sequence) < (rhs.date, rhs.sequence)
    }
}
