import Foundation

/// What was measured for one size of caseload, and how it is printed.
struct Measurement {
    var clients: Int
    var storeBytes: Int
    var clientBytes: Int
    var firstFrameWithoutCache = 0.0
    var loadedWithoutCache = 0.0
    var firstFrames: [Double] = []
    var loaded: [Double] = []
    var cachedRows = 0.0
    /// The `keys` child's reports: move, page, open, search, notes, save (ms each), peakRSS (MB).
    var keys: [String: [Double]] = [:]

    var progressLine: String {
        "\(clients) clients: first frame \(ms(median(firstFrames))) (no cache \(ms(firstFrameWithoutCache))), "
            + "all read \(ms(median(loaded))), peak \(megabytes(keys["peakRSS"]?.first ?? 0))"
    }

    static func table(_ rows: [Measurement]) -> String {
        let header = ["", ] + rows.map { "\($0.clients.formatted()) clients" }
        let lines: [(String, (Measurement) -> String)] = [
            ("Store on disk (clients/)", { "\(megabytes(Double($0.storeBytes) / 1_048_576)) (\(megabytes(Double($0.clientBytes) / 1_048_576)))" }),
            ("Open → first frame, cache in place (median)", { ms(median($0.firstFrames)) }),
            ("Open → first frame, no cache (first open)", { ms($0.firstFrameWithoutCache) }),
            ("Open → every client read, cache in place", { ms(median($0.loaded)) }),
            ("Rows from the cache at the first frame", { "\(Int($0.cachedRows).formatted()) of \($0.clients.formatted())" }),
            ("Open → every client read, no cache", { ms($0.loadedWithoutCache) }),
            ("Move selection, median / p99", { spread($0.keys["move"]) }),
            ("Page, median / p99", { spread($0.keys["page"]) }),
            ("Open a client, median / p99", { spread($0.keys["open"]) }),
            ("Search keystroke, median / p99 / max", { spread($0.keys["search"], withMax: true) }),
            ("Agenda (Tab): move, median / p99", { spread($0.keys["agenda"]) }),
            ("Full-text search of notes, median of 5", { ms(median($0.keys["notes"] ?? [])) }),
            ("Durable save of one client, median / p99", { spread($0.keys["save"]) }),
            ("Peak memory (resident)", { megabytes($0.keys["peakRSS"]?.first ?? 0) }),
            ("Peak memory ÷ store on disk", {
                String(format: "%.2f×", ($0.keys["peakRSS"]?.first ?? 0) * 1_048_576 / Double(max(1, $0.storeBytes)))
            }),
        ]
        var out = "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: header.count) + "\n"
        for (title, cell) in lines {
            out += "| \(title) | " + rows.map(cell).joined(separator: " | ") + " |\n"
        }
        return out
    }
}

func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

/// Nearest-rank percentile.
func percentile(_ values: [Double], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[min(sorted.count - 1, max(0, rank - 1))]
}

func spread(_ values: [Double]?, withMax: Bool = false) -> String {
    guard let values, !values.isEmpty else { return "—" }
    let parts = [median(values), percentile(values, 0.99)] + (withMax ? [values.max()!] : [])
    return parts.map(ms).joined(separator: " / ")
}

func ms(_ value: Double) -> String {
    value >= 100 ? String(format: "%.0f ms", value) : value >= 10 ? String(format: "%.1f ms", value)
        : String(format: "%.2f ms", value)
}

func megabytes(_ value: Double) -> String {
    value >= 1024 ? String(format: "%.2f GB", value / 1024) : String(format: "%.0f MB", value)
}
