import Foundation
import HallModel
import Queue

/// What the kiosk shows after issuing, and prints: a ticket slip. Carries no citizen data.
public struct KioskSlip: Sendable, Equatable {
    public var code: String
    public var linePrefix: String
    public var lineName: String
    public var priority: PriorityClass
    public var ahead: Int
    /// nil while nobody serves the line: no time is promised.
    public var estimatedWaitMinutes: Int?
    /// Why nobody serves the line now (the slip says so); nil: served.
    public var unservedReason: LineUnservedReason?
    /// When the hall opens next, while it is closed.
    public var nextOpening: Date?
    public var issuedAt: Date
    public var hallName: String
    public var timeZone: TimeZone

    public init(code: String, linePrefix: String, lineName: String, priority: PriorityClass, ahead: Int, estimatedWaitMinutes: Int?,
                unservedReason: LineUnservedReason? = nil, nextOpening: Date? = nil, issuedAt: Date, hallName: String, timeZone: TimeZone) {
        self.code = code; self.linePrefix = linePrefix; self.lineName = lineName; self.priority = priority; self.ahead = ahead
        self.estimatedWaitMinutes = estimatedWaitMinutes; self.unservedReason = unservedReason; self.nextOpening = nextOpening
        self.issuedAt = issuedAt
        self.hallName = hallName; self.timeZone = timeZone
    }

    public init(_ issued: IssuedTicket, hallName: String, timeZone: TimeZone) {
        self.init(code: issued.ticket.code, linePrefix: issued.line.prefix, lineName: issued.line.name, priority: issued.ticket.priority,
                  ahead: issued.ahead, estimatedWaitMinutes: issued.estimatedWaitMinutes, unservedReason: issued.unservedReason,
                  nextOpening: issued.nextOpening,
                  issuedAt: issued.ticket.issuedAt, hallName: hallName, timeZone: timeZone)
    }

    public var opensNextText: String? {
        nextOpening.map { ClockText.dateTime($0, timeZone: timeZone) }
    }

    public var issuedAtText: String {
        ClockText.dateTime(issuedAt, timeZone: timeZone)
    }

    /// One line of a printed slip, whatever the printer's language.
    enum PrintLine: Equatable {
        case centered(String)
        /// The ticket code, large: "#" glyphs in plain text, double size on an ESC/POS printer.
        case code
        /// Left-aligned, already within the width.
        case text(String)
        case rule
        case blank
    }

    /// What a printed slip says, at most `width` columns a line: hall name, title, the code, the line,
    /// category, people ahead, estimated wait, time, footer.
    func printLines(language: Language, width: Int) -> [PrintLine] {
        var lines: [PrintLine] = [.centered(hallName), .centered(UIText.slipTitle.text(language)), .rule, .code,
                                  .centered(TextFitting.truncate("\(linePrefix) \(lineName)", to: width)), .blank]
        var body: [Bilingual] = []
        if priority != .normal { body.append(UIText.kioskCategory(priority)) }
        body += [UIText.slipAhead(ahead), UIText.slipEstimate(estimatedWaitMinutes)]
        if let unservedReason { body.append(UIText.kioskUnservedNote(unservedReason, opensNext: opensNextText)) }
        body.append(UIText.kioskIssuedAt(issuedAtText))
        for text in body { lines += TextFitting.wrap(text.text(language), to: width).map(PrintLine.text) }
        lines.append(.rule)
        lines += TextFitting.wrap(UIText.slipFooter.text(language), to: width).map(PrintLine.text)
        return lines
    }

    /// The slip as plain UTF-8 lines at most `width` columns (32 on 58 mm paper, 42 or 48 on 80 mm), a blank
    /// line, then a form feed (the printer's "end of page"; roll printers feed or ignore it). The code is
    /// drawn in "#" glyphs when it fits, so it reads from arm's length, and then written plainly.
    public func plainText(language: Language, width: Int = 32) -> String {
        let width = max(24, width)
        func center(_ s: String) -> String { trimRight(TextFitting.pad(s, to: width, alignment: .center)) }
        var out: [String] = []
        for line in printLines(language: language, width: width) {
            switch line {
            case .centered(let s): out.append(center(s))
            case .text(let s): out.append(s)
            case .rule: out.append(String(repeating: "-", count: width))
            case .blank: out.append("")
            case .code:
                if BigText.canRender(code), BigText.width(of: code) <= width {
                    var grid = CellGrid(size: Size(width: BigText.width(of: code), height: BigText.height()))
                    BigText.render(code, into: &grid, x: 0, y: 0)
                    out += grid.lines(marking: .bigDigit, with: "#").map { center(trimRight($0)) }
                    out.append("")
                }
                out.append(center(code))
            }
        }
        return out.joined(separator: "\n") + "\n\n\u{0C}"
    }

    private func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
