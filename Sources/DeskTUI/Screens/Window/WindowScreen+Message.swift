import Foundation
import HallModel

/// The supervisor's message banner (issue 11): the first unread message for this window, over the waiting list, in
/// the warning colour — who sent it and when, its text (wrapped, at most `messageTextRows` rows), and the key that
/// marks it read (`m`, in the box's title). The current ticket on the left is never covered.
extension WindowScreen {
    /// Rows of the message's text the banner shows; a longer message is cut with "…" (120 characters fit from 80
    /// columns in English, from about 100 in Chinese).
    static let messageTextRows = 3

    /// Frame 2, the sender's row, and the text's rows.
    func messageBannerHeight(_ message: WindowMessage, width: Int) -> Int {
        3 + min(Self.messageTextRows, TextFitting.wrap(message.text, to: max(1, width - 4)).count)
    }

    func renderMessageBanner(_ message: WindowMessage, into grid: inout CellGrid, _ rect: Rect, _ context: RenderContext) {
        let language = context.language
        grid.box(rect, role: .warning, title: UIText.messageTitle(more: view.messages.count - 1).text(language), titleRole: .warning)
        let inner = rect.inset(dx: 2, dy: 1)
        guard inner.height >= 1, inner.width > 0 else { return }
        let from = UIText.messageFrom(name: message.senderName, staff: message.senderID, time: Self.timeOfDay(message.sentAt, view.timeZone),
                                      toAll: message.target == .all)
        grid.put(from.text(language), in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), role: .muted, marker: TextFitting.ellipsis)
        let wrapped = TextFitting.wrap(message.text, to: inner.width)
        let rows = min(Self.messageTextRows, wrapped.count, inner.height - 1)
        for i in 0..<max(0, rows) {
            var text = wrapped[i]
            // The last row shown of a longer text ends in "…".
            if i == rows - 1 && wrapped.count > rows { text = TextFitting.truncate(text + " " + wrapped[i + 1], to: inner.width, marker: TextFitting.ellipsis) }
            grid.put(text, in: Rect(x: inner.x, y: inner.y + 1 + i, width: inner.width, height: 1), role: .highlight)
        }
    }
}
