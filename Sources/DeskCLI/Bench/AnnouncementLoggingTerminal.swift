import DeskTUI
import Foundation
import HallModel

/// The board's terminal for `desk board --bench-log`: draws as usual, and after the first draw that shows a
/// new announcement writes "<epoch ms> <code>" to standard error (`ScaleBench` reads it). The first frame
/// is announced as "ready".
final class AnnouncementLoggingTerminal<T: TerminalBackend>: TerminalBackend {
    let inner: T
    private var shownID: Int64?
    private var pending: BoardView.Announcement?
    private var ready = false

    init(_ inner: T) { self.inner = inner }

    var size: Size { inner.size }
    var isFinished: Bool { inner.isFinished }
    func readKey(timeoutMs: Int) -> Key? { inner.readKey(timeoutMs: timeoutMs) }
    func readKey(timeoutMs: Int, wakeOn fd: Int32?) -> Key? { inner.readKey(timeoutMs: timeoutMs, wakeOn: fd) }
    var wakesOnDescriptor: Bool { inner.wakesOnDescriptor }

    /// After each poll: the newest announcement, to be logged once it is on the screen.
    func noteLatest(_ screen: BoardScreen) {
        guard let latest = screen.latest else { return }
        if !ready { shownID = latest.id } else if latest.id != shownID { pending = latest }
    }

    func draw(_ grid: CellGrid) {
        inner.draw(grid)
        if !ready {
            ready = true
            emit("ready")
        } else if let shown = pending {
            shownID = shown.id
            pending = nil
            emit("\(Int64(Date().timeIntervalSince1970 * 1000)) \(shown.code)")
        }
    }

    private func emit(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
