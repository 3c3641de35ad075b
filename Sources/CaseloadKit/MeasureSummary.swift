import Foundation

/// First, latest and change of one wellbeing measure over a client's contacts.
public struct MeasureChange: Hashable, Sendable {
    public var first: Double
    public var latest: Double
    /// `latest - first`. For anxiety a fall is the improvement.
    public var change: Double
    /// How many times it was recorded.
    public var count: Int

    public init(first: Double, latest: Double, count: Int) {
        self.first = first
        self.latest = latest
        self.change = latest - first
        self.count = count
    }

    /// Nil for no values; otherwise the first and last of `values`, which are in time order.
    init?(_ values: [Double]) {
        guard let first = values.first, let latest = values.last else { return nil }
        self.init(first: first, latest: latest, count: values.count)
    }
}

extension Client {
    /// Each ONS4 question recorded at least once, first and latest by contact time. The four are
    /// summarised separately, never combined.
    public func ons4Summary() -> [ONS4Item: MeasureChange] {
        let records = contacts.compactMap(\.ons4)
        var summary: [ONS4Item: MeasureChange] = [:]
        for item in ONS4Item.allCases {
            summary[item] = MeasureChange(records.map { Double($0[item]) })
        }
        return summary
    }

    /// SWEMWBS metric scores, first and latest by contact time.
    public func swemwbsSummary() -> MeasureChange? {
        MeasureChange(contacts.compactMap(\.swemwbs?.metricScore))
    }
}
