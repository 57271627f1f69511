import Foundation
import HallModel
import Queue

/// The window screen's side that touches the database: loads `WindowView`s, performs effects (one
/// engine call, so one transaction, each) and notices other processes' writes. The screen stays pure.
public struct WindowScreenModel: Sendable {
    public let database: HallDatabase
    public let windowID: Int
    /// The `PRAGMA data_version` seen at the last load.
    public private(set) var lastVersion: Int?
    /// The published catalog for `i`/F11, loaded at its first open: the window starts no slower for it.
    public private(set) var catalogFeed: CatalogIndexFeed?

    public init(database: HallDatabase, windowID: Int) {
        self.database = database
        self.windowID = windowID
    }

    /// Reads the window's picture. The version is taken first, so a write that lands during the
    /// load makes the next `reloadIfChanged` load again.
    public mutating func load() throws -> WindowView {
        lastVersion = try database.dataVersion()
        return try database.windowView(windowID)
    }

    /// A fresh view when another process (or this one) wrote since the last load, else nil.
    public mutating func reloadIfChanged() throws -> WindowView? {
        guard try database.dataVersion() != lastVersion else { return nil }
        return try load()
    }

    /// One poll tick, as `desk window` runs it: a fresh view when the database changed (also while the
    /// catalog is open over the screen), and for an open catalog its paging size and a new catalog when
    /// another process imported one.
    public mutating func poll(_ screen: inout WindowScreen, size: Size) throws {
        if let view = try reloadIfChanged() { screen.view = view }
        guard screen.catalog != nil, var feed = catalogFeed else { return }
        screen.catalog?.viewport = WindowScreen.catalogViewport(size)
        if try feed.refresh(from: database) { screen.catalog?.update(index: feed.index) }
        catalogFeed = feed
    }

    /// Does one effect on `screen`, as `desk window` does: quit, open the catalog, or an engine call
    /// whose result goes to the status line, followed by a fresh view.
    public mutating func apply(_ effect: WindowScreen.Effect, to screen: inout WindowScreen, size: Size) throws -> LoopControl {
        switch effect {
        case .quit: return .quit
        case .openCatalog: try openCatalog(over: &screen, size: size)
        default:
            screen.status = try perform(effect)
            screen.view = try load()
        }
        return .keepRunning
    }

    /// Opens the catalog over `screen`, loading it the first time. A catalog that cannot be read is
    /// reported in the status line, like a refused action.
    public mutating func openCatalog(over screen: inout WindowScreen, size: Size) throws {
        do {
            var feed = try catalogFeed ?? CatalogIndexFeed(database: database)
            _ = try feed.refresh(from: database)
            catalogFeed = feed
            screen.openCatalog(index: feed.index, size: size)
        } catch let error as UserFacingError {
            screen.status = WindowScreen.Status(error.message, isError: true)
        }
    }

    /// Signs in at start-up: with `staff`, that clerk; without, a closed window that still names its
    /// clerk is opened for them. A closed window with nobody to sign in stays closed (the screen says
    /// how to sign in: `o`).
    public func signInAtStart(staff: String?) throws {
        if let staff {
            try database.openWindow(windowID, staff: staff)
            return
        }
        let window = try database.window(windowID)
        if window.state == .closed, window.staffID != nil { try database.openWindow(windowID) }
    }

    /// Performs one effect and returns what the status line says: the result, or the engine's refusal
    /// (nothing was written then). A database that is busy or broken is reported the same way, so
    /// the clerk keeps the screen; errors no person can read propagate and end it.
    public func perform(_ effect: WindowScreen.Effect) throws -> WindowScreen.Status {
        do {
            return try WindowScreen.Status(run(effect))
        } catch let error as UserFacingError {
            return WindowScreen.Status(error.message, isError: true)
        }
    }

    private func run(_ effect: WindowScreen.Effect) throws -> Bilingual {
        let w = windowID
        switch effect {
        case .quit, .openCatalog: return Bilingual(en: "", zh: "")  // no engine call: `apply` handles them
        case .callNext:
            guard let called = try database.callNext(window: w) else { return UIText.resultNothingWaiting }
            return UIText.resultCalled(called.ticket.code)
        case .recall:
            let t = try database.recall(window: w)
            return UIText.resultRecalled(t.code, t.callCount)
        case .start: return UIText.resultStarted(try database.start(window: w).code)
        case .finish: return UIText.resultFinished(try database.finish(window: w).code)
        case .noShow: return UIText.resultNoShow(try database.noShow(window: w).code)
        case .hold: return UIText.resultHeld(try database.hold(window: w).code)
        case .callBack(let code): return UIText.resultCalledBack(try database.resumeHeld(window: w, code: code).code)
        case .transfer(let line, let placement):
            return UIText.resultTransferred(try database.transfer(window: w, toLine: line, placement: placement).code, line)
        case .pause(let reason):
            try database.pauseWindow(w, reason: reason)
            return UIText.resultPaused
        case .resume:
            try database.resumeWindow(w)
            return UIText.resultResumed
        case .callSpecific(let code): return UIText.resultCalled(try database.callSpecific(window: w, code: code).ticket.code)
        case .signIn(let staff):
            try database.openWindow(w, staff: staff)
            let name = try database.staff().first { $0.id == staff }?.name ?? staff
            return UIText.resultSignedIn(name)
        }
    }
}
