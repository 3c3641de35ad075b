import CaseloadKit
import Foundation

extension SessionSummary {
    /// The same content as the Markdown and plain text, for other systems: kind `session-summary`.
    /// For an unsuccessful attempt the sections that only a conversation has are absent; for a
    /// conversation every list is present, empty when there is nothing.
    static func json(_ facts: SessionFacts) -> String {
        RecordJSON.encode(kind: "session-summary", context: facts.context, body: Body(facts))
    }

    private struct Body: Encodable {
        var timeZone: String
        var client: RecordJSON.ClientIdentity
        var contact: RecordJSON.ContactRecord
        var completedFollowUp: RecordJSON.FollowUpRecord?
        var riskNote: String?
        var whatMatters: WhatMattersBody?
        var agreedNextSteps: String?
        /// The day plan progress is as of: the summary's own day.
        var planAsOf: CalendarDate?
        var plan: [GoalBody]?
        var connectionChanges: [RecordJSON.ConnectionChange]?
        var measures: MeasuresBody?
        var nextFollowUp: RecordJSON.FollowUpRecord?

        init(_ facts: SessionFacts) {
            let timeZone = facts.context.timeZone
            self.timeZone = timeZone.identifier
            client = RecordJSON.ClientIdentity(facts.client)
            contact = RecordJSON.ContactRecord(facts.contact, timeZone: timeZone)
            completedFollowUp = facts.completedFollowUp.map(RecordJSON.FollowUpRecord.init)
            riskNote = facts.riskNote
            nextFollowUp = facts.nextFollowUp.map(RecordJSON.FollowUpRecord.init)
            guard !facts.isAttempt else { return }
            whatMatters = facts.whatMatters.map(WhatMattersBody.init)
            agreedNextSteps = facts.agreedNextSteps
            planAsOf = CalendarDate(facts.context.generatedAt, in: timeZone)
            plan = facts.goals.map(GoalBody.init)
            connectionChanges = facts.connectionChanges.map {
                RecordJSON.ConnectionChange($0.connection, $0.event, assetName: $0.assetName)
            }
            measures = MeasuresBody(facts)
        }
    }

    private struct WhatMattersBody: Encodable {
        struct ConcernBody: Encodable {
            var need, needLabel, note: String
        }

        /// The day of the conversation, and whether it was this contact.
        var date: CalendarDate
        var fromThisContact: Bool
        var whatMatters, strengths, risks: String
        var concerns: [ConcernBody]

        init(_ source: SessionFacts.WhatMattersSource) {
            date = source.day
            fromThisContact = source.isThisContact
            whatMatters = source.content.whatMatters
            strengths = source.content.strengths
            risks = source.content.risks
            concerns = source.content.concerns.map { ConcernBody(need: $0.need.rawValue, needLabel: $0.need.label, note: $0.note) }
        }
    }

    private struct GoalBody: Encodable {
        struct Progress: Encodable {
            var done, total: Int
            var text: String
        }

        struct StepBody: Encodable {
            var id: UUID
            var what, owner, ownerLabel, status, statusLabel: String
            var ownerName: String?
            var due: CalendarDate?
        }

        var id: UUID
        var goal: String
        var createdOn: CalendarDate
        var progress: Progress
        var openSteps: [StepBody]

        init(_ progress: SessionFacts.GoalProgress) {
            let goal = progress.goal
            id = goal.id
            self.goal = goal.text
            createdOn = goal.createdOn
            self.progress = Progress(done: goal.progress.done, total: goal.progress.total, text: goal.progressText)
            openSteps = progress.openSteps.map {
                StepBody(id: $0.id, what: $0.what, owner: $0.owner.rawValue, ownerLabel: $0.owner.label,
                         status: $0.status.rawValue, statusLabel: $0.status.label,
                         ownerName: RecordWording.nonBlank($0.ownerName), due: $0.due)
            }
        }
    }

    private struct MeasuresBody: Encodable {
        /// The first reading over this contact and earlier ones, present when it was an earlier one.
        struct FirstRecorded: Encodable {
            var value: Double
            var date: CalendarDate

            init?(_ trend: MeasureTrend?) {
                guard let trend, trend.count > 1 else { return nil }
                (value, date) = (trend.first.value, trend.first.date)
            }
        }

        /// This reading less the first, rounded as the scores are; absent with no earlier reading.
        static func changeSinceFirst(_ trend: MeasureTrend?, decimals: Int) -> Double? {
            guard let trend, trend.count > 1 else { return nil }
            let scale = pow(10, Double(decimals))
            return (trend.change * scale).rounded() / scale
        }

        struct ONS4Body: Encodable {
            struct Answer: Encodable {
                var item, label, question, band: String
                var answer: Int
                var firstRecorded: FirstRecorded?
                var changeSinceFirst: Double?
            }

            var citation: String
            var answers: [Answer]
        }

        struct SWEMWBSBody: Encodable {
            var copyright: String
            var answers: [Int]
            var rawScore: Int
            var metricScore: Double
            var firstRecorded: FirstRecorded?
            var changeSinceFirst: Double?
        }

        var ons4: ONS4Body?
        var swemwbs: SWEMWBSBody?

        init(_ facts: SessionFacts) {
            if !facts.ons4.isEmpty {
                ons4 = ONS4Body(citation: ONS4.citation, answers: facts.ons4.map {
                    ONS4Body.Answer(item: $0.item.rawValue, label: $0.item.shortLabel, question: $0.item.question,
                                    band: $0.item.band($0.answer), answer: $0.answer, firstRecorded: FirstRecorded($0.trend),
                                    changeSinceFirst: Self.changeSinceFirst($0.trend, decimals: 0))
                })
            }
            if let recorded = facts.swemwbs {
                swemwbs = SWEMWBSBody(copyright: SWEMWBS.copyright, answers: recorded.score.answers,
                                      rawScore: recorded.score.rawScore, metricScore: recorded.score.metricScore,
                                      firstRecorded: FirstRecorded(recorded.trend),
                                      changeSinceFirst: Self.changeSinceFirst(recorded.trend, decimals: MeasureWording.swemwbsDecimals))
            }
        }
    }
}
