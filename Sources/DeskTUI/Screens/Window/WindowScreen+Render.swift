import Foundation
import HallModel
import Queue

/// Drawing the window clerk's screen. Layout, top to bottom: title bar, body (current ticket and
/// held tickets on the left, the waiting list on the right), status line, two-row key bar.
/// Overlays (help, pickers, entries) are drawn over the body.
extension WindowScreen {
    /// Rows of the current-ticket box: frame 2, big code 5, gap 1, six fields, and a row each for an
    /// appointment's time, for where a transferred ticket came from and for the ticket's note when it has them.
    var currentBoxHeight: Int {
        guard let current = view.current else { return 14 }
        return 14 + (current.ticket.appointmentAt == nil ? 0 : 1) + (current.origin == nil ? 0 : 1) + (current.ticket.note == nil ? 0 : 1)
    }

    public func render(into grid: inout CellGrid, context: RenderContext) {
        if let catalog {
            renderCatalog(catalog, into: &grid, context)
            return
        }
        if let intake, !isGuarded {
            renderIntake(intake, into: &grid, context)
            return
        }
        let rows = grid.bounds.splitRows([.fixed(1), .fill(), .fixed(1), .fixed(2)])
        renderHeader(into: &grid, rows[0], context)
        if isGuarded {
            // Locked, or nobody signed in: no tickets are shown, only the lock or the sign-in.
            renderStatus(into: &grid, rows[2], context.language)
            renderKeyBar(into: &grid, rows[3], context.language)
            renderOverlay(into: &grid, rows[1], context.language, now: context.now)
            return
        }
        // The left column grows a little with the terminal; the waiting list takes the rest.
        let leftWidth = min(56, max(38, rows[1].width * 2 / 5))
        let columns = rows[1].splitColumns([.fixed(leftWidth), .fill()])
        let left = columns[0].splitRows([.fixed(currentBoxHeight), .fill()])
        renderCurrent(into: &grid, left[0], context)
        renderHeld(into: &grid, left[1], context)
        // A supervisor's unread message takes the top of the right column: the current ticket stays whole on the left.
        if let message = view.messages.first {
            let right = columns[1].splitRows([.fixed(messageBannerHeight(message, width: columns[1].width)), .fill()])
            renderMessageBanner(message, into: &grid, right[0], context)
            renderWaiting(into: &grid, right[1], context)
        } else {
            renderWaiting(into: &grid, columns[1], context)
        }
        renderStatus(into: &grid, rows[2], context.language)
        renderKeyBar(into: &grid, rows[3], context.language)
        renderOverlay(into: &grid, rows[1], context.language, now: context.now)
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
        let limit = clockX - 1
        // Everything stays on the bar: when it is short of room, the hall's name gives way first (down to
        // 8 columns), then the clerk, then the state; each cut ends in "…".
        var widths = [view.hallName.displayWidth, windowPart.displayWidth, staffPart.displayWidth, stateText.text(language).displayWidth + 2]
        let floors = widths.map { min($0, 8) }
        var over = 1 + widths.reduce(0, +) + 2 * (widths.count - 1) - (limit - rect.x)
        for index in [0, 2, 3, 1] where over > 0 {
            let cut = min(over, widths[index] - floors[index])
            widths[index] -= cut
            over -= cut
        }
        var x = rect.x + 1
        x = grid.put(TextFitting.truncate(view.hallName, to: widths[0], marker: TextFitting.ellipsis), x: x, y: rect.y, role: .title, limit: limit) + 2
        x = grid.put(TextFitting.truncate(windowPart, to: widths[1], marker: TextFitting.ellipsis), x: x, y: rect.y, role: .title, limit: limit) + 2
        x = grid.put(TextFitting.truncate(staffPart, to: widths[2], marker: TextFitting.ellipsis), x: x, y: rect.y, role: .title, limit: limit) + 2
        grid.put(" " + TextFitting.truncate(stateText.text(language), to: widths[3] - 2, marker: TextFitting.ellipsis) + " ", x: x, y: rect.y,
                 role: stateRole, limit: limit)
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
            grid.put(message.0.text(language), in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1), role: message.1, marker: TextFitting.ellipsis)
            grid.put(message.2.text(language), in: Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: 1), role: .muted, marker: TextFitting.ellipsis)
            return
        }
        let ticket = entry.ticket
        let now = context.now
        var y = inner.y
        var fields: [(Bilingual, String, StyleRole)] = [
            (UIText.fieldLine, entry.line.prefix + " " + entry.line.name, .normal),
            (UIText.fieldPriority, ticket.priority.label.text(language), ticket.priority == .normal ? .normal : .priority),
        ]
        // An appointment: its time, and why it was called (before others when due).
        if let appointment = ticket.appointmentAt {
            let why = entry.reason.map { "  " + UIText.callReason($0).text(language) } ?? ""
            fields.append((UIText.fieldAppointment, Self.timeOfDay(appointment, view.timeZone) + why, .priority))
        }
        if let origin = entry.origin {
            // The window number, then the line (cut first when the row is short; the window's name and the
            // transfer's note are in `desk ticket show`).
            let line = origin.line.map { $0.prefix + " " + $0.name } ?? "?"
            fields.append((UIText.fieldFrom, (origin.window.map { UIText.windowNumber($0).text(language) + ", " } ?? "") + line, .warning))
        }
        // The code as big as the panel allows; the box title carries it as text either way.
        if BigText.canRender(ticket.code), BigText.width(of: ticket.code) <= inner.width,
           inner.height >= BigText.height() + 1 + 6 + (fields.count - 2) + (ticket.note == nil ? 0 : 1) {
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
        fields += [
            (UIText.fieldWaited, UIText.minutes(waited / 60).text(language), Self.waitRole(seconds: waited, targetMinutes: entry.line.targetWaitMinutes)),
            (UIText.fieldRecalls, UIText.recalls(max(0, ticket.callCount - 1)).text(language), ticket.callCount > 1 ? .warning : .normal),
            (UIText.fieldService, service.0, service.1),
            (UIText.fieldState, stateText, ticket.state == .called ? .highlight : .ok),
        ]
        if let note = ticket.note { fields.append((UIText.fieldNote, note, .highlight)) }
        let labelWidth = fields.map { $0.0.text(language).displayWidth }.max()! + 2
        for (label, value, role) in fields where y < inner.maxY {
            grid.put(label.text(language), x: inner.x, y: y, role: .muted, limit: inner.maxX)
            grid.put(TextFitting.truncate(value, to: inner.width - labelWidth, marker: TextFitting.ellipsis), x: inner.x + labelWidth, y: y, role: role,
                     limit: inner.maxX)
            y += 1
        }
    }

    // MARK: Held tickets

    private func renderHeld(into grid: inout CellGrid, _ rect: Rect, _ context: RenderContext) {
        let language = context.language
        grid.box(rect, title: UIText.heldTitle(view.held.count).text(language))
        var inner = rect.inset(dx: 2, dy: 1)
        guard !inner.isEmpty else { return }
        // The clerk's pending intakes take the box's last row: "待决定 2 件，1 件今日到期".
        if !pending.isEmpty, inner.height >= 2 {
            let dueToday = pending.filter { $0.daysLeft == 0 }.count
            grid.put(UIText.pendingIntakes(pending.count, dueToday: dueToday).text(language),
                     in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), role: dueToday > 0 ? .warning : .normal,
                     marker: TextFitting.ellipsis)
            inner = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        }
        if view.held.isEmpty {
            grid.put(UIText.nothingHeld.text(language), in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), role: .muted)
            return
        }
        let room = inner.height
        let shown = view.held.count > room ? room - 1 : view.held.count
        // How long each has been held, right-aligned in a column as wide as the longest (at least "59 分").
        let heldTimes = view.held.prefix(shown).map { Self.heldFor($0, now: context.now)?.text(language) ?? "" }
        let heldWidth = heldTimes.allSatisfy(\.isEmpty) ? 0 : max(Self.heldColumnWidth(language), heldTimes.map(\.displayWidth).max() ?? 0) + 1
        for (i, entry) in view.held.prefix(shown).enumerated() {
            drawTicketRow(into: &grid, entry, x: inner.x, y: inner.y + i, width: inner.width - heldWidth, language: language)
            if heldWidth > 0 {
                grid.put(heldTimes[i], x: inner.maxX - heldWidth + 1, y: inner.y + i, width: heldWidth - 1, role: .warning, alignment: .right)
            }
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
        column = grid.put(TextFitting.pad(entry.line.prefix + " " + entry.line.name, to: lineWidth, marker: TextFitting.ellipsis) + " ", x: column, y: y,
                          limit: x + width)
        grid.put(priority, x: column, y: y, role: entry.ticket.priority == .normal ? .normal : .priority, limit: x + width)
    }

    /// How long a held ticket has been held, when its hold is known.
    static func heldFor(_ entry: WindowView.Entry, now: Date) -> Bilingual? {
        entry.heldSince.map { UIText.heldFor(max(0, Int(now.timeIntervalSince($0))) / 60) }
    }

    /// Room for "59 分" / "59 min": held times line up within the hour; an hour or more takes what it needs.
    static func heldColumnWidth(_ language: Language) -> Int { UIText.heldFor(59).text(language).displayWidth }

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
        var room = inner.height - 1
        var listTop = inner.y + 1
        if let filter = waitingList.filter {
            // The filter's own row under the header: "/ A01_" while typed, "/ A01" once kept.
            let label = "/ "
            grid.put(label, x: inner.x, y: listTop, role: .keyHint, limit: inner.maxX)
            filter.render(into: &grid, rect: Rect(x: inner.x + 2, y: listTop, width: min(inner.width - 2, 18), height: 1),
                          focused: waitingList.isTypingFilter)
            listTop += 1
            room -= 1
        }
        guard room > 0 else { return }
        guard !view.waiting.isEmpty else {
            grid.put(UIText.nobodyWaiting.text(language), x: inner.x, y: listTop, role: .muted, limit: inner.maxX)
            return
        }
        guard !waitingList.visible.isEmpty else {
            grid.put(UIText.noMatchingTicket.text(language), x: inner.x, y: listTop, role: .muted, limit: inner.maxX)
            return
        }
        // Tickets beyond the loaded ones (`windowView`'s limit) are counted in "+N more" when not filtering.
        let hidden = waitingList.isFiltered ? 0 : max(0, view.waitingCount - view.waiting.count)
        let fromTop = waitingList.visible.count - waitingList.state.offset
        let rows = (fromTop > room || (hidden > 0 && fromTop >= room)) ? room - 1 : room
        let (_, below) = waitingList.render(rect: Rect(x: inner.x, y: listTop, width: inner.width, height: rows)) { row, y, selected in
            columns.drawRow(into: &grid, position: row + 1, view.waiting[row], x: inner.x, y: y, now: context.now,
                            zone: view.timeZone, language: language)
            if selected && waitingListTouched { grid.paint(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .selected) }
        }
        if below + hidden > 0 {
            grid.put(UIText.moreWaiting(below + hidden).text(language), x: inner.x, y: listTop + rows, role: .muted, limit: inner.maxX)
        }
    }

    /// Rows of the waiting list on a terminal of `size` (title bar, frame, header, status line, key bar).
    static func waitingRows(_ size: Size) -> Int { max(1, size.height - 1 - 2 - 1 - 1 - 2) }

    // MARK: Status line and key bar

    private func renderStatus(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        guard let status else { return }
        // Cut at a word, never inside a command the line names (a reprint's `desk case document …`).
        grid.put(TextFitting.truncateAtWord(" " + status.message.text(language), to: rect.width), in: rect,
                 role: status.isError ? .statusError : .statusInfo, marker: TextFitting.ellipsis)
    }

    private func renderKeyBar(into grid: inout CellGrid, _ rect: Rect, _ language: Language) {
        KeyBar.render(keyBarItems, into: &grid, rect: rect, language: language)
    }

    /// The main screen's items come from `mainKeys`; the other modes have their own few keys.
    var keyBarItems: [KeyBarItem] {
        let enter = KeyBarItem(keys: "Enter", label: UIText.confirm), esc = KeyBarItem(keys: "Esc", label: UIText.cancel)
        switch mode {
        case .main: return Self.mainKeys.keyBarItems(self)
        case .help: return [KeyBarItem(keys: "Esc", label: UIText.back)]
        case .transferLine, .transferPlacement, .heldList, .pauseReason: return Self.pickerKeyBar
        case .pauseOther, .callCode, .noteEdit: return [enter, esc]
        case .signIn: return SignInForm.keyBarItems
        case .confirmMove: return [KeyBarItem(keys: "y", label: UIText.confirm), KeyBarItem(keys: "n/Esc", compactKeys: "n", label: UIText.cancel)]
        case .confirmLeave: return [esc]
        case .locked: return [enter]
        }
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
        column = grid.put(entry.line.prefix + " " + tag + entry.line.name, x: column, y: y, width: line - 1, marker: TextFitting.ellipsis)
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
