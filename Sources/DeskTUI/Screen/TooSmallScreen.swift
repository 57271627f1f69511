/// What the run loop shows instead of a screen when the terminal is smaller than the screen's
/// `minimumSize`: the message, wrapped and centred. The screen returns by itself on resize.
public struct TooSmallScreen: Sendable {
    public var minimumSize: Size

    public init(minimumSize: Size) { self.minimumSize = minimumSize }

    public func render(into grid: inout CellGrid, context: RenderContext) {
        guard grid.width > 0, grid.height > 0 else { return }
        let message = UIText.terminalTooSmall(minimum: minimumSize, current: context.size).text(context.language)
        let lines = TextFitting.wrap(message, to: grid.width)
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.prefix(grid.height).enumerated() {
            grid.put(line, in: Rect(x: 0, y: top + i, width: grid.width, height: 1), role: .warning, alignment: .center)
        }
    }
}
