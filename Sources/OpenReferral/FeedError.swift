/// Why a feed could not be read, precisely enough to find the fault in the file: which file, where
/// in it, and what was wrong. Nothing from a file with an error is imported.
public struct FeedError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the caller named it, or `folder/table.csv` for a tabular feed.
    public var file: String
    /// Where in the file: `contents[3] (service "Community Counselling"), field "status"` or
    /// `line 4, column "minimum_age"`. Empty when the fault is with the whole file.
    public var place: String
    /// What was wrong, in plain words: `expected text, found a number`, `not UTF-8 text ...`.
    public var problem: String

    public init(file: String, place: String = "", problem: String) {
        self.file = file
        self.place = place
        self.problem = problem
    }

    /// `file: place: problem`, or `file: problem` when the whole file is at fault.
    public var description: String {
        place.isEmpty ? "\(file): \(problem)" : "\(file): \(place): \(problem)"
    }
}
