import Foundation
import HallModel
import Queue

/// Drawing the board: title and clock, the big called sentence; below it the window panel on the left, the
/// recent calls over the waiting counts on the right; a footer.
extension BoardScreen {
    public func render(into grid: inout CellGrid, context: RenderContext) {
        let language = context.language
        let timeZone = view?.timeZone ?? TimeZone.current
        let rows = grid.bounds.splitRows([.fixed(1), .fixed(bigAreaHeight(grid.size, language)), .fill(), .fixed(1)])

        let clock = ClockText.date(context.now, timeZone: timeZone) + " " + ClockText.time(context.now, timeZone: timeZone, seconds: true)
        grid.fill(rows[0], role: .title)
        grid.put(clock + " ", in: rows[0], role: .title, alignment: .right)
        grid.put(" " + (view?.hallName ?? "") + "  " + UIText.boardTitle.text(language), x: 0, y: 0, role: .title,
                 limit: rows[0].maxX - clock.displayWidth - 2)

        renderBigArea(into: &grid, rows[1], language)
        let lower = rows[2].splitColumns([.fill(), .fill()])
        renderWindows(into: &grid, lower[0], language)
        // The waiting box as tall as its lines, at most half the column; the recent calls take the rest.
        let waitingHeight = min(max(3, (view?.lines.count ?? 0) + 2), lower[1].height / 2)
        let right = lower[1].splitRows([.fill(), .fixed(waitingHeight)])
        renderRecentCalls(into: &grid, right[0], language, timeZone)
        renderWaiting(into: &grid, right[1], language)
        if let notice = voiceNotice {
            grid.put(" " + UIText.voiceOff(notice.reason).text(language), in: rows[3], role: .warning, marker: TextFitting.ellipsis)
        } else {
            grid.put(" " + UIText.boardFooter.text(language), in: rows[3], role: .muted, marker: TextFitting.ellipsis)
        }
    }

    /// Rows of the big area: the glyphs at the largest scale that fits, one row above (recall label) and below.
    func bigAreaHeight(_ size: Size, _ language: Language) -> Int {
        let (scale, _) = bigLayout(width: size.width - 2, height: size.height, language: language)
        return BigText.height(scale: max(1, scale)) + 2
    }

    /// A piece of the called sentence: small text, or big characters.
    enum Piece: Equatable {
        case small(String)
        case big(String)
    }

    /// "请 A012 号 到 3 号窗口" / "A012 -> Window 3": code and window number big, the words small.
    static func sentence(_ announcement: BoardView.Announcement, _ language: Language) -> [Piece] {
        let pieces: [Piece] = [.small(UIText.boardPlease.text(language)), .big(announcement.code),
                               .small(UIText.boardToWindow.text(language)), .big(String(announcement.window)),
                               .small(UIText.boardWindowSuffix.text(language))]
        return pieces.filter { $0 != .small("") }
    }

    static let pieceGap = 2

    static func width(of pieces: [Piece], scale: Int) -> Int {
        pieces.map { piece in
            switch piece {
            case .small(let s): s.displayWidth
            case .big(let s): BigText.width(of: s, scale: scale)
            }
        }.reduce(0, +) + max(0, pieces.count - 1) * pieceGap
    }

    /// The largest scale (1...4) at which the sentence fits `width` and leaves at least 10 rows for the lists
    /// below; 0 when even scale 1 does not fit (then only the big code and window are drawn, words above).
    func bigLayout(width: Int, height: Int, language: Language) -> (scale: Int, pieces: [Piece]) {
        let sample = latest ?? BoardView.Announcement(id: 0, at: Date(), code: "A000", window: 1, isRecall: false)
        let pieces = Self.sentence(sample, language)
        let roomForLists = 1 + 10 + 1 // title, lists, footer
        for scale in (1...4).reversed() where BigText.height(scale: scale) + 2 <= height - roomForLists {
            if Self.width(of: pieces, scale: scale) <= width { return (scale, pieces) }
        }
        return (0, pieces)
    }

    private func renderBigArea(into grid: inout CellGrid, _ area: Rect, _ language: Language) {
        let reversed = isReversed
        if reversed { grid.fill(area, role: .bigDigit) }
        let smallRole: StyleRole = reversed ? .bigDigit : .normal
        let glyphRole: StyleRole = reversed ? .normal : .bigDigit
        guard let latest, latest.code.displayWidth > 0 else {
            grid.put(UIText.boardWelcome.text(language), in: Rect(x: area.x, y: area.y + area.height / 2, width: area.width, height: 1),
                     role: .header, alignment: .center, marker: TextFitting.ellipsis)
            return
        }
        let inner = area.inset(dx: 1, dy: 0)
        let recall = latest.isRecall ? UIText.boardRecall.text(language) : ""
        var (scale, pieces) = bigLayout(width: inner.width, height: grid.height, language: language)
        let renderable = pieces.allSatisfy { if case .big(let s) = $0 { BigText.canRender(s) } else { true } }
        let topRow = Rect(x: inner.x, y: area.y, width: inner.width, height: 1)
        if scale > 0 && renderable {
            if !recall.isEmpty { grid.put(recall, in: topRow, role: reversed ? .bigDigit : .warning, alignment: .center) }
        } else {
            // Too long for one line of big characters here: the sentence in words above, the figures big below.
            let words = UIText.boardSentence(code: latest.code, window: latest.window).text(language)
            grid.put(recall.isEmpty ? words : recall + "  " + words, in: topRow, role: reversed ? .bigDigit : .highlight, alignment: .center)
            pieces = pieces.filter { if case .big = $0 { true } else { false } }
            scale = max(1, scale)
            guard renderable, Self.width(of: pieces, scale: scale) <= inner.width else { return }
        }
        let glyphHeight = BigText.height(scale: scale)
        let top = area.y + max(1, (area.height - glyphHeight) / 2)
        var x = inner.x + (inner.width - Self.width(of: pieces, scale: scale)) / 2
        for piece in pieces {
            switch piece {
            case .small(let s):
                x = grid.put(s, x: x, y: top + glyphHeight / 2, role: smallRole, limit: inner.maxX)
            case .big(let s):
                x = BigText.render(s, into: &grid, x: x, y: top, scale: scale, role: glyphRole)
            }
            x += Self.pieceGap
        }
    }

    /// The window panel: "3 号窗口 企业开办一   A012 办理中", then a row for each line no open window serves.
    /// Pages (with "1/2" in the title) take turns every `pageSeconds` when the rows do not fit.
    private func renderWindows(into grid: inout CellGrid, _ area: Rect, _ language: Language) {
        let inner = area.inset(dx: 2, dy: 1)
        let rows = panelRows
        let (page, pages) = panelPage(rowsPerPage: inner.height)
        grid.box(area, title: pages > 1 ? UIText.boardWindowsPage(page + 1, of: pages).text(language) : UIText.boardWindows.text(language))
        guard inner.height > 0 else { return }
        let numberWidth = 10, stateWidth = 14
        for (i, row) in rows.dropFirst(page * inner.height).prefix(inner.height).enumerated() {
            let y = inner.y + i
            let label: String, name: String, state: String, role: StyleRole
            switch row {
            case .window(let w):
                label = UIText.boardWindow(w.number).text(language)
                name = w.name
                state = UIText.boardActivity(w.activity).text(language)
                switch w.activity {
                case .calling: role = .highlight
                case .serving: role = .normal
                case .idle, .paused: role = .muted
                }
            case .unserved(let line):
                label = line.prefix
                name = line.name
                state = UIText.kioskStatusUnserved(line.unservedReason ?? .noWindowOpen).text(language)  // the kiosk's words
                role = .warning
            }
            grid.put(TextFitting.pad(label, to: numberWidth) + name, in: Rect(x: inner.x, y: y, width: inner.width - stateWidth - 1, height: 1),
                     role: row.isWindow ? .normal : .muted, marker: TextFitting.ellipsis)
            grid.put(state, in: Rect(x: inner.maxX - stateWidth, y: y, width: stateWidth, height: 1), role: role, alignment: .right)
        }
    }

    private func renderRecentCalls(into grid: inout CellGrid, _ area: Rect, _ language: Language, _ timeZone: TimeZone) {
        grid.box(area, title: UIText.boardRecentCalls.text(language))
        let inner = area.inset(dx: 2, dy: 1)
        for (i, a) in (view?.recentCalls ?? []).prefix(inner.height).enumerated() {
            let text = TextFitting.pad(a.code, to: 8) + TextFitting.pad(UIText.boardWindow(a.window).text(language), to: 12)
                + ClockText.time(a.at, timeZone: timeZone) + (a.recalls > 0 ? "  " + UIText.boardRecalls(a.recalls).text(language) : "")
            grid.put(text, in: Rect(x: inner.x, y: inner.y + i, width: inner.width, height: 1), role: i == 0 ? .highlight : .normal)
        }
    }

    private func renderWaiting(into grid: inout CellGrid, _ area: Rect, _ language: Language) {
        grid.box(area, title: UIText.boardWaiting.text(language))
        let inner = area.inset(dx: 2, dy: 1)
        let countWidth = 8
        for (i, line) in (view?.lines ?? []).prefix(inner.height).enumerated() {
            let y = inner.y + i
            let name = TextFitting.pad(line.prefix, to: 4) + line.name
            grid.put(name, in: Rect(x: inner.x, y: y, width: inner.width - countWidth - 1, height: 1),
                     role: line.isOpen ? .normal : .muted, marker: TextFitting.ellipsis)
            let count = line.isOpen ? UIText.boardWaitingCount(line.waiting).text(language) : UIText.boardLineClosed.text(language)
            grid.put(count, in: Rect(x: inner.maxX - countWidth, y: y, width: countWidth, height: 1),
                     role: line.isOpen ? .normal : .muted, alignment: .right)
        }
    }
}
