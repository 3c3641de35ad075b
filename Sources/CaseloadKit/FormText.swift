extension String {
    /// Without surrounding spaces and blank lines: what a typed form field amounts to.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
