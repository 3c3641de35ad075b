/// A SNOMED CT concept as GP systems code it: the concept id and its fully specified name.
public struct SnomedConcept: Hashable, Sendable {
    public let id: String
    public let term: String

    public init(id: String, term: String) {
        self.id = id
        self.term = term
    }

    /// Coded once, when the person accepts the referral (PRSB social prescribing standard).
    public static let referralToSocialPrescribing =
        SnomedConcept(id: "871731000000106", term: "Referral to social prescribing service (procedure)")

    /// Coded when the person declines social prescribing.
    public static let socialPrescribingDeclined =
        SnomedConcept(id: "871711000000103", term: "Social prescribing declined (situation)")

    /// `871731000000106 |Referral to social prescribing service (procedure)|`: the form SNOMED CT's
    /// compositional grammar writes a concept in, which GP system users recognise.
    public var expression: String { "\(id) |\(term)|" }
}
