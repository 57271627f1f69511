import Foundation
import HallModel
import Queue

extension KioskScreen: SessionScreen {
    /// What an `.issue` came to.
    public enum Result: Sendable {
        case issued(KioskSlip, printed: Bool?)
        case refused(Bilingual)
        /// A case lookup: the case as a citizen may see it, or nil when none matches.
        case progress(CaseProgress?)
        /// The catalog for the service guide.
        case guide(CatalogIndex)
        /// A lookup or the guide could not be read.
        case failed(Bilingual)
    }

    public mutating func update(_ view: KioskView, at now: Date) { update(view) }

    public mutating func apply(_ result: Result, at now: Date) {
        switch result {
        case .issued(let slip, let printed): showSlip(slip, printed: printed, at: now)
        case .refused(let reason): refuse(reason)
        case .progress(let found): showProgress(found, at: now)
        case .guide(let index): openGuide(index)
        case .failed(let reason): fail(reason)
        }
    }
}

/// The kiosk against the hall database (a `ScreenSession`): reloads when another process commits, issues on
/// Enter (one transaction), prints the slip, and ticks the screen's timers.
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
                pollInterval: Duration = .milliseconds(250), wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database; self.printer = printer; self.slipSeconds = slipSeconds; self.printWidth = printWidth
        self.pollInterval = pollInterval; self.wallClock = wallClock
    }

    /// Runs until quit (F10, Ctrl-Q) or the terminal's input ends; returns the final screen.
    @discardableResult
    public func run<T: TerminalBackend>(on terminal: T, language: Language) throws -> KioskScreen {
        let database = database, printer = printer, printWidth = printWidth
        var catalogFeed: CatalogIndexFeed?
        var session = ScreenSession<KioskScreen>(
            database: database, pollInterval: pollInterval, wallClock: wallClock, load: { try $0.kioskView() },
            perform: { effect, screen in
                switch effect {
                case .quit:
                    return .quit
                case .lookUpCase(let query):
                    do { return .result(.progress(try database.caseProgress(query))) } catch let error as UserFacingError {
                        return .result(.failed(error.message))
                    }
                case .openGuide:
                    do {
                        var feed = try catalogFeed ?? CatalogIndexFeed(database: database)
                        _ = try feed.refresh(from: database)
                        catalogFeed = feed
                        return .result(.guide(feed.index))
                    } catch let error as UserFacingError {
                        return .result(.failed(error.message))
                    }
                case .issue(let prefix, let priority):
                    let issued: IssuedTicket
                    do {
                        issued = try database.issueTicket(IssueRequest(linePrefix: prefix, priority: priority, source: .kiosk),
                                                         by: .device(.kiosk, terminal: .kiosk))
                    } catch let error as UserFacingError {
                        return .result(.refused(error.message))
                    }
                    // The ticket is committed: nothing after this may keep the citizen from seeing (and getting)
                    // the slip, or they would take a second ticket. A failed read keeps the view we have.
                    let view = (try? database.kioskView()) ?? screen.view
                    let slip = KioskSlip(issued, hallName: view.hallName, timeZone: view.timeZone)
                    let printed = printer.map { $0.print(slip, language: language, width: printWidth) }
                    return .result(.issued(slip, printed: printed))
                }
            })
        return try session.run(KioskScreen(view: try session.loadView(), slipSeconds: slipSeconds), on: terminal, language: language)
    }
}
