/// Reads the tabular form of HSDS (one CSV file per table, joined by ids) into `ServiceRecord`s.
struct CSVServiceReader {
    /// The tables read, by file name; `services.csv` is required. The service-at-location table is
    /// accepted under the name the HSDS examples use and under the plural the JSON form uses.
    static let tableFiles = [
        "services.csv", "organizations.csv", "locations.csv", "service_at_location.csv", "service_at_locations.csv",
        "addresses.csv", "contacts.csv", "phones.csv", "schedules.csv", "taxonomy_terms.csv", "attributes.csv",
        "cost_options.csv",
    ]

    /// Problems come back tagged with the table they are in, so the caller can name its file.
    struct Failure: Error {
        var table: String
        var place: String
        var problem: String
    }

    private var tables: [String: CSVTable] = [:]

    static func records(tables texts: [String: String]) throws(Failure) -> [ServiceRecord] {
        var reader = CSVServiceReader()
        for file in tableFiles {
            guard let text = texts[file] else { continue }
            do {
                reader.tables[file] = try CSVTable.parse(text)
            } catch {
                throw Failure(table: file, place: "line \(error.line)", problem: error.problem)
            }
        }
        return try reader.services()
    }

    private func rows(_ file: String) -> [CSVRow] {
        tables[file]?.rows ?? []
    }

    private func index(_ file: String, by column: String) -> [String: [CSVRow]] {
        Self.group(rows(file), by: column)
    }

    /// Rows by their value in `column`, leaving out rows where it is empty.
    static func group(_ rows: [CSVRow], by column: String) -> [String: [CSVRow]] {
        var groups: [String: [CSVRow]] = [:]
        for row in rows where !row[column].isEmpty {
            groups[row[column], default: []].append(row)
        }
        return groups
    }

    private func services() throws(Failure) -> [ServiceRecord] {
        let organizations = index("organizations.csv", by: "id")
        let locations = index("locations.csv", by: "id")
        let servicesAtLocations = Self.group(rows("service_at_location.csv") + rows("service_at_locations.csv"),
                                             by: "service_id")
        let addresses = index("addresses.csv", by: "location_id")
        let contacts = index("contacts.csv", by: "service_id")
        let phones = LinkedRows(rows("phones.csv"))
        let schedules = LinkedRows(rows("schedules.csv"))
        let attributes = index("attributes.csv", by: "link_id")
        let terms = index("taxonomy_terms.csv", by: "id")
        let costOptions = index("cost_options.csv", by: "service_id")

        var records: [ServiceRecord] = []
        for row in rows("services.csv") {
            var record = ServiceRecord()
            let id = row["id"]
            record.id = id
            record.name = row["name"]
            record.description = row["description"]
            record.url = row["url"]
            record.email = row["email"]
            record.status = row["status"]
            record.eligibilityDescription = row["eligibility_description"]
            record.minimumAge = try number(row, "minimum_age", in: "services.csv")
            record.maximumAge = try number(row, "maximum_age", in: "services.csv")
            record.feesDescription = row["fees_description"]
            record.fees = row["fees"]
            for option in costOptions[id] ?? [] {
                record.costOptions.append(CostOptionRecord(
                    amount: try number(option, "amount", in: "cost_options.csv"), currency: option["currency"],
                    amountDescription: option["amount_description"], option: option["option"]))
            }
            if let organization = organizations[row["organization_id"]]?.first {
                record.organization = OrganizationRecord(
                    name: organization["name"], website: organization["website"], url: organization["url"],
                    phones: phones.linked(to: organization["id"], by: "organization_id").map(Self.phone))
            }
            record.phones = phones.linked(to: id, by: "service_id").map(Self.phone)
            record.contacts = (contacts[id] ?? []).map { contact in
                ContactRecord(email: contact["email"],
                              phones: phones.linked(to: contact["id"], by: "contact_id").map(Self.phone))
            }
            record.schedules = schedules.linked(to: id, by: "service_id").map(Self.schedule)
            for serviceAtLocation in servicesAtLocations[id] ?? [] {
                let locationID = serviceAtLocation["location_id"]
                let linkID = serviceAtLocation["id"]
                var location = LocationRecord()
                location.name = locations[locationID]?.first?["name"] ?? ""
                location.addresses = (addresses[locationID] ?? []).map(Self.address)
                location.phones = (phones.linked(to: linkID, by: "service_at_location_id")
                    + phones.linked(to: locationID, by: "location_id")).map(Self.phone)
                location.schedules = schedules.linked(to: linkID, by: "service_at_location_id")
                    .filter { $0["service_id"] != id }
                    .map(Self.schedule)
                record.locations.append(location)
            }
            record.topics = (attributes[id] ?? []).compactMap { terms[$0["taxonomy_term_id"]]?.first?["name"] }
            records.append(record)
        }
        return records
    }

    private func number(_ row: CSVRow, _ column: String, in table: String) throws(Failure) -> Double? {
        let text = row[column]
        if text.isEmpty { return nil }
        guard let value = NumberText.parse(text) else {
            throw Failure(table: table, place: "line \(row.line), column \"\(column)\"",
                          problem: "expected a number, found \"\(text)\"")
        }
        return value
    }

    private static func phone(_ row: CSVRow) -> PhoneRecord {
        PhoneRecord(number: row["number"], extension: row["extension"])
    }

    private static func address(_ row: CSVRow) -> AddressRecord {
        AddressRecord(type: row["address_type"], address1: row["address_1"], address2: row["address_2"],
                      city: row["city"], postalCode: row["postal_code"])
    }

    private static func schedule(_ row: CSVRow) -> ScheduleRecord {
        ScheduleRecord(weekday: row["weekday"], freq: row["freq"], interval: row["interval"], byday: row["byday"],
                       bymonthday: row["bymonthday"], opensAt: row["opens_at"], closesAt: row["closes_at"],
                       description: row["description"])
    }

    /// A table whose rows link to several kinds of owner, each through its own id column
    /// (a phone row may name a service, a contact, a location...).
    private struct LinkedRows {
        private var indexes: [String: [String: [CSVRow]]] = [:]

        init(_ rows: [CSVRow]) {
            for column in ["service_id", "organization_id", "contact_id", "service_at_location_id", "location_id"] {
                indexes[column] = CSVServiceReader.group(rows, by: column)
            }
        }

        func linked(to id: String, by column: String) -> [CSVRow] {
            guard !id.isEmpty else { return [] }
            return indexes[column]?[id] ?? []
        }
    }
}
