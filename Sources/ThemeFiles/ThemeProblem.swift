/// One thing wrong (or, as a warning, doubtful) in a theme file, pointing at the key that holds it.
public struct ThemeProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file's path as it was given; empty when the problem is not about one file.
    public var file: String
    /// A dotted path such as `styles.selected.fg`; empty for the whole file.
    public var key: String
    /// What is wrong, in plain English.
    public var problem: String

    /// Records a problem with `key` in `file`.
    public init(file: String, key: String, problem: String) {
        self.file = file
        self.key = key
        self.problem = problem
    }

    /// `FILE: KEY: PROBLEM`, leaving out an empty file or key.
    public var description: String {
        ([file, key].filter { !$0.isEmpty } + [problem]).joined(separator: ": ")
    }

    /// `KEY: PROBLEM`, for where the file is already named.
    public var withoutFile: String {
        ([key].filter { !$0.isEmpty } + [problem]).joined(separator: ": ")
    }
}

/// Why a theme could not be loaded: every problem found, not just the first.
public struct ThemeFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, in the order they were found.
    public var problems: [ThemeProblem]

    /// Wraps the problems that stopped a theme loading.
    public init(problems: [ThemeProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

/// What checking one theme file found: problems stop it loading, warnings do not.
public struct ThemeCheck: Hashable, Sendable {
    /// Faults that stop the theme loading.
    public var problems: [ThemeProblem]
    /// Doubts, such as text that may be hard to read, that still let it load.
    public var warnings: [ThemeProblem]

    /// Records what a check found.
    public init(problems: [ThemeProblem], warnings: [ThemeProblem]) {
        self.problems = problems
        self.warnings = warnings
    }
}

/// Quotes a value from a theme file the same way in every message.
func quoted(_ value: String) -> String {
    "\"\(value)\""
}
