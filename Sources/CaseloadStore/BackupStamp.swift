import Foundation

/// The name of a backup folder: when it was made, to the second in UTC, as `2026-11-21T100000Z`
/// (sortable, and no colons, which some file systems and tools refuse). A second backup made in the
/// same second (a restore's safety backup under a pinned clock, say) is `2026-11-21T100000Z-2`.
public struct BackupStamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole seconds.
    public let date: Date
    /// 1 for the first backup made in that second.
    public let sequence: Int

    public init(date: Date, sequence: Int = 1) {
        self.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        self.sequence = max(1, sequence)
    }

    /// Reads a folder name; nil for anything else (partial backups, stray files).
    public init?(name: String) {
        let utf8 = Array(name.utf8)
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
        self.init(date: date, sequence: sequence)
    }

    public var name: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let stamp = String(format: "%04d-%02d-%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        return sequence == 1 ? stamp : stamp + "-\(sequence)"
    }

    public var description: String { name }

    /// The next free name for `date` among `taken` folder names.
    static func unused(at date: Date, taken: Set<String>) -> BackupStamp {
        var stamp = BackupStamp(date: date)
        while taken.contains(stamp.name) || taken.contains(stamp.name + BackupFolder.partialSuffix) {
            stamp = BackupStamp(date: stamp.date, sequence: stamp.sequence + 1)
        }
        return stamp
    }

    public static func < (lhs: BackupStamp, rhs: BackupStamp) -> Bool {
        (lhs.date, lhs.sequence) < (rhs.date, rhs.sequence)
    }
}
