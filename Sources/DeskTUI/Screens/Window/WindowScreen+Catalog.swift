import HallModel
import Queue

/// The item catalog opened over the window screen (`i`, F11): a clerk mid-intake looks up an item's
/// published list (materials, time limits) without leaving the window.
///
/// The catalog takes the keys and every row but the top one, which keeps the window in sight: its
/// state, current ticket and queue, which the poll keeps current as always. Leaving the catalog (Esc on
/// an empty search, F10, or q on an empty search) comes back to the window exactly as it was. F10 and q
/// close only the catalog here, never the window: a clerk looking something up must not sign the
/// window off the hall by accident.
extension WindowScreen {
    /// The catalog's part of a terminal of `size`: all but the window's row at the top.
    public static func catalogViewport(_ size: Size) -> Size {
        Size(width: size.width, height: max(0, size.height - 1))
    }

    /// Opens `index` over the screen on an empty search (each look-up starts afresh).
    public mutating func openCatalog(index: CatalogIndex, size: Size) {
        var screen = CatalogScreen(index: index)
        screen.host = .window
        screen.viewport = Self.catalogViewport(size)
        catalog = screen
    }

    /// Every key goes to the catalog; whatever it asks for (`.back`, `.quit`) closes it.
    mutating func handleCatalog(_ key: Key) {
        guard var open = catalog else { return }
        catalog = nil  // one copy of the catalog's state while the key changes it
        if open.handle(key).isEmpty { catalog = open }
    }

    func renderCatalog(_ catalog: CatalogScreen, into grid: inout CellGrid, _ context: RenderContext) {
        renderWindowRow(into: &grid, Rect(x: 0, y: 0, width: grid.width, height: 1), context)
        let size = Self.catalogViewport(context.size)
        var part = CellGrid(size: size)
        catalog.render(into: &part, context: RenderContext(language: context.language, now: context.now, size: size))
        grid.draw(part, x: 0, y: 1)
    }

    /// " 1 号窗口 综合受理一  办理中  当前 A004  本窗口等候：3 人        09:30:00"
    func renderWindowRow(into grid: inout CellGrid, _ rect: Rect, _ context: RenderContext) {
        let language = context.language
        grid.fill(rect, role: .header)
        let clock = Self.clock(context.now, view.timeZone)
        let clockX = rect.maxX - clock.displayWidth - 1
        grid.put(clock, x: clockX, y: rect.y, role: .header)
        var (state, stateRole) = windowStateText
        if view.window.state == .paused {
            state = UIText.windowPaused(PauseReason.display(view.window.pauseReason ?? "", language))
        }
        var parts: [(String, StyleRole)] = [
            (UIText.windowNumber(view.window.id).text(language) + " " + view.window.name, .header),
            (state.text(language), stateRole),
            (view.current.map { UIText.catalogOverWindowCurrent($0.ticket.code).text(language) } ?? "", .header),
            (UIText.waitingTitle(view.waitingCount).text(language), .header),
        ]
        // Short of room, the count keeps its number ("3 waiting") rather than lose it at the clock.
        if rect.x + 1 + parts.map({ $0.0.displayWidth + 2 }).reduce(0, +) > clockX - 1 {
            parts[3].0 = UIText.waitingShort(view.waitingCount).text(language)
        }
        var x = rect.x + 1
        for (text, role) in parts where !text.isEmpty {
            x = grid.put(text, x: x, y: rect.y, role: role, limit: clockX - 1) + 2
        }
    }
}
