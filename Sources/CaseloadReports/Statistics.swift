/// The summary statistics the caseload report uses.
public enum Statistics {
    /// The middle value of `values`, or the mean of the two middle values when there is an even
    /// number of them; nil when there are none.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    public static func median(_ values: [Int]) -> Double? {
        median(values.map(Double.init))
    }
}
