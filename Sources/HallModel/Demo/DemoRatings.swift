import Foundation
import GRDB
import Queue

/// The demo hall's ratings (好差评): the supervisor M01 enters the paper forms of the latest visits finished in the demo
/// cases — mostly satisfied, one 不满意 whose rectification is open, one 非常不满意 already followed up (回访) — so the
/// ratings list, the rectification list and the summary have something to show. Nothing when the demo has no finished
/// visit (no cases seeded: today's holiday schedule not loaded).
enum DemoRatings {
    static let forms: [(level: RatingLevel, reasons: Set<RatingReason>, note: String?)] = [
        (.verySatisfied, [], nil), (.verySatisfied, [], "窗口人员耐心细致"), (.satisfied, [], nil), (.basicallySatisfied, [], nil),
        (.dissatisfied, [.serviceEfficiency], "等候时间太长"), (.veryDissatisfied, [.serviceAttitude], "窗口人员态度生硬"),
    ]

    static func seed(_ database: HallDatabase) throws {
        let visits = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT code, business_date FROM ticket WHERE state = 'finished' ORDER BY id DESC LIMIT ?",
                             arguments: [forms.count]).map { ($0[0] as String, $0[1] as String) }
        }
        let supervisor = Actor(staff: "M01", terminal: .cli)
        for ((code, day), form) in zip(visits.reversed(), forms) {
            let rating = try database.recordRating(RatingRequest(ticketCode: code, date: try CivilDate(parsing: day), level: form.level,
                                                                 reasons: form.reasons, note: form.note), by: supervisor)
            if form.level == .veryDissatisfied, let number = rating.rectification {
                _ = try database.logFollowUp(rectification: number, how: .phone, reached: true,
                                             said: "群众反映窗口人员解释不耐心，已当面致歉并说明办理流程", by: supervisor)
            }
        }
    }
}
