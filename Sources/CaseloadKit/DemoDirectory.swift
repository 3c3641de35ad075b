import Foundation

/// The community-asset directory that goes with the demo caseload: invented groups and services in
/// the demo practices' towns, with every capacity, a few not checked for months (one never), one
/// retired and a few imported from a council feed. The same ids every run, so that the demo
/// clients' connections point at it.
public enum DemoDirectory {
    /// The council feed the imported assets were read from.
    static let feed = "demo-council-feed.json"

    public static func make(today: CalendarDate, now: Date) -> [Asset] {
        entries(today: today, now: now).map(\.asset)
    }

    /// An asset and the listing it was made from, which says how demo clients are connected to it.
    struct Entry {
        let asset: Asset
        let listing: DemoDirectoryData.Listing
    }

    static func entries(today: CalendarDate, now: Date) -> [Entry] {
        var random = SplitMix64(seed: 0xD1EC_7042)
        return DemoDirectoryData.listings.map { listing in
            // The same two draws for every listing, whatever it holds, so the ids never change.
            let id = random.uuid()
            let daysBeforeFirstNeeded = random.int(in: 7...365)
            return Entry(asset: asset(listing, id: id, daysBeforeFirstNeeded: daysBeforeFirstNeeded, today: today, now: now),
                         listing: listing)
        }
    }

    /// The imported assets were first read this many days ago and last re-read this many days ago.
    private static let firstImportDaysAgo = 300
    private static let lastImportDaysAgo = 9

    private static func asset(_ listing: DemoDirectoryData.Listing, id: UUID, daysBeforeFirstNeeded: Int,
                              today: CalendarDate, now: Date) -> Asset {
        // Midday UTC falls on the same day in most zones; never after now.
        func instant(_ day: CalendarDate) -> Date {
            min(DateStyle.instant(day, hour: 12, minute: 0, in: TimeZone(identifier: "UTC")!), now)
        }
        func daysAgo(_ days: Int) -> CalendarDate { today.adding(days: -days) }
        let lastChecked = listing.checked.map { AssetCheck(date: daysAgo($0.daysAgo), by: $0.by) }
        let retiredOn = listing.retiredDaysAgo.map(daysAgo)
        let source = listing.imported.map {
            AssetSource(feed: feed, serviceID: $0.serviceID, feedStatus: "active", importedAt: instant(daysAgo(lastImportDaysAgo)))
        }
        // In the directory before the first check and before the oldest demo referral, so every
        // check and connection comes after it was added.
        let firstNeeded = max(listing.checked?.daysAgo ?? 0, DemoCaseload.referralWindowDays + 1)
        let added = daysAgo(listing.imported == nil ? firstNeeded + daysBeforeFirstNeeded : firstImportDaysAgo)
        let changedOn = [added, lastChecked?.date, retiredOn].compactMap { $0 }
        let updatedAt = (changedOn.map(instant) + [source?.importedAt].compactMap { $0 }).max()
        return Asset(
            id: id, name: listing.name, organisation: listing.organisation, categories: listing.categories,
            description: listing.description, phone: listing.phone, email: listing.email, website: listing.website,
            address: listing.address, schedule: listing.schedule, eligibility: listing.eligibility, cost: listing.cost,
            capacity: listing.capacity, lastChecked: lastChecked, notes: listing.notes, source: source,
            topics: listing.imported?.topics ?? [], retiredOn: retiredOn,
            createdAt: instant(added), updatedAt: updatedAt)
    }
}
