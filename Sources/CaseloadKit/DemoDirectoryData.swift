/// The invented community assets of the demo directory, in the demo practices' towns, and what
/// link workers wrote about connections to them. Every group, organisation and person here is
/// fictional; phone numbers are in Ofcom's drama range (01632 960xxx), emails and websites at example.org.
enum DemoDirectoryData {
    /// One asset as written here: dates count back from today so the demo never goes stale by itself.
    struct Listing {
        let name: String
        let organisation: String
        let categories: [NeedCategory]
        let description: String
        let phone: String
        let email: String
        var website = ""
        let address: String
        let schedule: String
        let eligibility: String
        let cost: String
        let capacity: AssetCapacity
        /// How many days before today it was last checked, and by whom; nil when never.
        let checked: (daysAgo: Int, by: String)?
        let notes: String
        /// The service's id and taxonomy terms in the council's feed, for the few imported from it.
        var imported: (serviceID: String, topics: [String])? = nil
        var retiredDaysAgo: Int? = nil
        /// The demo plan steps (see `DemoWorkData`) that going here carries out.
        var planSteps: [String] = []
        /// For particular people (carers, parents, Polish speakers), so demo clients are connected
        /// only where their plan names it, not for any matching need.
        var onlyWhenPlanned = false
        /// The age its eligibility starts at, which demo connections keep to.
        var minimumAge: Int? = nil
    }

    /// Ids are drawn in this order: add new listings at the end so the others keep theirs.
    static let listings: [Listing] = [
        Listing(name: "Eastmere Health Walks", organisation: "Eastmere Walking Friends",
                categories: [.physicalActivity, .loneliness, .mentalWellbeing],
                description: "Free led walks of 30 to 60 minutes on flat paths round Millpond Park and the canal, with a short beginners' loop. Walk leaders are trained volunteers.",
                phone: "01632 960114", email: "walks@example.org", website: "https://example.org/eastmere-walks",
                address: "Meet at the park café, Millpond Close, Eastmere",
                schedule: "Saturdays 10:00 (beginners' loop 10:15); Wednesdays 14:00",
                eligibility: "Anyone who can walk for 20 minutes; walking aids fine", cost: "Free",
                capacity: .accepting, checked: (34, "Jess Okonjo"),
                notes: "Ask for Maureen, who leads the beginners' loop and looks out for newcomers. People say the tea at the café afterwards is the best bit. Muddy by the canal in winter.",
                planSteps: ["Go to the beginners' walking group on Saturday", "Ask about the walking and talking group"]),
        Listing(name: "Kilnbridge Men's Shed", organisation: "Kilnbridge Men's Shed",
                categories: [.loneliness, .mentalWellbeing, .work],
                description: "A workshop in the old fire station where people make and mend things, from bird boxes to benches for the parish council. Tools and training provided.",
                phone: "01632 960238", email: "shed@example.org", website: "https://example.org/kilnbridge-shed",
                address: "The Old Fire Station, Foundry Court, Kilnbridge",
                schedule: "Tuesdays and Thursdays 09:30–13:00",
                eligibility: "Adults; despite the name, women are welcome too", cost: "£2 a session; first month free",
                capacity: .waitingList, checked: (58, "Rob Tierney"),
                notes: "Only ten benches, so there is a list (about four weeks when I last asked). Ring Dave on a Tuesday morning; he doesn't read email. One man said it's the first reason he's had to get up since retiring."),
        Listing(name: "Friendly Voices Telephone Befriending", organisation: "Age Well Eastmere",
                categories: [.loneliness],
                description: "A trained volunteer rings at the same time each week for a chat, matched on interests where possible. Calls can be in Urdu, Punjabi or Polish.",
                phone: "01632 960357", email: "friendlyvoices@example.org", website: "https://example.org/friendly-voices",
                address: "By phone, across Eastmere, Kilnbridge and Wharfside",
                schedule: "A weekly call, at a day and time agreed with the volunteer",
                eligibility: "Over 55s who feel lonely; self-referral or by a professional", cost: "Free",
                capacity: .accepting, checked: (12, "Mina Kaur"),
                notes: "Their online form is the quickest way in; matching takes about two weeks. Good for people not ready to go out yet. One woman said her caller is the only one who asks about her garden.",
                minimumAge: 55),
        Listing(name: "Money Advice Drop-in", organisation: "Wharfside Advice Centre",
                categories: [.money, .housing, .advice],
                description: "Free, confidential advice on debt, benefits, housing problems and letters from creditors. Advisers can ring creditors with you and help with forms.",
                phone: "01632 960402", email: "advice@example.org", website: "https://example.org/wharfside-advice",
                address: "Unit 3, Chapel Yard, Wharfside",
                schedule: "Drop-in Mondays and Thursdays 09:30–12:30; appointments Wednesday afternoons",
                eligibility: "Anyone living in Eastmere, Kilnbridge or Wharfside", cost: "Free",
                capacity: .accepting, checked: (21, "Jess Okonjo"),
                notes: "The drop-in is usually full by 10:30: go early or book a Wednesday slot. Bring every letter, opened or not. Ask for Priti for debt; she is very good with people who dread the post.",
                planSteps: ["Book a debt advice appointment", "Book the advice centre appointment", "Housing advice appointment"]),
        Listing(name: "Wharfside Community Larder", organisation: "Wharfside Community Larder",
                categories: [.money, .healthyLiving],
                description: "A members' food club: about £20 of groceries, fresh veg included, for £4 a week. Wednesday cook-and-eat sessions show cheap meals to make at home.",
                phone: "01632 960519", email: "larder@example.org", website: "https://example.org/wharfside-larder",
                address: "St Anne's Hall, Ferry Road, Wharfside",
                schedule: "Shop Wednesdays 12:00–14:00 and Saturdays 10:00–12:00; cook-and-eat Wednesdays 14:00",
                eligibility: "Anyone in Wharfside or Kilnbridge on a low income; no voucher needed", cost: "£4 a week",
                capacity: .accepting, checked: (47, "Rob Tierney"),
                notes: "Not a food bank, so no voucher and people seem less embarrassed to go. For an emergency parcel ring them and they refer on. Bola runs the cook-and-eat and is lovely.",
                planSteps: ["Go to the cook-and-eat session at the community larder"]),
        Listing(name: "Kilnbridge Community Choir", organisation: "Kilnbridge Community Choir",
                categories: [.loneliness, .mentalWellbeing],
                description: "A friendly choir with no auditions, singing pop, folk and musicals. No need to read music; words are handed out.",
                phone: "01632 960625", email: "choir@example.org",
                address: "Kilnbridge Methodist Church, Quarry Hill, Kilnbridge",
                schedule: "Mondays 19:00–20:30, term time",
                eligibility: "Adults; no experience needed", cost: "£3 a week; first two weeks free",
                capacity: .closed, checked: (236, "Alex Fairbairn"),
                notes: "Stopped when the director left; they hoped to start again with a new one. Ring before mentioning it to anyone."),
        Listing(name: "Carers' Café", organisation: "Eastmere Carers Network",
                categories: [.caring, .loneliness, .mentalWellbeing],
                description: "An informal monthly get-together for unpaid carers, with a speaker now and then on benefits, power of attorney or respite. Sitting can be arranged so carers can come.",
                phone: "01632 960741", email: "carers@example.org", website: "https://example.org/eastmere-carers",
                address: "The Lantern Room, Eastmere Library, Beacon Street, Eastmere",
                schedule: "First Tuesday of the month, 10:30–12:30",
                eligibility: "Unpaid carers of any age; the person cared for may come too", cost: "Free",
                capacity: .accepting, checked: (63, "Mina Kaur"),
                notes: "Ask Helen about the sitting service: she needs two weeks' notice. Carers tell me it's the one place where nothing needs explaining.",
                planSteps: ["Go to the carers' café", "Find out about a sitting service"], onlyWhenPlanned: true),
        Listing(name: "Forget-Me-Not Bereavement Café", organisation: "St Barnabas Church",
                categories: [.bereavement],
                description: "Tea, cake and a listening ear for anyone who has lost someone, however long ago. Volunteers have bereavement training; nobody has to talk.",
                phone: "01632 960803", email: "forgetmenot@example.org",
                address: "St Barnabas Church Hall, Chapel Yard, Eastmere",
                schedule: "Second and fourth Wednesdays of the month, 14:00–16:00",
                eligibility: "Anyone bereaved, of any faith or none", cost: "Free; donations for cake welcome",
                capacity: .accepting, checked: (88, "Jess Okonjo"),
                notes: "Not religious, whatever the venue suggests. Ruth will meet someone at the door if I ring ahead. Good for people not ready for counselling; one man said nobody there told him to move on.",
                planSteps: ["Go to the bereavement drop-in at the church hall"]),
        Listing(name: "Seated Strength and Balance", organisation: "Kilnbridge Leisure Trust",
                categories: [.physicalActivity, .longTermCondition],
                description: "Gentle chair-based exercise to music for strength, balance and confidence, led by a qualified instructor, with advice on preventing falls.",
                phone: "01632 960866", email: "activeages@example.org", website: "https://example.org/seated-strength",
                address: "Hillview Community Room, Larch Avenue, Kilnbridge",
                schedule: "Fridays 11:00–12:00",
                eligibility: "Adults with limited mobility or at risk of falls; no GP letter needed", cost: "£3.50 a session",
                capacity: .full, checked: (16, "Rob Tierney"),
                notes: "Full: the room takes fourteen chairs. Marion, the instructor, keeps a list and rings when a place frees up, usually within two months. The Tuesday class at the leisure centre has room but is harder to get to.",
                planSteps: ["Ask about the chair-based exercise class"]),
        Listing(name: "Get Online Drop-in", organisation: "Kilnbridge Library",
                categories: [.digital],
                description: "One-to-one help with phones, tablets and computers: email, online forms, Universal Credit journals, video calls. Free SIM cards with data for people on low incomes.",
                phone: "01632 960127", email: "library.kilnbridge@example.org",
                website: "https://example.org/council/libraries/get-online",
                address: "Kilnbridge Library, Tanners Lane, Kilnbridge",
                schedule: "Tuesdays 10:00–12:00 and Thursdays 14:00–16:00",
                eligibility: "Anyone; bring your own device if you have one", cost: "Free",
                capacity: .accepting, checked: (75, "Mina Kaur"),
                notes: "Book a slot at the desk to avoid waiting. Ken on Thursdays is the most patient. The data SIMs go fast, so ask early in the month.",
                imported: ("KB-LIB-0042", ["Digital inclusion", "Libraries", "Adult learning"]),
                planSteps: ["Go to the library's computer help sessions", "Get a free SIM with data from the data bank",
                            "Set up an email address"]),
        Listing(name: "Ropewalk Community Garden", organisation: "Ropewalk Growers",
                categories: [.physicalActivity, .mentalWellbeing, .work, .healthyLiving],
                description: "A community garden and small allotment plots by the canal. Volunteer mornings of planting, weeding and building raised beds; produce shared with the larder.",
                phone: "01632 960290", email: "grow@example.org", website: "https://example.org/ropewalk-growers",
                address: "Behind the flats, Ropewalk, Wharfside",
                schedule: "Volunteer mornings Wednesdays and Sundays 10:00–13:00, March to October",
                eligibility: "Anyone; raised beds for wheelchair users", cost: "Free; plots £15 a year",
                capacity: .accepting, checked: (212, "Alex Fairbairn"),
                notes: "Plots have a waiting list but the volunteer mornings take anyone. Ask for Gwen. Quiet in winter, so suggest it from March. One man I referred now runs the compost heaps.",
                planSteps: ["Try a morning at the community garden"]),
        Listing(name: "Eastmere Volunteer Centre", organisation: "Volunteer Eastmere",
                categories: [.work, .loneliness, .mentalWellbeing],
                description: "Finds volunteering to suit, from a couple of hours a month to regular roles, with extra support for people who haven't worked for a while. Job club on Wednesdays.",
                phone: "01632 960455", email: "volunteer@example.org", website: "https://example.org/volunteer-eastmere",
                address: "12 Beacon Street, Eastmere",
                schedule: "Drop-in Monday to Thursday 10:00–15:00; job club Wednesdays 13:00",
                eligibility: "Anyone 16 or over", cost: "Free",
                capacity: .accepting, checked: (29, "Jess Okonjo"),
                notes: "Ask for Tom: he'll go along to the first session of a placement if someone is nervous. The job club helps with CVs.",
                planSteps: ["Visit the volunteer centre", "Apply for one volunteering role", "Update the CV"]),
        Listing(name: "Eastmere and Wharfside Talking Therapies", organisation: "Eastmere and Wharfside Talking Therapies",
                categories: [.mentalWellbeing],
                description: "Talking therapies for anxiety, low mood and stress: guided self-help, groups, and one-to-one CBT or counselling. People can refer themselves online or by phone.",
                phone: "01632 960588", email: "talking.therapies@example.org", website: "https://example.org/talking-therapies",
                address: "Riverside House, Ferry Road, Eastmere; also by phone or video",
                schedule: "Monday to Friday 09:00–17:00; some evening appointments",
                eligibility: "Adults registered with a GP in the three towns", cost: "Free",
                capacity: .waitingList, checked: (41, "Mina Kaur"),
                notes: "Self-referral is quickest: fifteen minutes online, and I can sit with people while they do it. About eight weeks for one-to-one; the stress course starts sooner. Not for crisis: give the crisis line.",
                imported: ("EW-MH-0107", ["Mental health", "Counselling", "Self-referral"]),
                planSteps: ["Self-refer to the talking therapies service"]),
        Listing(name: "Three Towns Community Transport", organisation: "Three Towns Community Transport",
                categories: [.transport, .loneliness],
                description: "A door-to-door minibus for people who find buses hard: shopping trips, appointments and social groups. Wheelchair accessible; drivers help with bags.",
                phone: "01632 960672", email: "bookings@example.org", website: "https://example.org/three-towns-transport",
                address: "Brickfield Road depot, Kilnbridge; covers the three towns",
                schedule: "Monday to Friday 09:00–16:00; book by noon the day before",
                eligibility: "People who find public transport hard because of age, disability or health", cost: "£10 a year; trips from £3 each way",
                capacity: .accepting, checked: (102, "Rob Tierney"),
                notes: "Fridays book up quickly. Drivers wait at the door. Sue can take the membership form over the phone.",
                imported: ("TT-TR-0015", ["Transport", "Disability", "Older people"]),
                planSteps: ["Book community transport for the first trips"]),
        Listing(name: "Little Acorns Parent and Baby Group", organisation: "Wharfside Children's Centre",
                categories: [.relationships, .loneliness],
                description: "Play, songs and a cuppa for parents and carers of babies and toddlers up to two. Health visitors sometimes drop in.",
                phone: "01632 960934", email: "littleacorns@example.org",
                address: "Wharfside Children's Centre, Heron Walk, Wharfside",
                schedule: "Thursdays 09:30–11:00, term time",
                eligibility: "Parents and carers of children under two", cost: "Free",
                capacity: .unknown, checked: nil,
                notes: "Added from a leaflet in the Canal Street waiting room; not rung yet, so check it still runs first.",
                planSteps: ["Go to the parents' group at the children's centre"], onlyWhenPlanned: true),
        Listing(name: "Zoë's Knit & Natter", organisation: "",
                categories: [.loneliness, .mentalWellbeing],
                description: "Knitting, crochet and chat over tea in the library café. Beginners taught; wool and needles to borrow.",
                phone: "01632 960776", email: "knitandnatter@example.org",
                address: "Library café, Beacon Street, Eastmere",
                schedule: "Thursdays 13:30–15:30",
                eligibility: "Anyone", cost: "£1 for tea and biscuits",
                capacity: .accepting, checked: (96, "Jess Okonjo"),
                notes: "Zoë Marsh runs it and is very welcoming; ring rather than email. Mostly women, but a couple of men come. It follows the library's Thursday coffee morning, so people often stay for both."),
        Listing(name: "Kawiarenka Polish Coffee Morning", organisation: "Polish Community Association of Wharfside",
                categories: [.loneliness, .advice],
                description: "A coffee morning in Polish for all ages, with help reading letters in English and a board of local jobs and services.",
                phone: "01632 960561", email: "kawiarenka@example.org",
                address: "Our Lady's Parish Centre, Saltmarsh Drive, Wharfside",
                schedule: "Saturdays 10:00–12:00",
                eligibility: "Polish speakers and their families; English speakers welcome", cost: "Free",
                capacity: .accepting, checked: (254, "Alex Fairbairn"),
                notes: "Łukasz Zając organises it and is happy to talk to me first, in English. A good first step for people new to the area and nervous of English-speaking groups. Numbers were dropping, so check it still runs.",
                onlyWhenPlanned: true),
        Listing(name: "陈氏太极 Tai Chi", organisation: "Eastmere Chinese Community Association",
                categories: [.physicalActivity, .longTermCondition, .mentalWellbeing],
                description: "Slow, gentle Chen-style tai chi for balance, strength and calm, taught in English and Mandarin. Can be done seated.",
                phone: "01632 960188", email: "taichi@example.org",
                address: "Chinese Community Centre, Orchard Row, Eastmere",
                schedule: "Wednesdays 10:00–11:00 (beginners), 11:15–12:15 (continuing)",
                eligibility: "Adults of any age or fitness", cost: "£4 a class; £2 concessions",
                capacity: .accepting, checked: (140, "Mina Kaur"),
                notes: "Mrs Lin teaches and adapts the moves for people with arthritis. Good for people who want calm exercise without a gym; several older Mandarin speakers go and bring friends."),
        Listing(name: "Tuesday Lunch Club", organisation: "Heron Walk Community Association",
                categories: [.loneliness, .healthyLiving],
                description: "A two-course hot lunch and a quiz or bingo for older people, with transport for those who need it.",
                phone: "01632 960049", email: "lunchclub@example.org",
                address: "Heron Walk Community Centre, Heron Walk, Wharfside",
                schedule: "Tuesdays 12:00–14:00",
                eligibility: "Over 60s", cost: "£5 for lunch",
                capacity: .closed, checked: (201, "Rob Tierney"),
                notes: "Closed when the community centre's lease ended; the organisers hope to start again elsewhere. Members were pointed to the Knit & Natter and Friendly Voices.",
                retiredDaysAgo: 45,
                planSteps: ["Ring the Tuesday lunch club to say they're coming", "Go to the lunch club on their own"],
                minimumAge: 60),
    ]

    /// What a link worker wrote on each change of a connection; empty when nothing was. None says
    /// how long it took, since a change may be heard the day after the one before.
    static func connectionNotes(_ state: ConnectionState) -> [String] {
        switch state {
        case .suggested: ["Talked it through; wants to think about it.", "Gave them the leaflet and the times.",
                          "Interested; will look at the website with family.", ""]
        case .referred: ["Rang them together during the visit; they're expecting them.",
                         "Sent the referral with their consent.", "Booked in for next week.", ""]
        case .waiting: ["On the waiting list; told it could be about a month.",
                        "Put on the list; they'll ring when there's a place."]
        case .attended: ["Went and felt welcome.", "Went with me the first time; will go on their own now.",
                         "Went; says it's the best part of the week.", "Went; found it useful."]
        case .didNotAttend: ["Didn't go: felt too anxious on the day.", "Missed it: unwell that week.",
                             "Didn't make it; the bus never came."]
        case .declined: ["Not for them: would rather something one-to-one.", "Decided against it: too far to get to.",
                         "Said no for now; maybe later in the year."]
        case .stopped: ["Stopped going: it clashed with a new job.", "Stopped going; didn't feel it helped.",
                        "Stopped once they felt back on their feet."]
        }
    }
}
