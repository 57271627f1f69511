import Foundation
import HallModel
import Queue

/// Drawing the window clerk's screen. Layout, top to bottom: title bar, body (current ticket and
/// held tickets on the left, the waiting list on the right), status line, two-row key bar.
/// Overlays (help, pickers, entries) are drawn over the body.
extension WindowScreen {
    /// Rows of the current-ticket box: frame 2, big code 5, gap 1, six fields.
    static let currentBoxHeight = 14

    public func render(into grid: inout CellGrid, context: RenderContext) {
        if let catalog {
            renderCatalog(catalog, into: &grid, context)
            return
        }
        let rows = grid.bounds.splitRows([.fixed(1), .fill(), .fixed(1), .fixed(2)])
        renderHeader(into: &grid, rows[0], context)
        if isGuarded {
            // Locked, or nobody signed in: no tickets are shown, only the lock or the sign-in.
            renderStatus(into: &grid, rows[2], context.language)
            renderKeyBar(into: &grid, rows[3], context.language)
            renderOverlay(into: &grid, rows[1], context.language)
            return
        }
        // The left column grows a little with the terminal; the waiting list takes the rest.
        let leftWidth = min(56, max(38, rows[1].width * 2 / 5))
        let columns = rows[1].splitColumns([.fixed(leftWidth), .fill()])
        let left = columns[0].splitRows([.fixed(Self.currentBoxHeight), .fill()])
        renderCurrent(into: &grid, left[0], context)
        renderHeld(into: &grid, left[1], context)
        renderWaiting(into: &grid, columns[1], context)
        renderStatus(into: &grid, rows[2], context.language)
        renderKeyBar(into: &grid, rows[3], context.language)
        renderOverlay(into: &grid, rows[1], context.language)
    }

    // MARK: Title bar

    var windowStateText: (Bilingual, StyleRole) {
        switch view.window.state {
        case .closed: return (UIText.windowClosed, .danger)
        case .paused: return (UIText.windowPaused(view.window.pauseReason ?? ""), .warning)
        case .open:
            switch view.current?.ticket.state {
            case nil: return (UIText.windowOpen, .ok)
            case .serving: return (UIText.windowServing, .highlight)
            default: return (UIText.windowCalled, .highlight)
            }
        }
    }

    private func renderHeader(into grid: inout CellGrid, _ rect: Rect, _ context: RenderContext) {
        let language = context.language
        grid.fill(rect, role: .title)
        let clock = Self.clock(context.now, view.timeZone)
        let clockX = rect.maxX - clock.displayWidth - 1
        grid.put(clock, x: clockX, y: rect.y, role: .title)

        let windowPart = UIText.windowNumber(view.window.id).text(language) + " " + view.window.name
        let staffPart = view.staffName.map { name in view.window.staffID.map { "\(name) (\($0))" } ?? name }
            ?? UIText.noStaff.text(language)
        var (stateText, stateRole) = windowStateText
        if view.window.state == .paused {
            stateText = UIText.windowPaused(PauseReason.display(view.window.pauseReason ?? "", language))
        }
        let state = " " + stateText.text(language) + " "
        let limit = clockX - 1
        // The hall's name gives way first: the window, the clerk and the state must stay visible.
        let fixed = 1 + windowPart.displayWidth + 2 + staffPart.displayWidth + 2 + state.displayWidth
        let hallRoom = limit - fixed - 2
        var x = rect.x + 1
        if hallRoom >= 4 {
            x = grid.put(TextFitting.truncate(view.hallName, to: hallRoom, marker: "~"), x: x, y: rect.y, role: .title, limit: limit) + 2
        }
        x = grid.put(windowPart, x: x, y: rect.y, role: .title, limit: limit) + 2
        x = grid.put(staffPart, x: x, y: rect.y, role: .title, limit: limit) + 2
        grid.put(state, x: x, y: rect.y, role: stateRole, limit: limit)
    }

    static func clock(_ now: Date, _ zone: TimeZone) -> String {
        let s = secondsOfDay(now, zone)
        return twoDigits(s / 3600) + ":" + twoDigits(s / 60 % 60) + ":" + twoDigits(s % 60)
    }

    /// "HH:MM" in the hall's zone.
    static func timeOfDay(_ date: Date, _ zone: TimeZone) -> String {
        let s = secondsOfDay(date, zone)
        return twoDigits(s / 3600) + ":" + twoDigits(s / 60 % 60)
    }

    /// Seconds since local midnight. Arithmetic rather than a `Calendar` per call: the list asks for two
    /// times a row on every frame.
    static func secondsOfDay(_ date: Date, _ zone: TimeZone) -> Int {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        return (local % 86_400 + 86_400) % 86_400
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    /// "mm:ss", or "h:mm:ss" from an hour on.
    static func elapsed(_ seconds: Int) -> String {
        let s = max(0, seconds)
        return s >= 3600 ? String(s / 3600) + ":" + twoDigits(s / 60 % 60) + ":" + twoDigits(s % 60) : twoDigits(s / 60) + ":" + twoDigits(s % 60)
    }

    /// ok below 75 % of the line's target, warning from 75 %, danger past the target.
    static func waitRole(seconds: Int, targetMinutes: Int) -> StyleRole {
        guard targetMinutes > 0 else { return .normal }
        let target = targetMinutes * 60
        if seconds > target { return .danger }
        if seconds * 4 >= target * 3 { return .warning }
        return .ok
    }

    // MARK: Current ticket

    private func renderCurrent(into grid: inout CellGrid, _ rect: Rect, _ context: RenderContext) {
        let language = context.language
        let title = UIText.currentTicket.text(language) + (view.current.map { " " + $0.ticket.code } ?? "")
        grid.box(rect, title: title)
        let inner = rect.inset(dx: 2, dy: 1)
        guard let entry = view.current else {
            let message: (Bilingual, StyleRole, Bilingual)
            switch view.window.state {
            case .closed: message = (UIText.closedTitle, .danger, UIText.hintSignIn)
            case .paused:
                message = (UIText.pausedTitle(PauseReason.display(view.window.pauseReason ?? "", language)), .warning, UIText.hintResume)
            case .open: message = (UIText.noCurrentTicket, .normal, UIText.hintCallNext)
            }
            grid.put(message.0.text(language), in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1), role: message.1, marker: "~")
            grid.put(message.2.text(language), in: Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: 1), role: .muted, marker: "~")
            return
        }
        let ticket = entry.ticket
        let now = context.now
        var y = inner.y
        // The code as big as the panel allows; the box title carries it as text either way.
        if BigText.canRender(ticket.code), BigText.width(of: ticket.code) <= inner.width,
           inner.height >= BigText.height() + 1 + 6 {
            BigText.render(ticket.code, into: &grid, x: inner.x, y: y)
            y += BigText.height() + 1
        } else {
            grid.put(ticket.code, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .highlight)
            y += 2
        }
        let waited = Int((ticket.calledAt ?? now).timeIntervalSince(ticket.issuedAt))
        // Only while serving: a ticket called back from hold keeps its old start time but is not being served.
        let service: (String, StyleRole) = ticket.state == .serving
            ? (ticket.startedAt.map { Self.elapsed(Int(now.timeIntervalSince($0))) } ?? "-", .normal)
            : (UIText.notStarted.text(language), .muted)
        var stateText = ticket.state.label.text(language)
        if ticket.state == .called, let called = ticket.calledAt {
            stateText += "  " + UIText.calledAgo(Self.elapsed(Int(now.timeIntervalSince(called)))).text(language)
        }
        var fields: [(Bilingual, String, StyleRole)] = [
            (UIText.fieldLine, entry.line.prefix + " " + entry.line.name, .normal),
            (UIText.fieldPriority, ticket.priority.label.text(language), ticket.priority == .normal ? .normal : .priority),
            (UIText.fieldWaited, UIText.minutes(waited / 60).text(language), Self.waitRole(seconds: waited, targetMinutes: entry.line.targetWaitMinutes)),
            (UIText.fieldRecalls, UIText.recalls(max(0, ticket.callCount - 1)).text(language), ticket.callCount > 1 ? .warning : .normal),
            (UIText.fieldService, service.0, service.1),
            (UIText.fieldState, stateText, ticket.state == .called ? .highlight : .ok),
        ]
        // An appointment: its time, and why it was called (before others when due).
        if let appointment = ticket.appointmentAt {
            let why = entry.reason.map { "  " + UIText.callReason($0).text(language) } ?? ""
            fields.insert((UIText.fieldAppointment, Self.timeOfDay(appointment, view.timeZone) + why, .priority), at: 2)
        }
        let labelWidth = fields.map { $0.0.text(language).displayWidth }.max()! + 2
        for (label, value, role) in fields where y < inner.maxY {
            grid.put(label.text(language), x: inner.x, y: y, role: .muted, limit: inner.maxX)
            grid.put(TextFitting.truncate(value, to: inner.width - labelWidth, marker: "~"), x: inner.x + labelWidth, y: y, role: role,
                     limit: inner.maxX)
            y += 1
        }
    }

    // MARK: Held tickets

    private func renderHeld(into grid: inout CellGrid, _ rect: Rect, _ context: RenderContext) {
        let language = context.language
        grid.box(rect, title: UIText.heldTitle(view.held.count).text(language))
        let inner = rect.inset(dx: 2, dy: 1)
        guard !inner.isEmpty else { return }
        if view.held.isEmpty {
            grid.put(UIText.nothingHeld.text(language), in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), role: .muted)
            return
        }
        let room = inner.height
        let shown = view.held.count > room ? room - 1 : view.held.count
        for (i, entry) in view.held.prefix(shown).enumerated() {
            drawTicketRow(into: &grid, entry, x: inner.x, y: inner.y + i, width: inner.width, language: language)
        }
        if shown < view.held.count {
            grid.put(UIText.moreWaiting(view.held.count - shown).text(language), x: inner.x, y: inner.y + shown, role: .muted, limit: inner.maxX)
        }
    }

    /// "A001   A 综合受理   老年人" in `width` columns: code, line, class.
    private func drawTicketRow(into grid: inout CellGrid, _ entry: WindowView.Entry, x: Int, y: Int, width: Int, language: Language) {
        let priority = UIText.priorityShort(entry.ticket.priority).text(language)
        let priorityWidth = Self.priorityColumnWidth(language)
        let lineWidth = max(0, width - 7 - priorityWidth - 1)
        var column = grid.put(TextFitting.pad(entry.ticket.code, to: 7), x: x, y: y, limit: x + width)
        column = grid.put(TextFitting.pad(entry.line.prefix + " " + entry.line.name, to: lineWidth, marker: "~") + " ", x: column, y: y,
                          limit: x + width)
        grid.put(priority, x: column, y: y, role: entry.ticket.priority == .normal ? .normal : .priority, limit: x + width)
    }

    static func priorityColumnWidth(_ language: Language) -> Int {
        PriorityClass.allCases.map { UIText.priorityShort($0).text(language).displayWidth }.max()!
    }

    // MARK: Waiting list

    private func renderWaiting(into grid: inout CellGrid, _ rect: Rect, _ context: RenderContext) {
        let language = context.language
        grid.box(rect, title: UIText.waitingTitle(view.waitingCount).text(language))
        let inner = rect.inset(dx: 2, dy: 1)
        guard inner.height >= 2, inner.width > 0 else { return }
        let columns = WaitingColumns(width: inner.width, language: language)
        columns.drawHeader(into: &grid, x: inner.x, y: inner.y, language: language)
        let room = inner.height - 1
        guard !view.waiting.isEmpty else {
            grid.put(UIText.nobodyWaiting.text(language), x: inner.x, y: inner.y + 1, role: .muted, limit: inner.maxX)
            return
        }
        let hidden = max(0, view.waitingCount - view.waiting.count)
        let shown = (view.waiting.count > room || (hidden > 0 && view.waiting.count == room)) ? room - 1 : min(room, view.waiting.count)
        for (i, entry) in view.waiting.prefix(shown).enumerated() {
            columns.drawRow(into: &grid, position: i + 1, entry, x: inner.x, y: inner.y + 1 + i, now: context.now,
                            zone: view.timeZone, language: language)
        }
        let more = view.waitingCount - shown
        if more > 0 {
            grid.put(UIText.moreWaiting(more).text(language), x: inner.x, y: inner.y + 1 + shown, role: .muted, limit: inner.maxX)
        }
    }

    // MARK: Status line and key bar

    private func renderStatus(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        guard let status else { return }
        grid.put(" " + status.message.text(language), in: rect, role: status.isError ? .statusError : .statusInfo, marker: "~")
    }

    private func renderKeyBar(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        // Full key names ("n/F2") when everything fits in the bar's rows; else without the optional
        // items (they are in the help); else the letters alone.
        let all = keyBarItems
        let essential = all.filter { !$0.optional }
        let choices = [(all, false), (essential, false), (all, true), (essential, true)]
        guard let (items, compact, places) = choices.lazy.compactMap({ items, compact in
            Self.layout(items, rect, language, compact: compact).map { (items, compact, $0) }
        }).first else { return }
        for (item, place) in zip(items, places) {
            let x = grid.put(compact ? item.compactKeys : item.keys, x: place.x, y: place.y, role: item.enabled ? .keyHint : .muted)
            grid.put(" " + item.label.text(language), x: x, y: place.y, role: item.enabled ? .normal : .muted, limit: rect.maxX)
        }
    }

    struct KeyItem {
        var keys: String
        var compactKeys: String
        var label: Bilingual
        var enabled: Bool = true
        /// Left out, before the key names are shortened, when the bar is too narrow for everything.
        var optional = false
    }

    /// Where each item goes, left to right over the rows of `rect`; nil when they do not all fit.
    static func layout(_ items: [KeyItem], _ rect: Rect, _ language: Language, compact: Bool) -> [(x: Int, y: Int)]? {
        var x = rect.x + 1, y = rect.y
        var places: [(x: Int, y: Int)] = []
        for item in items {
            let width = (compact ? item.compactKeys : item.keys).displayWidth + 1 + item.label.text(language).displayWidth
            if x + width > rect.maxX - 1 && x > rect.x + 1 {
                y += 1
                x = rect.x + 1
            }
            guard y < rect.maxY, x + width <= rect.maxX - 1 else { return nil }
            places.append((x, y))
            x += width + 2
        }
        return places
    }

    var keyBarItems: [KeyItem] {
        let pickerKeys = [KeyItem(keys: "Up/Down", compactKeys: "Up/Dn", label: UIText.keySelect),
                          KeyItem(keys: "1-9", compactKeys: "1-9", label: UIText.keyByNumber),
                          KeyItem(keys: "Enter", compactKeys: "Enter", label: UIText.confirm),
                          KeyItem(keys: "Esc", compactKeys: "Esc", label: UIText.cancel)]
        switch mode {
        case .help: return [KeyItem(keys: "Esc", compactKeys: "Esc", label: UIText.back)]
        case .transferLine, .transferPlacement, .heldList, .pauseReason: return pickerKeys
        case .pauseOther, .callCode:
            return [KeyItem(keys: "Enter", compactKeys: "Enter", label: UIText.confirm),
                    KeyItem(keys: "Esc", compactKeys: "Esc", label: UIText.cancel)]
        case .signIn:
            return [KeyItem(keys: "Tab", compactKeys: "Tab", label: UIText.keySwitchField),
                    KeyItem(keys: "Enter", compactKeys: "Enter", label: UIText.confirm),
                    KeyItem(keys: "F10", compactKeys: "F10", label: UIText.quit)]
        case .confirmMove:
            return [KeyItem(keys: "y", compactKeys: "y", label: UIText.confirm), KeyItem(keys: "n/Esc", compactKeys: "n", label: UIText.cancel)]
        case .confirmLeave:
            return [KeyItem(keys: "Esc", compactKeys: "Esc", label: UIText.cancel)]
        case .locked:
            return [KeyItem(keys: "Enter", compactKeys: "Enter", label: UIText.confirm)]
        case .main: break
        }
        let state = view.window.state
        let current = view.current?.ticket.state
        let idle = state == .open && current == nil
        return [
            KeyItem(keys: "n/F2", compactKeys: "n", label: UIText.keyCallNext, enabled: idle),
            KeyItem(keys: "r/F3", compactKeys: "r", label: UIText.keyRecall, enabled: current == .called),
            KeyItem(keys: "s/F4", compactKeys: "s", label: UIText.keyStart, enabled: current == .called),
            KeyItem(keys: "f/F5", compactKeys: "f", label: UIText.keyFinish, enabled: current == .serving),
            KeyItem(keys: "x/F6", compactKeys: "x", label: UIText.keyNoShow, enabled: current == .called),
            KeyItem(keys: "t/F7", compactKeys: "t", label: UIText.keyTransfer, enabled: current != nil),
            KeyItem(keys: "h/F8", compactKeys: "h", label: UIText.keyHold, enabled: current != nil || !view.held.isEmpty),
            KeyItem(keys: "b", compactKeys: "b", label: UIText.keyCallBack, enabled: !view.held.isEmpty),
            KeyItem(keys: "p/F9", compactKeys: "p", label: state == .paused ? UIText.keyResume : UIText.keyPause, enabled: state != .closed),
            KeyItem(keys: "c", compactKeys: "c", label: UIText.keyCallSpecific, enabled: idle),
            KeyItem(keys: "o", compactKeys: "o", label: UIText.keySignOut),
            KeyItem(keys: "i/F11", compactKeys: "i", label: UIText.keyCatalog, optional: true),
            KeyItem(keys: "?/F1", compactKeys: "?", label: UIText.help),
            KeyItem(keys: "q/F10", compactKeys: "q", label: UIText.quit),
        ]
    }
}

/// The waiting list's columns for one width: number, code, line, class, [taken, appointment,] waited.
/// Wider terminals get the time the ticket was taken and its appointment, and more of the line name.
struct WaitingColumns {
    let position = 3, code = 7, priority: Int, waited: Int, times: Bool, line: Int

    init(width: Int, language: Language) {
        priority = WindowScreen.priorityColumnWidth(language) + 1
        waited = max(UIText.columnWaited.text(language).displayWidth, 5)
        let fixed = position + code + priority + waited
        times = width - fixed >= 12 + 24  // room for two time columns and a 24-column line name
        line = max(0, width - fixed - (times ? 12 : 0))
    }

    func drawHeader(into grid: inout CellGrid, x: Int, y: Int, language: Language) {
        var text = TextFitting.pad("#", to: position) + TextFitting.pad(UIText.columnCode.text(language), to: code)
            + TextFitting.pad(UIText.columnLine.text(language), to: line) + TextFitting.pad(UIText.columnPriority.text(language), to: priority)
        if times {
            text += TextFitting.pad(UIText.columnIssued.text(language), to: 6) + TextFitting.pad(UIText.columnAppointment.text(language), to: 6)
        }
        text += TextFitting.pad(UIText.columnWaited.text(language), to: waited, alignment: .right)
        grid.put(text, x: x, y: y, role: .header)
    }

    func drawRow(into grid: inout CellGrid, position n: Int, _ entry: WindowView.Entry, x: Int, y: Int, now: Date, zone: TimeZone,
                 language: Language) {
        let t = entry.ticket
        // Fields are written padded in place (`put(_:x:y:width:)`): a row is drawn on every frame.
        var column = grid.put(String(n), x: x, y: y, width: position, role: .muted)
        column = grid.put(t.code, x: column, y: y, width: code)
        // An appointment says so before the line's name, with why it goes first (due, or early at an idle window).
        let tag = t.appointmentAt.map { UIText.appointmentTag(WindowScreen.timeOfDay($0, zone), reason: entry.reason).text(language) + " " } ?? ""
        column = grid.put(entry.line.prefix + " " + tag + entry.line.name, x: column, y: y, width: line - 1, marker: "~")
        column = grid.put(" ", x: column, y: y)
        column = grid.put(UIText.priorityShort(t.priority).text(language), x: column, y: y, width: priority,
                          role: t.priority == .normal ? .normal : .priority)
        if times {
            column = grid.put(WindowScreen.timeOfDay(t.issuedAt, zone), x: column, y: y, width: 6, role: .muted)
            column = grid.put(t.appointmentAt.map { WindowScreen.timeOfDay($0, zone) } ?? "", x: column, y: y, width: 6)
        }
        let seconds = Int(now.timeIntervalSince(t.issuedAt))
        grid.put(UIText.waitedMinutesShort(max(0, seconds) / 60).text(language), x: column, y: y, width: waited,
                 role: WindowScreen.waitRole(seconds: seconds, targetMinutes: entry.line.targetWaitMinutes), alignment: .right)
    }
}
