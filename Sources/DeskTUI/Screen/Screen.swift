import Foundation
import Queue

/// What a screen gets to draw one frame: everything that is not the screen's own state.
public struct RenderContext: Sendable {
    public var language: Language
    /// The time to show (clocks, waiting times). Fixed in tests.
    public var now: Date
    public var size: Size

    public init(language: Language, now: Date, size: Size) {
        self.language = language
        self.now = now
        self.size = size
    }
}

/// A screen in the Bubble Tea sense: state that changes only by `handle(_:)` (and by the run
/// loop's `poll` and `perform` hooks, which may assign to it) and draws itself with `render`.
/// A screen does no I/O: anything that reads or writes the database is an `Effect` it returns,
/// performed by the caller of the run loop.
public protocol Screen {
    /// The work a key asks for (call next ticket, save a case…), performed outside the screen.
    associatedtype Effect

    /// Below this size the run loop shows `TooSmallScreen` instead and holds back keys.
    var minimumSize: Size { get }

    /// Updates the state for `key` and returns the effects to perform, in order.
    mutating func handle(_ key: Key) -> [Effect]

    /// Draws the whole screen. `grid` arrives blank (role `.normal`) and `context.size` big.
    func render(into grid: inout CellGrid, context: RenderContext)

    /// Whether `key` still reaches the screen while the terminal is too small to show it.
    /// Default: the keys that leave (`Key.leavesWhileTooSmall`: F10, Ctrl-Q, Esc), so nobody acts on a screen
    /// they cannot see but everybody can get out. A screen whose own quit key is a letter (`q`) adds it where
    /// it quits (not where it would be typed into a field).
    func acceptsWhileTooSmall(_ key: Key) -> Bool

    /// The terminal's size, before the first key and whenever it changed: lists page by what they show.
    /// Default: nothing.
    mutating func layout(for size: Size)
}

extension Key {
    /// F10, Ctrl-Q and Esc: they quit, close or go back on every screen, so they work while the terminal is
    /// too small to show it.
    public var leavesWhileTooSmall: Bool { self == .f(10) || self == .ctrl("q") || self == .escape }
}

extension Screen {
    public func acceptsWhileTooSmall(_ key: Key) -> Bool { key.leavesWhileTooSmall }
    public mutating func layout(for size: Size) {}

    /// A rendered frame of this screen, or the too-small message: what the run loop draws.
    public func frame(context: RenderContext) -> CellGrid {
        var grid = CellGrid(size: context.size)
        if context.size.contains(minimumSize) {
            render(into: &grid, context: context)
        } else {
            TooSmallScreen(minimumSize: minimumSize).render(into: &grid, context: context)
        }
        return grid
    }
}
