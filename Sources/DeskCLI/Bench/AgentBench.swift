import DeskTUI
import Foundation
import HallModel
import Queue

/// The agent's screen on the big case hall (`CaseBench.caseHall`): its first frame, as `desk agent` opens it.
enum AgentBench {
    /// The agent measured, and how many of the hall's open cases their jobs hold.
    static let agent = "P03"
    static let jobs = 12

    /// Milliseconds from nothing to the agent's screen's first frame in a `CellGrid` (100×30) for P03 (signed in once,
    /// outside the timing): the model (the desk, as the case screen's), P03's jobs with their cases and lights, the
    /// inbox, and the frame rendered. Gives P03 `jobs` of the hall's open cases first. Returns the latencies and rows.
    static func screenFirstFrameLatencies(_ database: HallDatabase, samples: Int) throws -> (latencies: [Double], rows: Int) {
        try database.seedBenchmarkProxyJobs(agent: agent, count: jobs)
        let person = try database.authenticate(staff: agent, password: "demo-" + agent, at: .cli)
        let size = Size(width: 100, height: 30)
        var rows = 0
        var latencies: [Double] = []
        for _ in 0..<samples {
            latencies.append(try elapsedMilliseconds {
                var model = try AgentScreenModel(database: database, actor: person)
                var screen = try model.start()
                screen.layout(for: size)
                let frame = screen.frame(context: RenderContext(language: .zh, now: database.clock.now, size: size))
                withExtendedLifetime(frame) { rows = screen.view.jobs.count }
            })
        }
        return (latencies, rows)
    }
}
