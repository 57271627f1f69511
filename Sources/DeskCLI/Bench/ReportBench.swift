import Foundation
import HallModel
import Queue

/// The report row: the daily report of a day with 2,000 tickets and 500 cases (`seedBenchmarkReportDay`), read in one
/// transaction, folded and rendered as its HTML page with charts, as `desk report daily --format html` does in
/// process; against the same rows read by bare SQLite (`RawSQLiteBaseline.dailyReportRows`), alternating, each sample.
enum ReportBench {
    static let tickets = 2_000, cases = 500

    static func latencies(folder: String, samples: Int) throws -> (engine: [Double], raw: [Double], bytes: Int) {
        let path = folder + "/report.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try HallDatabase.open(path: path)
        try DemoHall.seed(database, osUser: OSAccount.current())
        let day = try database.seedBenchmarkReportDay(tickets: tickets, cases: cases)
        let supervisor = try QueueBench.actor(database)
        let raw = try RawSQLiteBaseline(path: path)
        let period = ReportPeriod(.daily, date: day)
        // The fixture is what the row says it is.
        let check = try database.report(period, by: supervisor)
        guard check.tickets.total.arrivals == tickets, check.cases.total.received == cases else {
            throw BenchError.worker("the report day has \(check.tickets.total.arrivals) tickets and \(check.cases.total.received) intakes")
        }
        var engine: [Double] = [], baseline: [Double] = [], bytes = 0
        for _ in 0..<samples {
            engine.append(try elapsedMilliseconds {
                let report = try database.report(period, by: supervisor)
                bytes = ReportHTML.render(report, language: .zh).utf8.count
            })
            baseline.append(try elapsedMilliseconds { _ = try raw.dailyReportRows(date: day.description) })
        }
        return (engine, baseline, bytes)
    }
}
