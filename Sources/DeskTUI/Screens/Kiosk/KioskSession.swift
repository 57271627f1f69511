import Foundation
import HallModel
import Queue

/// The kiosk against the hall database: reloads when another process commits (`PRAGMA data_version`),
/// issues on Enter (one transaction), prints the slip, and ticks the screen's timers.
public struct KioskSession {
    public let database: HallDatabase
    public var printer: SlipPrinter?
    public var slipSeconds: Double
    /// Columns of the printed slip (32 on 58 mm paper, 42 or 48 on 80 mm).
    public var printWidth: Int
    public var pollInterval: Duration
    /// Real time for the slip and idle timers (the hall clock may be frozen by DESK_NOW).
    public var wallClock: @Sendable () -> Date

    public init(database: HallDatabase, printer: SlipPrinter? = nil, slipSeconds: Double = 8, printWidth: Int = 32,
                pollInterval: Duration = .milliseconds(200), wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database; self.printer = printer; self.slipSeconds = slipSeconds; self.printWidth = printWidth
        self.pollInterval = pollInterval; self.wallClock = wallClock
    }

    /// Runs until quit (F10, Ctrl-Q) or the terminal's input ends; returns the final screen.
    @discardableResult
    public func run<T: TerminalBackend>(on terminal: T, language: Language) throws -> KioskScreen {
        let database = database, clock = database.clock, wallClock = wallClock
        var lastVersion = try database.dataVersion()
        var loop = RunLoop(screen: KioskScreen(view: try database.kioskView(), slipSeconds: slipSeconds), terminal: terminal,
                           language: language, pollInterval: pollInterval, clock: { clock.now })
        try loop.run(
            poll: { screen in
                let version = try database.dataVersion()
                if version != lastVersion {
                    lastVersion = version
                    screen.update(try database.kioskView())
                }
                screen.tick(at: wallClock())
            },
            perform: { effect, screen in
                switch effect {
                case .quit:
                    return .quit
                case .issue(let prefix, let priority):
                    // Our own commits do not change this connection's data_version: reload explicitly.
                    let issued: IssuedTicket
                    do {
                        issued = try database.issueTicket(IssueRequest(linePrefix: prefix, priority: priority, source: .kiosk),
                                                         by: .device(.kiosk, terminal: .kiosk))
                    } catch let error as UserFacingError {
                        screen.refuse(error.message)
                        if let view = try? database.kioskView() { screen.update(view) }
                        return .keepRunning
                    }
                    // The ticket is committed: nothing after this may keep the citizen from seeing (and getting)
                    // the slip, or they would take a second ticket. A failed reload keeps the view we have.
                    let view = (try? database.kioskView()) ?? screen.view
                    let slip = KioskSlip(issued, hallName: view.hallName, timeZone: view.timeZone)
                    let printed = printer.map { $0.print(slip, language: language, width: printWidth) }
                    screen.update(view)
                    screen.showSlip(slip, printed: printed, at: wallClock())
                    return .keepRunning
                }
            })
        return loop.screen
    }
}
