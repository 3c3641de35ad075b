/// The invented material the demo caseload is drawn from. Every person, practice, street and
/// organisation here is fictional; phone numbers are in Ofcom's drama range and emails at example.org.
enum DemoData {
    struct Person {
        let name: String
        let preferredName: String?
        /// The part of a made-up email address before `@example.org`.
        let emailStem: String
    }

    struct Practice {
        let name: String
        let town: String
        let gps: [String]
        let receptionist: String
    }

    struct Scenario {
        let reason: String
        let needs: [NeedCategory]
        /// What matters, as the person said it in the what-matters conversation.
        var inOwnWords = ""
        var strengths = ""
    }

    /// Names from the many backgrounds a caseload in England has, with accents and non-Latin
    /// scripts. No right-to-left script: bidirectional text misaligns in many terminals.
    static let people: [Person] = [
        Person(name: "Zoë Whitfield", preferredName: nil, emailStem: "zoe.whitfield"),
        Person(name: "Łukasz Nowak", preferredName: nil, emailStem: "lukasz.nowak"),
        Person(name: "Siobhán Murphy", preferredName: nil, emailStem: "siobhan.murphy"),
        Person(name: "José Martins", preferredName: nil, emailStem: "jose.martins"),
        Person(name: "Ngozi Okafor", preferredName: nil, emailStem: "ngozi.okafor"),
        Person(name: "Oluwaseun Adeyemi", preferredName: "Seun", emailStem: "seun.adeyemi"),
        Person(name: "Aoife Gallagher", preferredName: nil, emailStem: "aoife.g"),
        Person(name: "陈伟", preferredName: "David", emailStem: "chen.wei"),
        Person(name: "王芳", preferredName: nil, emailStem: "wang.fang"),
        Person(name: "Ayşe Yılmaz", preferredName: nil, emailStem: "ayse.yilmaz"),
        Person(name: "Tomáš Dvořák", preferredName: nil, emailStem: "tomas.dvorak"),
        Person(name: "Мария Иванова", preferredName: "Masha", emailStem: "maria.ivanova"),
        Person(name: "Margaret Thompson", preferredName: "Peggy", emailStem: "peggy.thompson"),
        Person(name: "Harold Briggs", preferredName: nil, emailStem: "h.briggs"),
        Person(name: "Priya Sharma", preferredName: nil, emailStem: "priya.sharma"),
        Person(name: "Mohammed Iqbal", preferredName: nil, emailStem: "m.iqbal"),
        Person(name: "Fatima Begum", preferredName: nil, emailStem: "fatima.begum"),
        Person(name: "Kwame Mensah", preferredName: nil, emailStem: "kwame.mensah"),
        Person(name: "Grace O'Connor", preferredName: nil, emailStem: "grace.oconnor"),
        Person(name: "Dorothy Pickering", preferredName: "Dot", emailStem: "dot.pickering"),
        Person(name: "Seán Doyle", preferredName: nil, emailStem: "sean.doyle"),
        Person(name: "Agnieszka Kowalczyk", preferredName: "Aga", emailStem: "agnieszka.k"),
        Person(name: "Rhiannon Evans", preferredName: nil, emailStem: "rhiannon.evans"),
        Person(name: "Bogdan Popescu", preferredName: nil, emailStem: "bogdan.popescu"),
        Person(name: "Anjali Patel", preferredName: nil, emailStem: "anjali.patel"),
        Person(name: "Gurpreet Kaur", preferredName: nil, emailStem: "gurpreet.kaur"),
        Person(name: "Abdirahman Farah", preferredName: nil, emailStem: "a.farah"),
        Person(name: "Hodan Ali", preferredName: nil, emailStem: "hodan.ali"),
        Person(name: "Chloe Bennett", preferredName: nil, emailStem: "chloe.bennett"),
        Person(name: "Bernard Hughes", preferredName: "Bernie", emailStem: "bernard.hughes"),
        Person(name: "Winston Campbell", preferredName: nil, emailStem: "winston.campbell"),
        Person(name: "Precious Ncube", preferredName: nil, emailStem: "precious.ncube"),
        Person(name: "Ahmed Hassan", preferredName: nil, emailStem: "ahmed.hassan"),
        Person(name: "Krzysztof Wiśniewski", preferredName: "Kris", emailStem: "k.wisniewski"),
        Person(name: "Emily-Rose Carter", preferredName: nil, emailStem: "emilyrose.carter"),
        Person(name: "Jürgen Weiß", preferredName: nil, emailStem: "juergen.weiss"),
        Person(name: "Søren Madsen", preferredName: nil, emailStem: "soren.madsen"),
        Person(name: "Cathal Ó Súilleabháin", preferredName: nil, emailStem: "cathal.osullivan"),
        Person(name: "Nguyễn Thị Lan", preferredName: "Lan", emailStem: "lan.nguyen"),
        Person(name: "Hana Kimura", preferredName: nil, emailStem: "hana.kimura"),
        Person(name: "Devon Clarke", preferredName: nil, emailStem: "devon.clarke"),
        Person(name: "Stanley Wood", preferredName: "Stan", emailStem: "stan.wood"),
        Person(name: "Marie-Claire Dubois", preferredName: nil, emailStem: "mc.dubois"),
        Person(name: "Ioana Radu", preferredName: nil, emailStem: "ioana.radu"),
        Person(name: "Yusuf Demir", preferredName: nil, emailStem: "yusuf.demir"),
        Person(name: "Leila Rahimi", preferredName: nil, emailStem: "leila.rahimi"),
        Person(name: "Tariq Mahmood", preferredName: nil, emailStem: "tariq.mahmood"),
        Person(name: "Bridget Kelly", preferredName: nil, emailStem: "bridget.kelly"),
        Person(name: "Joyce Adebayo", preferredName: nil, emailStem: "joyce.adebayo"),
        Person(name: "Ravi Chandran", preferredName: nil, emailStem: "ravi.chandran"),
        Person(name: "Samira Haddad", preferredName: nil, emailStem: "samira.haddad"),
        Person(name: "Owen Price", preferredName: nil, emailStem: "owen.price"),
        Person(name: "Keisha Williams", preferredName: nil, emailStem: "keisha.williams"),
        Person(name: "Françoise Lemaître", preferredName: nil, emailStem: "f.lemaitre"),
        Person(name: "Ελένη Παππά", preferredName: "Eleni", emailStem: "eleni.pappa"),
        Person(name: "Sunita Rao", preferredName: nil, emailStem: "sunita.rao"),
        Person(name: "Edward Lamb", preferredName: "Ted", emailStem: "ted.lamb"),
        Person(name: "Aleksandra Zielińska", preferredName: "Ola", emailStem: "ola.zielinska"),
        Person(name: "Mehmet Öztürk", preferredName: nil, emailStem: "mehmet.ozturk"),
        Person(name: "Ama Owusu", preferredName: nil, emailStem: "ama.owusu"),
    ]

    static let practices: [Practice] = [
        Practice(name: "Riverside Medical Centre", town: "Eastmere",
                 gps: ["Dr Aisha Rahman", "Dr Tom Fletcher"], receptionist: "Debbie Hart"),
        Practice(name: "Hillview Surgery", town: "Kilnbridge",
                 gps: ["Dr Helen Okoro", "Dr Rajesh Menon"], receptionist: "Paula Grey"),
        Practice(name: "Canal Street Health Centre", town: "Wharfside",
                 gps: ["Dr Niamh Brennan", "Dr Simon Achebe"], receptionist: "Lee Turner"),
    ]

    /// Staff who work across the Primary Care Network rather than for one practice.
    static let networkReferrers: [(name: String, role: ReferrerRole)] = [
        ("Karen Lowe", .practiceNurse), ("Amir Shah", .pharmacist), ("Beth Morgan", .careCoordinator),
        ("Jo Pritchard", .healthCoach), ("Liam Doherty", .physiotherapist),
        ("Sam Adeyinka", .mentalHealthPractitioner), ("Claire Ashworth", .socialWorker),
        ("Discharge team, Ward 12", .hospital), ("Wharfside Community Larder", .vcse),
    ]

    static let streets = [
        "Orchard Row", "Tanners Lane", "Beacon Street", "Millpond Close", "Ropewalk", "Larch Avenue",
        "Foundry Court", "Quarry Hill", "Willow Terrace", "Ferry Road", "Chapel Yard", "Heron Walk",
        "Brickfield Road", "Lockkeeper's Way", "Saltmarsh Drive",
    ]

    static let blocks = ["Kestrel House", "Alder Court", "Sandpiper House", "Linden Mews"]

    static let scenarios: [Scenario] = [
        Scenario(reason: "Widowed last year and rarely leaves the house since. Would like to meet people.",
                 needs: [.bereavement, .loneliness],
                 inOwnWords: "Since we lost Pat the house is so quiet. I'd like somewhere to go on a Tuesday, and someone who'll say hello.",
                 strengths: "Good with their hands: used to knit for the church sale. Daughter rings on Sundays."),
        Scenario(reason: "Rent arrears after hours were cut at work; worried about a letter from the landlord.",
                 needs: [.money, .housing],
                 inOwnWords: "I just want to stop dreading the post. If I knew the rent was sorted I could sleep.",
                 strengths: "Works hard; good at budgeting once there is a plan. A brother nearby who helps."),
        Scenario(reason: "Type 2 diabetes. Keen to get more active but anxious about going to a gym alone.",
                 needs: [.longTermCondition, .physicalActivity],
                 inOwnWords: "I want to play with my grandkids in the park without being out of breath.",
                 strengths: "Motivated since the diagnosis; already walks the dog; wife keen to join in."),
        Scenario(reason: "Full-time carer for a partner with dementia. Exhausted; no break in months.",
                 needs: [.caring, .mentalWellbeing],
                 inOwnWords: "I love her, but I need one afternoon a week that's mine. Just one.",
                 strengths: "Knows the care system well. A neighbour who has offered to sit with her."),
        Scenario(reason: "Low mood since redundancy. Would like volunteering to rebuild confidence.",
                 needs: [.mentalWellbeing, .work],
                 inOwnWords: "I need to feel useful again. I was a foreman for twenty years.",
                 strengths: "Practical skills, a driving licence, used to leading a team."),
        Scenario(reason: "Frequent appointments about back pain; GP thinks isolation is the bigger problem.",
                 needs: [.loneliness, .longTermCondition],
                 inOwnWords: "Honestly the pain is worse when I'm stuck in all day with nobody to talk to.",
                 strengths: "Chatty once out; loves gardening; lives round the corner from the library."),
        Scenario(reason: "New to the area, English is a second language, unsure how local services work.",
                 needs: [.advice, .loneliness],
                 inOwnWords: "I want to understand how things work here, and speak better English so I can help my children with school.",
                 strengths: "Speaks three languages; was a teacher; very organised."),
        Scenario(reason: "Benefit review is online only and there is no internet at home.",
                 needs: [.digital, .money],
                 inOwnWords: "I'm frightened of losing my money because I can't use a computer.",
                 strengths: "Keeps every letter in a folder. Grandson can help at weekends."),
        Scenario(reason: "Stopped going out after a fall; no longer confident on the bus.",
                 needs: [.transport, .physicalActivity, .loneliness],
                 inOwnWords: "I want to get the bus into town on my own again, like I used to.",
                 strengths: "Determined; knows the town well; on good terms with the neighbours."),
        Scenario(reason: "Lives alone and drinking more since retiring. Wants something to fill the days.",
                 needs: [.healthyLiving, .loneliness],
                 inOwnWords: "I need something to get up for. The days are long and the pub is the only place I see anyone.",
                 strengths: "Sociable; played in a brass band years ago; good at fixing things."),
        Scenario(reason: "Damp and mould in a rented flat making asthma worse; landlord not responding.",
                 needs: [.housing, .longTermCondition],
                 inOwnWords: "I want the flat dry so my chest can settle and the kids stop coughing.",
                 strengths: "Has photos and dates of the damp; persistent; a good friend upstairs."),
        Scenario(reason: "Relationship ended; staying on a friend's sofa and needs housing advice.",
                 needs: [.housing, .relationships],
                 inOwnWords: "I just need a place of my own and to get back on my feet.",
                 strengths: "Working part-time; a friend letting them stay; wants to sort it."),
        Scenario(reason: "Young parent feeling cut off; interested in groups for parents and babies nearby.",
                 needs: [.loneliness, .relationships],
                 inOwnWords: "I'd like to meet other parents so I'm not on my own with the baby all day.",
                 strengths: "A loving parent; good with social media; a sister a bus ride away."),
        Scenario(reason: "Long COVID fatigue. Wants to plan a gradual return to work.",
                 needs: [.longTermCondition, .work],
                 inOwnWords: "I want to go back to work, even a few hours, without crashing for a week after.",
                 strengths: "A supportive employer; keeps a symptom diary; patient with themselves."),
        Scenario(reason: "Grieving after the death of a son. Not ready for counselling but wants to talk.",
                 needs: [.bereavement, .mentalWellbeing],
                 inOwnWords: "I don't want to sit in an office and cry. I'd like to talk to someone who gets it.",
                 strengths: "Close to their sister; used to fish; a faith community they have drifted from."),
        Scenario(reason: "Debt letters piling up unopened; too anxious to answer the phone.",
                 needs: [.money, .mentalWellbeing],
                 inOwnWords: "If someone could open the letters with me, I think I could face it.",
                 strengths: "Honest about the problem; a steady job; a partner who wants to help."),
        Scenario(reason: "Wants to lose weight and eat better on a tight budget.",
                 needs: [.healthyLiving],
                 inOwnWords: "I want to cook proper meals that don't cost a fortune, and feel better in myself.",
                 strengths: "Enjoys cooking; walks to work; a family wedding next year to aim for."),
        Scenario(reason: "Bringing up a grandchild full time; needs advice on kinship carer support.",
                 needs: [.caring, .advice, .money],
                 inOwnWords: "I want to do right by my granddaughter without going under.",
                 strengths: "Devoted; an experienced parent; the school is supportive."),
        Scenario(reason: "Chronic pain; dropped out of the walking group and wants gentler exercise.",
                 needs: [.physicalActivity],
                 inOwnWords: "I'd like to move without being scared it'll make the pain worse.",
                 strengths: "Went to the walking group before; likes swimming; knows their limits."),
        Scenario(reason: "Ongoing dispute with a neighbour causing stress and poor sleep.",
                 needs: [.advice, .mentalWellbeing],
                 inOwnWords: "I just want to feel calm in my own home and sleep through the night.",
                 strengths: "Keeps a diary of what happens; supportive family; calm when things are explained."),
    ]

    static let riskNotes = [
        "Lone working: visit in pairs — dog at property",
        "Disclosed thoughts of self-harm in 2024; GP aware",
        "Partner may be controlling: speak only when the client is alone",
        "Aggressive to staff when intoxicated: meet at the surgery, not at home",
        "Safeguarding: adult social care involved (reference held by GP)",
        "Hoarding at property, trip hazards: meet in the community",
        "Neighbour raised concern about financial exploitation",
        "Lone working: ring the office before and after each home visit",
        "Overdose in the spring; crisis line number given and saved in phone",
        "Epilepsy: seizures when stressed; plan agreed with GP",
    ]

    /// How the first try at reaching someone was made: mostly by phone.
    static let firstAttemptMethods: [AttemptMethod] = [.phone, .phone, .text, .letter]

    static let holdNotes = [
        "In hospital", "Visiting family abroad for a month", "Asked for a pause while moving house",
        "Recovering from an operation",
    ]

    /// How many discharged clients have each reason, most of them ending well.
    static let dischargeReasons: [DischargeReason] = [
        .goalsMet, .goalsMet, .goalsMet, .goalsMet, .goalsMet, .goalsMet,
        .referredOn, .referredOn, .referredOn, .unableToContact, .unableToContact, .unableToContact,
        .declined, .declined, .movedAway, .movedAway, .died, .other,
    ]

    static func dischargeNote(_ reason: DischargeReason) -> [String] {
        switch reason {
        case .goalsMet: ["Going to the walking group weekly and the Friday lunch club.",
                         "Debt plan in place and benefits sorted; feels able to manage.",
                         "Volunteering two mornings a week at the community garden."]
        case .declined: ["Feels things have settled; knows how to come back."]
        case .movedAway: ["Moved to live near family; new practice told."]
        case .referredOn: ["Referred to the community mental health team.",
                           "Referred to debt advice for a formal plan."]
        case .unableToContact: ["Calls, a text and a letter over three weeks; no reply. Referrer told."]
        case .died: ["Died at home. GP and family informed."]
        case .other: ["Started full-time work; happy to close and come back if needed."]
        }
    }
}
