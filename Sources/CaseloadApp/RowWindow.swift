import Foundation

/// Moving a selection kept as an id through rows, and keeping it inside the visible window: shared
/// by the tables of clients and of assets.
enum RowWindow {
    /// The id `delta` rows away from `selected` (from the top when nothing is selected), stopping at the ends.
    static func moved(_ selected: UUID?, in rows: [UUID], by delta: Int) -> UUID? {
        guard !rows.isEmpty else { return selected }
        let index = selected.flatMap { rows.firstIndex(of: $0) } ?? 0
        return rows[min(max(0, index + delta), rows.count - 1)]
    }

    /// The first visible row after scrolling just enough to show the row at `index`.
    static func scrollTop(_ top: Int, showing index: Int?, count: Int, page: Int) -> Int {
        guard let index else { return 0 }
        var top = top
        if index < top { top = index }
        if index >= top + page { top = index - page + 1 }
        return max(0, min(top, max(0, count - page)))
    }
}
