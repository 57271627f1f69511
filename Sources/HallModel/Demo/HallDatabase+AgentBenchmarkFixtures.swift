import Foundation
import GRDB
import Queue

extension HallDatabase {
    /// For `desk bench`: gives `count` of the latest open benchmark cases (`seedBenchmarkCases`) to proxy jobs held by
    /// `agent` (one job per case, assigned by hand), so the agent's screen has jobs to show on the big hall. Writes no
    /// events, as the case fixture writes none.
    public func seedBenchmarkProxyJobs(agent: String, count: Int) throws {
        let now = clock.now
        try writer.write { db in
            let today = try CivilDate(parsing: try Self.today(db, now))
            let records = try db.fetchEach(cachedSQL: """
                SELECT \(CaseRecord.columns) FROM hall_case WHERE \(Self.openCaseCondition)
                AND id NOT IN (SELECT case_id FROM proxy_job WHERE case_id IS NOT NULL) ORDER BY id DESC LIMIT ?
                """, arguments: [count], columns: CaseRecord.init)
            for record in records {
                let job = try Self.insertProxyJob(db, NewProxyJob(
                    mode: .accompany, origin: .reception, originSite: nil, applicantID: record.applicantID, itemCode: record.itemCode,
                    departmentCode: record.departmentCode, authorisation: nil, ticketID: record.ticketID, caseID: record.id,
                    caseDue: record.promisedDue, agentID: agent, note: nil), on: today, by: "BENCH", now: now)
                try Self.recordAssignment(db, jobID: job.id, agent: agent, how: .manual, reason: nil, by: "BENCH", now: now)
            }
        }
    }
}
