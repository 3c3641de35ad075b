/// The invented words `SyntheticCaseload` writes: names, and the sentences its contact notes are
/// made of. Notes read as a link worker writes them, mostly English, with the names, places and
/// phrases of people whose first language is Polish, Turkish, Welsh, Urdu, Arabic or Chinese, and
/// now and then an emoji. Every person and place here is fictional or generic.
enum SyntheticText {
    /// A sentence and its length in characters, counted once so that notes are measured cheaply.
    struct Sentence {
        let text: String
        let count: Int

        init(_ text: String) {
            self.text = text
            count = text.count
        }
    }

    // MARK: Names

    /// Given names, some with the short form the person likes to be called.
    static let givenNames: [(name: String, preferred: String?)] = [
        ("Abdirahman", nil), ("Agnieszka", "Aga"), ("Ahmed", nil), ("Amara", nil), ("Anjali", nil), ("Aoife", nil),
        ("Ayşe", nil), ("Bernard", "Bernie"), ("Bogdan", nil), ("Chloé", nil), ("Dafydd", "Dai"), ("Dorothy", "Dot"),
        ("Emily-Rose", nil), ("Fatima", nil), ("Françoise", nil), ("Grace", nil), ("Gurpreet", nil), ("Gülşen", nil),
        ("Hana", nil), ("Harold", "Harry"), ("Ioana", nil), ("José", nil), ("Jürgen", nil), ("Keisha", nil),
        ("Krzysztof", "Kris"), ("Kwame", nil), ("Leila", nil), ("Łukasz", "Luke"), ("Margaret", "Peggy"),
        ("Marie-Claire", nil), ("Mehmet", nil), ("Ngozi", nil), ("Oluwaseun", "Seun"), ("Priya", nil),
        ("Rhiannon", nil), ("Samira", nil), ("Siân", nil), ("Siobhán", nil), ("Søren", nil), ("Tomáš", nil),
        ("Winston", nil), ("Yusuf", nil), ("Zoë", nil),
    ]

    static let familyNames = [
        "Adebayo", "Begum", "Bennett", "Chandran", "Clarke", "Demir", "Dubois", "Dvořák", "Evans", "Farah",
        "Gallagher", "Hassan", "Hughes", "Iqbal", "Jones", "Kaur", "Kelly", "Kowalczyk", "Lemaître", "Llewellyn",
        "Madsen", "Mensah", "Murphy", "Ncube", "Nguyễn", "Nowak", "O'Brien", "O'Connor", "Okafor", "Öztürk",
        "Patel", "Popescu", "Price", "Radu", "Rahimi", "Rao", "Sharma", "Smith-Jones", "Thompson", "Weiß",
        "Wiśniewski", "Yılmaz",
    ]

    /// Whole names in scripts without Latin letters, with the name some use at the surgery.
    /// No right-to-left script in names: they line up in the list's columns.
    static let wholeNames: [(name: String, preferred: String?)] = [
        ("陈伟", "David"), ("王芳", nil), ("李娜", "Lina"), ("张秀英", nil), ("Мария Иванова", "Masha"),
        ("Ελένη Παππά", "Eleni"), ("木村 花", "Hana"),
    ]

    // MARK: Notes

    /// How an unanswered attempt went, by the way it was made.
    static func attemptOpenings(_ method: AttemptMethod) -> [Sentence] {
        switch method {
        case .phone: phoneAttempts
        case .text: textAttempts
        case .letter: letterAttempts
        }
    }

    private static let phoneAttempts = sentences([
        "Rang the mobile number on the referral mid-morning; no answer, and the voicemail box was full, so no message left.",
        "Phoned twice, an hour apart. It rang out both times with no voicemail set up.",
        "Called the landline on the referral: a relative answered and said they were out, and took my name and number.",
        "Rang as agreed with the practice; the number went straight to an automated message saying it was not available.",
    ])

    private static let textAttempts = sentences([
        "Sent a text introducing myself as the link worker from the surgery, with the office number and my working days.",
        "Texted to say the GP had asked me to get in touch, that there was no rush, and that they could reply STOP if not wanted.",
        "Sent a short text in plain English with a translated line at the end, as the referral says English is a second language.",
    ])

    private static let letterAttempts = sentences([
        "Posted a letter to the address on the referral with my direct line, the surgery drop-in times and a reply slip.",
        "Wrote a friendly letter in large print explaining who I am and what a link worker does, with a freepost envelope.",
        "Sent the standard introduction letter and the leaflet about social prescribing, with my mobile for texts.",
    ])

    static let attemptFollowThrough = sentences([
        "Checked with reception that the number is current; they confirmed it was updated at the last appointment.",
        "Will try again at a different time of day, as the referral says mornings are difficult.",
        "No reply yet to the earlier text, so tried a different way this time.",
        "Made a note on the practice system so that if they ring the surgery, reception can put them through to me.",
        "The referrer mentioned they often keep the phone on silent; a letter may work better.",
        "Asked the practice whether there is a carer or family member we have consent to speak to; there is not.",
        "Logged the attempt; this counts towards the three tries before we talk about closing.",
    ])

    static let firstConversationOpenings = sentences([
        "First proper conversation today, by phone; explained what a link worker does and that it is their choice what we work on.",
        "Returned my call this afternoon. Talked through the referral and what might help; sounded relieved someone had rung.",
        "Spoke for the first time. Wary at first, asking whether this was about benefits, then warmed up once I explained.",
        "Reached them at last; they had been in hospital for a few days and only just seen my letter.",
        "A good first call. They had lots to say and we agreed a longer meeting was better than trying to cover it all now.",
        "First conversation, with their daughter on speaker to help; agreed to meet at the surgery rather than at home.",
    ])

    static let whatMattersOpenings = sentences([
        "What-matters conversation over a cup of tea at home. Took our time; they were clear about what they want to change.",
        "Met in the community café for the longer conversation. Quiet at first, then opened up about the past year.",
        "Long conversation in the quiet room at the surgery. They brought a list of questions and a folder of letters.",
        "What-matters conversation by video, as agreed; their grandson set up the call and then left us to it.",
        "Sat in the garden for the conversation as it was a warm day. Talked about what a good week would look like.",
        "Went through what matters most right now. They kept coming back to wanting to feel useful and less alone.",
    ])

    static let checkInOpenings = sentences([
        "Check-in call as planned. Sounded brighter than last time and has been out twice this week.",
        "Quick check-in. Didn't make it to the group this week, feeling low, but wants to try again next week.",
        "Rang to see how the advice appointment went: the adviser has taken on the letters, which is a weight off.",
        "Checked in about sleep and mood; things are up and down but the mornings are easier.",
        "Phone check-in. Had a difficult few days after some bad news in the family; mostly listened.",
        "Short video call to check on the first step. It is done, and they did it on their own.",
        "Checked in after the long weekend; managed the shopping alone for the first time in months.",
        "Caught up by phone. The new tablets seem to be helping and they have been walking a little further each day.",
    ])

    static let accompaniedOpenings = sentences([
        "Met at the bus stop and went together to the lunch club. Stayed the whole session and chatted with two regulars.",
        "Went along with them to the first session at the community garden; the organiser showed us round.",
        "Accompanied visit to the advice centre. I waited outside for the appointment and we talked afterwards.",
        "Walked together to the library's coffee morning. Nervous on the way, then fine once inside.",
        "Went with them to the carers' café and introduced them to the volunteer who runs it.",
        "Travelled together on the bus into town, as practice for doing it alone; they paid and chose the seats.",
    ])

    static let reviewOpenings = sentences([
        "Review of the action plan together: two steps done, one still in progress, one dropped as it no longer fits.",
        "Went through the plan step by step. Feels things are moving, slowly, and wants to keep going.",
        "Reviewed progress since the what-matters conversation and asked the wellbeing questions again.",
        "Plan review at the surgery. Agreed to drop the swimming step for now and focus on the walking group.",
        "Review by phone. Less has changed than hoped, but they are clearer about what they want.",
        "Looked back at the plan we made; ticked off the easy wins and talked about the harder ones.",
    ])

    static let closingOpenings = sentences([
        "Closing review. Feels able to carry on without support and knows how to come back if things change.",
        "Final meeting to close. Going to the group weekly on their own now and the money worries are in hand.",
        "Closing conversation: looked back at where things were at the start and how much has changed.",
    ])

    /// What any conversation may touch on, in no particular order.
    static let body = sentences([
        "Talked about the family: a son nearby who helps with shopping, and a daughter further away who rings on Sundays.",
        "Mood has been low since the clocks changed; the dark evenings are the hardest part of the day.",
        "Sleeping better since cutting out the late coffee, though still waking around four most nights.",
        "The letters from the energy company are still arriving; we put them in date order in a folder.",
        "Said the worst thing is the quiet in the house, especially at weekends when nobody calls.",
        "Enjoys gardening and used to keep an allotment; the knee makes it hard now, but raised beds might work.",
        "Knows a lot about the area and the people in it, which is a real strength to build on.",
        "Spoke about the pain, which is worse in the cold; the GP has changed the medication and they will see how it goes.",
        "Worried about the rent going up in the spring and whether the benefits will cover it.",
        "Has a good neighbour who takes in parcels and sometimes sits with them for a cup of tea.",
        "Likes routine and finds new places tiring, so we agreed to keep the steps small and regular.",
        "Used to sing in a choir and lit up talking about it; there is a community choir at the chapel on Wednesdays.",
        "The dog gets them out twice a day, and they have started chatting to other dog walkers in the park.",
        "Not confident with the computer; the grandson helps at weekends but they want to manage alone.",
        "Has been caring for their partner for three years and has not had a full day off in months.",
        "Money is tight; we went through what comes in and goes out and found two payments that could be cheaper.",
        "Finds it hard to ask for help and apologised several times for taking up my time; reassured them.",
        "Has lived in the town for forty years and remembers when the market was twice the size.",
        "The bus stop is a ten-minute walk, which is manageable on good days and not on bad ones.",
        "Misses work: the routine, the people, and being good at something. Volunteering came up again.",
        "Went over the medication reminders the pharmacist set up; they are working well.",
        "Getting out of the house is the hard part; once out, they usually enjoy it.",
        "The flat is cold and the damp in the back bedroom has come back; photos taken for the landlord.",
        "Talked about grief, and about how the first anniversary is coming up next month.",
        "Wants to lose a little weight and eat better, but cooking for one feels pointless most nights.",
        "Has started writing a list each morning of one thing to do that day, which they say helps.",
        "Confidence is growing: they made the phone call to the council themselves this week.",
        "Said that talking things through helps them see what to do next, which is good to hear.",
        "The family is worried about them living alone; they want to stay independent as long as possible.",
        "Mentioned that the church used to be a big part of life and they have drifted away from it.",
        "Hearing is getting worse, which makes groups hard; suggested sitting near the front and asking about a hearing test.",
        "Has a cat called Biscuit who is, in their words, the best listener in the house.",
        "Spent some time on the practical side: appointments written on the calendar, phone numbers in one place.",
        "Finds mornings hardest; we moved the next meeting to the afternoon.",
        "Was proud to show me the photos from the group's trip to the seaside.",
        "Talked about what they would say to a friend in the same position, which helped them be kinder to themselves.",
        "The referral mentioned drinking; they raised it themselves and want to cut down, not stop.",
        "Spoke about long COVID and the fatigue: good days are followed by a crash if they do too much.",
        "Has started going to the library twice a week, mostly for the warmth and the newspapers.",
        "Not ready for counselling yet but open to it later; will keep the talking therapies number.",
    ])

    /// Names, places and words from the person's first language, as people mention them.
    static let otherLanguages = sentences([
        "Their mum in Wrocław rings every Sunday; as she says at the end of each call, „trzymaj się”, hold on.",
        "Mentioned Pan Grzegorz from the Polish Saturday school at St Anne's, who helps people with forms.",
        "Laughed and said „nie ma problemu” when I apologised for running late. Dziękuję, they said as I left.",
        "Talked about Antalya and the lemon tree at their grandmother's house; would love to grow one on the balcony.",
        "Their neighbour Gülşen Hanım brings börek on Fridays and has offered to go with them to the group.",
        "When I asked how the week had been they said „çok şükür, better than last month”.",
        "Grew up near Machynlleth and misses speaking Cymraeg; the chapel's Tuesday „paned a sgwrs” could suit.",
        "Signed off their text with „Diolch yn fawr iawn” and asked whether Siân from the walking group speaks Welsh.",
        "Their brother Dafydd in Aberystwyth phones most evenings, which they look forward to all day.",
        "Their wife Nasreen translated some of the conversation; they said شکریہ several times as I left.",
        "Said the mosque on Cavendish Road runs a women's group on Thursdays; their sister-in-law Rukhsana goes. ان شاء الله",
        "Spoke warmly about their late father's shop in Lahore and the framed بسم الله above the door at home.",
        "Greeted me with السلام علیکم and insisted on tea before we started; their son Imran joined us.",
        "Their daughter wrote the bus times on a card in Chinese for them: 「12路，周二上午」.",
        "Taught me to say 谢谢 properly and laughed at my tones; said the Chinese community centre does tai chi.",
        "Misses making 饺子 with the whole family at New Year in 广州; the larder's cook-and-eat session might help.",
        "Their friend Mrs 林 from the Mandarin church group has offered to go with them to the first session.",
        "Said Kraków is beautiful in winter and showed me photos of the Rynek on their phone.",
        "Told me about İzmir, and the tea gardens by the sea where they used to sit with friends.",
    ])

    static let emoji = sentences([
        "Texted afterwards: \"Went!! 👍\".", "Sent a photo of the seedlings from the community garden 🌱.",
        "Replied to the reminder text with a 🙂.", "Sent a message with a ☕ to say the coffee morning was good.",
        "Signed off the text with a 🙏.",
    ])

    /// How a note ends: what happens next.
    static let nextSteps = sentences([
        "Next step: I will ring the group leader to say they are coming, and check in next week.",
        "Agreed they will try the session on their own; I will call afterwards to hear how it went.",
        "I will send the advice centre's details by text today. Check-in booked for next week.",
        "They will fill in the form with their grandson at the weekend; we will go through anything left over next time.",
        "Nothing to chase this week; a gentle check-in in two weeks.",
        "Will update the GP after the next meeting, with their agreement.",
        "Booked the next meeting for the same time in a fortnight, at the surgery.",
        "I will look into transport to the group and ring back by Friday.",
        "Left my number again and reminded them they can ring any time in my working hours.",
        "Agreed to raise this in supervision before deciding next steps.",
    ])

    private static func sentences(_ texts: [String]) -> [Sentence] { texts.map(Sentence.init) }
}
