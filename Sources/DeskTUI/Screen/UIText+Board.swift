import HallModel
import Queue

// Strings of the display board (叫号显示屏). Read from across the hall: few words.
extension UIText {
    // MARK: Board
    public static let boardTitle = Bilingual(en: "Now calling", zh: "叫号信息")
    public static let boardWelcome = Bilingual(en: "Welcome. Please take a ticket and wait to be called.", zh: "欢迎光临，请取号等候叫号。")
    /// The called sentence around the big code and window number: "请 A012 号 到 3 号窗口" / "A012 -> Window 3".
    public static let boardPlease = Bilingual(en: "", zh: "请")
    public static let boardToWindow = Bilingual(en: "-> Window", zh: "号 到")
    public static let boardWindowSuffix = Bilingual(en: "", zh: "号窗口")
    public static func boardSentence(code: String, window: Int) -> Bilingual {
        Bilingual(en: "\(code) -> Window \(window)", zh: "请 \(code) 号到 \(window) 号窗口")
    }
    public static let boardRecall = Bilingual(en: "Calling again", zh: "再次呼叫")
    public static let boardRecentCalls = Bilingual(en: "Recent calls", zh: "最近叫号")
    public static let boardWaiting = Bilingual(en: "Waiting", zh: "等候人数")
    public static func boardWindow(_ n: Int) -> Bilingual { Bilingual(en: "Window \(n)", zh: "\(n) 号窗口") }
    /// A recent-calls row's recall count.
    public static func boardRecalls(_ n: Int) -> Bilingual {
        n == 1 ? Bilingual(en: "again", zh: "重呼") : Bilingual(en: "again ×\(n)", zh: "重呼\(n)次")
    }
    public static func boardWaitingCount(_ n: Int) -> Bilingual { Bilingual(en: "\(n)", zh: "\(n) 人") }
    public static let boardLineClosed = Bilingual(en: "closed", zh: "暂停")
    /// The window panel: each open or paused window and the ticket it is calling or serving.
    public static let boardWindows = Bilingual(en: "Windows", zh: "窗口")
    public static func boardWindowsPage(_ page: Int, of pages: Int) -> Bilingual {
        Bilingual(en: "Windows \(page)/\(pages)", zh: "窗口 \(page)/\(pages)")
    }
    public static func boardActivity(_ activity: BoardView.WindowActivity) -> Bilingual {
        switch activity {
        case .calling(let code): Bilingual(en: "\(code) calling", zh: "\(code) 请前往")
        case .serving(let code): Bilingual(en: "\(code) serving", zh: "\(code) 办理中")
        case .idle: Bilingual(en: "idle", zh: "空闲")
        case .paused: Bilingual(en: "paused", zh: "暂停")
        }
    }
    public static let boardFooter = Bilingual(en: "Please watch for your number. Missed your call? Ask at the information desk.",
                                              zh: "请留意叫号。如已过号，请到咨询台。")
}
