/// Reads one service object, HSDS 3 or ORUK v1, into a `ServiceRecord`. Both sets of field names
/// are read from every record, since real feeds mix them.
enum JSONServiceReader {
    static func record(_ service: JSONFields) throws(FieldProblem) -> ServiceRecord {
        var record = ServiceRecord()
        record.id = try service.textOrNumber("id")
        record.name = try service.text("name")
        record.description = try service.text("description")
        record.url = try service.text("url")
        record.email = try service.text("email")
        record.status = try service.text("status")
        record.eligibilityDescription = try service.text("eligibility_description")
        record.minimumAge = try service.number("minimum_age")
        record.maximumAge = try service.number("maximum_age")
        for eligibility in try service.objects("eligibilitys") {
            record.eligibilities.append(try eligibility.text("eligibility"))
            // ORUK v1 keeps ages on each eligibility; the service's own ages win.
            if record.minimumAge == nil { record.minimumAge = try eligibility.number("minimum_age") }
            if record.maximumAge == nil { record.maximumAge = try eligibility.number("maximum_age") }
        }
        record.feesDescription = try service.text("fees_description")
        record.fees = try service.text("fees")
        record.costOptions = try costOptions(service)
        record.organization = try service.object("organization").map(organization)
        record.phones = try phones(service)
        record.contacts = try contacts(service)
        record.locations = try service.objects("service_at_locations").map(location)
        record.schedules = try schedules(service)
        record.topics = try topics(service)
        return record
    }

    private static func organization(_ fields: JSONFields) throws(FieldProblem) -> OrganizationRecord {
        OrganizationRecord(name: try fields.text("name"), website: try fields.text("website"),
                           url: try fields.text("url"), phones: try phones(fields))
    }

    private static func phones(_ owner: JSONFields) throws(FieldProblem) -> [PhoneRecord] {
        var phones: [PhoneRecord] = []
        for phone in try owner.objects("phones") {
            phones.append(PhoneRecord(number: try phone.textOrNumber("number"),
                                      extension: try phone.textOrNumber("extension")))
        }
        return phones
    }

    private static func contacts(_ owner: JSONFields) throws(FieldProblem) -> [ContactRecord] {
        var contacts: [ContactRecord] = []
        for contact in try owner.objects("contacts") {
            contacts.append(ContactRecord(email: try contact.text("email"), phones: try phones(contact)))
        }
        return contacts
    }

    private static func location(_ serviceAtLocation: JSONFields) throws(FieldProblem) -> LocationRecord {
        var record = LocationRecord()
        record.phones = try phones(serviceAtLocation)
        record.schedules = try schedules(serviceAtLocation)
        guard let location = try serviceAtLocation.object("location") else { return record }
        record.name = try location.text("name")
        record.phones += try phones(location)
        for address in try location.objects("addresses") {
            record.addresses.append(try self.address(address, type: try address.text("address_type")))
        }
        for address in try location.objects("physical_addresses") {
            record.addresses.append(try self.address(address, type: "physical"))
        }
        return record
    }

    private static func address(_ fields: JSONFields, type: String) throws(FieldProblem) -> AddressRecord {
        AddressRecord(type: type, address1: try fields.text("address_1"), address2: try fields.text("address_2"),
                      city: try fields.text("city"), postalCode: try fields.textOrNumber("postal_code"))
    }

    /// HSDS 3 `schedules` and ORUK v1 `regular_schedules`.
    private static func schedules(_ owner: JSONFields) throws(FieldProblem) -> [ScheduleRecord] {
        var schedules: [ScheduleRecord] = []
        for schedule in try owner.objects("schedules") + owner.objects("regular_schedules") {
            var record = ScheduleRecord()
            record.weekday = try schedule.textOrNumber("weekday")
            record.freq = try schedule.text("freq")
            record.interval = try schedule.textOrNumber("interval")
            record.byday = try schedule.text("byday")
            record.bymonthday = try schedule.textOrNumber("bymonthday")
            record.opensAt = try schedule.text("opens_at")
            record.closesAt = try schedule.text("closes_at")
            record.description = try schedule.text("description")
            schedules.append(record)
        }
        return schedules
    }

    private static func costOptions(_ service: JSONFields) throws(FieldProblem) -> [CostOptionRecord] {
        var options: [CostOptionRecord] = []
        for option in try service.objects("cost_options") {
            options.append(CostOptionRecord(
                amount: try option.number("amount"), currency: try option.text("currency"),
                amountDescription: try option.text("amount_description"), option: try option.text("option")))
        }
        return options
    }

    /// HSDS 3 `attributes[].taxonomy_term` and `taxonomy_terms[]`; ORUK v1 `service_taxonomys[].taxonomy`.
    private static func topics(_ service: JSONFields) throws(FieldProblem) -> [String] {
        var names: [String] = []
        for attribute in try service.objects("attributes") {
            if let term = try attribute.object("taxonomy_term") { names.append(try term.text("name")) }
        }
        for term in try service.objects("taxonomy_terms") {
            names.append(try term.text("name"))
        }
        for link in try service.objects("service_taxonomys") {
            if let taxonomy = try link.object("taxonomy") { names.append(try taxonomy.text("name")) }
        }
        return names
    }
}
