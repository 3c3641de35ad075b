/// The invented material for the work in the demo caseload: what was said, planned and written
/// down. Groups and services are generic or fictional.
enum DemoWorkData {
    /// What a link worker typically hears and plans for one area of life.
    struct NeedPlan {
        let concern: String
        let goal: String
        /// Easy wins first. A non-empty name means "someone else" does it.
        let steps: [(what: String, owner: StepOwner, name: String)]
    }

    static func plan(for need: NeedCategory) -> NeedPlan {
        switch need {
        case .loneliness:
            NeedPlan(concern: "Goes days without speaking to anyone", goal: "Have somewhere to go and people to see every week",
                     steps: [("Ring the Tuesday lunch club to say they're coming", .linkWorker, ""),
                             ("Go along together the first time", .linkWorker, ""),
                             ("Go to the lunch club on their own", .person, ""),
                             ("Try the library's Thursday coffee morning", .person, "")])
        case .mentalWellbeing:
            NeedPlan(concern: "Low mood most days; sleeping badly", goal: "Feel more like myself again",
                     steps: [("Walk round the park three mornings a week", .person, ""),
                             ("Self-refer to the talking therapies service", .person, ""),
                             ("Find a place at the wellbeing café", .linkWorker, ""),
                             ("Talk to the GP about sleep", .person, "")])
        case .physicalActivity:
            NeedPlan(concern: "Wants to move more but nervous of gyms", goal: "Get stronger and walk further without stopping",
                     steps: [("Walk to the shop and back every day", .person, ""),
                             ("Ask about the chair-based exercise class", .linkWorker, ""),
                             ("Go to the beginners' walking group on Saturday", .person, ""),
                             ("Try the over-50s swim session", .person, "")])
        case .money:
            NeedPlan(concern: "Behind on bills; letters unopened", goal: "Get on top of the money worries",
                     steps: [("Open the letters together and sort them into a folder", .linkWorker, ""),
                             ("Book a debt advice appointment", .linkWorker, ""),
                             ("Benefits check", .someoneElse, "Welfare rights adviser"),
                             ("Agree a payment plan with the energy company", .person, "")])
        case .housing:
            NeedPlan(concern: "Housing problem affecting health", goal: "Live somewhere safe, warm and dry",
                     steps: [("Write to the landlord about repairs, with photos", .person, ""),
                             ("Ask the council's housing team to inspect", .linkWorker, ""),
                             ("Housing advice appointment", .someoneElse, "Advice centre caseworker"),
                             ("Apply to the housing register", .person, "")])
        case .work:
            NeedPlan(concern: "Out of work; confidence low", goal: "Do something useful with my week",
                     steps: [("Visit the volunteer centre", .person, ""),
                             ("Try a morning at the community garden", .person, ""),
                             ("Update the CV", .someoneElse, "Job club volunteer"),
                             ("Apply for one volunteering role", .person, "")])
        case .caring:
            NeedPlan(concern: "Caring full time with no break", goal: "Have regular time for myself",
                     steps: [("Register as a carer with the practice", .person, ""),
                             ("Carer's assessment", .someoneElse, "Adult social care"),
                             ("Find out about a sitting service", .linkWorker, ""),
                             ("Go to the carers' café", .person, "")])
        case .bereavement:
            NeedPlan(concern: "Grief still raw; not ready for counselling", goal: "Talk to people who understand",
                     steps: [("Go to the bereavement drop-in at the church hall", .person, ""),
                             ("Ask about the walking and talking group", .linkWorker, ""),
                             ("Plant something in the garden in memory", .person, ""),
                             ("Think again about counselling in a month", .person, "")])
        case .longTermCondition:
            NeedPlan(concern: "Condition limits what they can do", goal: "Manage my condition so it doesn't run my life",
                     steps: [("Keep a symptom diary for two weeks", .person, ""),
                             ("Ask the practice nurse for a review", .person, ""),
                             ("Find the local support group", .linkWorker, ""),
                             ("Join the self-management course", .person, "")])
        case .healthyLiving:
            NeedPlan(concern: "Wants to eat better and drink less", goal: "Eat well and feel healthier",
                     steps: [("Plan a week of meals on a budget", .person, ""),
                             ("Go to the cook-and-eat session at the community larder", .person, ""),
                             ("Talk about cutting down", .someoneElse, "Alcohol service worker"),
                             ("Have two alcohol-free days a week", .person, "")])
        case .advice:
            NeedPlan(concern: "Needs advice; unsure where to go", goal: "Know where to get help and feel confident asking",
                     steps: [("Write down the questions to ask", .person, ""),
                             ("Book the advice centre appointment", .linkWorker, ""),
                             ("Go to the English conversation club", .person, ""),
                             ("Go through the council's welcome pack together", .linkWorker, "")])
        case .digital:
            NeedPlan(concern: "No internet at home; cannot do things online", goal: "Do my online forms myself",
                     steps: [("Get a free SIM with data from the data bank", .linkWorker, ""),
                             ("Go to the library's computer help sessions", .person, ""),
                             ("Set up an email address", .someoneElse, "Library digital volunteer"),
                             ("Do the benefit review online with help", .person, "")])
        case .transport:
            NeedPlan(concern: "Lost confidence travelling", goal: "Get the bus into town on my own again",
                     steps: [("Apply for a bus pass", .person, ""),
                             ("Ride the bus into town together", .linkWorker, ""),
                             ("Book community transport for the first trips", .linkWorker, ""),
                             ("Take the bus to the market alone", .person, "")])
        case .relationships:
            NeedPlan(concern: "Strain at home and in the family", goal: "Feel settled and supported at home",
                     steps: [("Plan one thing a week just for me", .person, ""),
                             ("Talk to the family support service", .someoneElse, "Family support worker"),
                             ("Go to the parents' group at the children's centre", .person, ""),
                             ("Ask about mediation", .linkWorker, "")])
        case .other:
            NeedPlan(concern: "Other worries discussed", goal: "Sort out the things that are worrying me",
                     steps: [("List what to tackle first", .person, ""),
                             ("Find the right service for each", .linkWorker, ""),
                             ("Tick off the first item", .person, ""),
                             ("Check progress together", .linkWorker, "")])
        }
    }

    static func attemptNotes(_ method: AttemptMethod) -> [String] {
        switch method {
        case .phone: ["No answer.", "Left a voicemail with my name and number.", "Rang out; no voicemail set up."]
        case .text: ["Text sent with my name, number and what I do."]
        case .letter: ["Letter sent with my number and the drop-in times."]
        }
    }

    static let firstConversationNotes = [
        "Explained what a link worker does; happy to meet.",
        "Talked through the referral; keen to get started.",
        "Wary at first, then warmed up. Agreed to meet in person.",
        "A lot going on. Booked a longer conversation.",
    ]

    static let whatMattersNotes = [
        "Long talk over a cup of tea; clear about what they want.",
        "Quiet at first, then opened up about the past year.",
        "Brought a list of questions. Agreed to start small.",
    ]

    static let checkInNotes = [
        "Went to the group; enjoyed it more than expected.",
        "Didn't make it this week: felt low. Will try again next week.",
        "Letters sorted into a folder, ready for the adviser.",
        "Sounded brighter; has been out twice.",
        "Struggling with sleep; talked through what helped before.",
    ]

    static let accompaniedNotes = [
        "Went together to the lunch club; stayed the whole session.",
        "Met at the bus stop and rode into town together.",
        "Introduced to the group leader; will go alone next week.",
    ]

    static let reviewNotes = [
        "Went through the plan together: some done, one dropped.",
        "Reviewed progress; feels things are moving.",
    ]

    static let closingNote = "Closing review: feels able to carry on without support."

    static let cancelReasons = [
        "Unwell; asked to rearrange", "In hospital for a few days", "Family emergency",
        "Clashed with a hospital appointment",
    ]

    /// What check-ins are booked for.
    static let followUpPurposes = [
        "Check in about the group", "See how the advice appointment went", "Check in: mood and sleep",
        "Check in on the first step",
    ]
}
