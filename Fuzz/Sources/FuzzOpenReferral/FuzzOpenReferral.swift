import Foundation
import OpenReferral

/// The CSV tables in the order an input's sections fill them (the importer's `tableFiles`).
private let tableNames = [
    "services.csv", "organizations.csv", "locations.csv", "service_at_location.csv", "service_at_locations.csv",
    "addresses.csv", "contacts.csv", "phones.csv", "schedules.csv", "taxonomy_terms.csv", "attributes.csv",
    "cost_options.csv",
]

/// Separates the CSV tables of one input: a form feed, which no real table holds.
private let sectionBreak = UInt8(0x0C)

/// Feeds the input to the Open Referral importer: as JSON when the first byte is even ("J..."), as
/// CSV tables when it is odd ("C..."), the rest being the feed. CSV sections, split at form feeds,
/// fill `tableNames` in order; an empty section is a missing file. The importer must return services
/// or throw a `FeedError` that says what is wrong; crashing or hanging is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let feed = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    do {
        if data[0] % 2 == 0 {
            _ = try OpenReferralFeed.services(fromJSON: feed, fileName: "feed.json")
        } else {
            let sections = feed.split(separator: sectionBreak, omittingEmptySubsequences: false)
            var tables: [String: String] = [:]
            for (name, section) in zip(tableNames, sections) where !section.isEmpty {
                tables[name] = String(decoding: section, as: UTF8.self)
            }
            _ = try OpenReferralFeed.services(fromCSVTables: tables, folderName: "feed")
        }
    } catch {
        precondition(!error.problem.isEmpty, "a FeedError without a problem: \(error)")
    }
    return 0
}
