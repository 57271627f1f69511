import DeskTUI
import Foundation
import HallModel
import Queue

/// The window clerk's screen for `desk bench`: drawing a frame, and starting up against a big hall.
enum ScreenBench {
    /// Milliseconds to render window 1's screen at 200×60 into a grid and diff it against the previous
    /// frame, as the run loop does each tick (the clock moves a second per frame, so something changes).
    static func frameLatencies(_ database: HallDatabase, samples: Int) throws -> [Double] {
        try renderAndDiffLatencies(WindowScreen(view: try database.windowView(1)), samples: samples)
    }

    /// Milliseconds per frame of `screen` at 200×60 (zh), rendered and diffed against the previous one as the run loop
    /// does each tick; the clock moves a second per frame, so timers change. A screen whose frames never change
    /// measured nothing: an error.
    static func renderAndDiffLatencies(_ screen: some Screen, samples: Int) throws -> [Double] {
        let size = Size(width: 200, height: 60)
        var previous: CellGrid?
        var changed = 0
        let start = Date()
        let result = (0..<samples).map { i in
            elapsedMilliseconds {
                let grid = screen.frame(context: RenderContext(language: .zh, now: start.addingTimeInterval(Double(i)), size: size))
                changed += GridDiff.runs(from: previous, to: grid).count
                previous = grid
            }
        }
        guard changed > 0 else { throw BenchError.worker("the frames never changed: the benchmark measured nothing") }
        return result
    }

    /// Milliseconds from spawning `desk window --first-frame-only` to its exit: open the database, load the
    /// window, render one frame.
    static func firstFrameLatencies(_ database: HallDatabase, samples: Int) throws -> [Double] {
        try (0..<samples).map { _ in
            try elapsedMilliseconds {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: QueueBench.executablePath())
                p.arguments = ["window", "--window", "1", "--db", database.path, "--first-frame-only"]
                p.standardOutput = FileHandle.nullDevice
                try p.run()
                p.waitUntilExit()
                guard p.terminationStatus == 0 else { throw BenchError.worker("desk window --first-frame-only failed (status \(p.terminationStatus))") }
            }
        }
    }
}
