/// One service as the feed holds it, with only the parts the directory uses, before flattening.
/// The JSON and CSV readers both produce this, so both forms of a feed flatten alike.
struct ServiceRecord: Equatable {
    var id = ""
    var name = ""
    var description = ""
    var url = ""
    var email = ""
    var status = ""
    /// HSDS 3 `eligibility_description`.
    var eligibilityDescription = ""
    /// ORUK v1 `eligibilitys[].eligibility`.
    var eligibilities: [String] = []
    var minimumAge: Double?
    var maximumAge: Double?
    var feesDescription = ""
    /// ORUK v1 (and deprecated HSDS 3) `fees`.
    var fees = ""
    var costOptions: [CostOptionRecord] = []
    var organization: OrganizationRecord?
    var phones: [PhoneRecord] = []
    var contacts: [ContactRecord] = []
    /// One per service_at_location.
    var locations: [LocationRecord] = []
    var schedules: [ScheduleRecord] = []
    /// Taxonomy term names in feed order, possibly repeated.
    var topics: [String] = []
}

struct OrganizationRecord: Equatable {
    var name = ""
    var website = ""
    /// ORUK v1 names the website `url`.
    var url = ""
    var phones: [PhoneRecord] = []
}

struct PhoneRecord: Equatable {
    var number = ""
    var `extension` = ""
}

struct ContactRecord: Equatable {
    var email = ""
    var phones: [PhoneRecord] = []
}

/// A service_at_location with its location: where the service is delivered.
struct LocationRecord: Equatable {
    var name = ""
    var addresses: [AddressRecord] = []
    /// The service_at_location's phones, then the location's.
    var phones: [PhoneRecord] = []
    /// The service_at_location's schedules (the location's own opening hours are not the service's).
    var schedules: [ScheduleRecord] = []
}

struct AddressRecord: Equatable {
    /// `physical`, `postal` or `virtual` in HSDS 3; ORUK v1 physical_addresses read as `physical`.
    var type = ""
    var address1 = ""
    var address2 = ""
    var city = ""
    var postalCode = ""
}

struct ScheduleRecord: Equatable {
    /// ORUK v1 regular_schedules: a day name ("Monday") or number (1 = Monday).
    var weekday = ""
    var freq = ""
    var interval = ""
    var byday = ""
    var bymonthday = ""
    var opensAt = ""
    var closesAt = ""
    var description = ""
}

struct CostOptionRecord: Equatable {
    var amount: Double?
    var currency = ""
    var amountDescription = ""
    var option = ""
}
