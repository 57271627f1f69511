import Queue

// Strings of the kiosk (自助取号机) and its printed slip. A citizen reads these: short, plain words.
// No “” quotes, arrows or middle dots: they are ambiguous width.
extension UIText {
    // MARK: Kiosk
    public static let kioskTitle = Bilingual(en: "Take a ticket", zh: "自助取号")
    public static let kioskChooseLine = Bilingual(en: "Choose a service: press its number, or the arrow keys and Enter.",
                                                  zh: "请选择业务：按业务编号，或用上下键选择后按回车。")
    public static let kioskColumnNumber = Bilingual(en: "No.", zh: "编号")
    public static let kioskColumnService = Bilingual(en: "Service", zh: "业务")
    public static let kioskColumnWaiting = Bilingual(en: "Waiting", zh: "等候")
    public static let kioskColumnEstimate = Bilingual(en: "Est. wait", zh: "预计等候")
    public static let kioskColumnStatus = Bilingual(en: "Status", zh: "状态")
    public static let kioskNoLines = Bilingual(en: "No services are set up yet. Please ask at the information desk.",
                                               zh: "暂无可办理的业务，请到咨询台咨询。")

    public static func kioskWaitingCount(_ n: Int) -> Bilingual { Bilingual(en: "\(n)", zh: "\(n) 人") }
    /// nil: nobody serves the line now, so no time is promised.
    public static func kioskMinutes(_ minutes: Int?) -> Bilingual {
        guard let minutes else { return Bilingual(en: "none", zh: "无法预计") }
        return minutes == 0 ? Bilingual(en: "no wait", zh: "无需等候") : Bilingual(en: "\(minutes) min", zh: "\(minutes) 分钟")
    }

    public static let kioskStatusClosed = Bilingual(en: "Closed", zh: "暂停取号")
    public static let kioskStatusFull = Bilingual(en: "Full today", zh: "今日已满")
    /// The status column of a line nobody serves now (at most 10 columns).
    public static func kioskStatusUnserved(_ reason: LineUnservedReason) -> Bilingual {
        switch reason {
        case .dayClosed: Bilingual(en: "Day closed", zh: "今日停办")
        case .outOfHours: Bilingual(en: "Not open", zh: "非办理时间")
        case .windowsPaused: Bilingual(en: "Paused", zh: "窗口暂停")
        case .noWindowOpen: Bilingual(en: "No window", zh: "暂无窗口")
        }
    }
    /// Why nobody serves the line now, said plainly, and when the hall opens next (when it is closed).
    public static func kioskUnservedNote(_ reason: LineUnservedReason, opensNext: String?) -> Bilingual {
        let why: Bilingual = switch reason {
        case .dayClosed: Bilingual(en: "The hall has closed for today.", zh: "大厅今日已停止办理。")
        case .outOfHours: Bilingual(en: "The hall is not open now.", zh: "现在不是办理时间。")
        case .windowsPaused: Bilingual(en: "The windows for this service are paused.", zh: "办理此业务的窗口暂停服务。")
        case .noWindowOpen: Bilingual(en: "No window serves this service now.", zh: "目前暂无窗口办理此业务。")
        }
        let next = kioskOpensNext(opensNext)
        return Bilingual(en: why.en + next.en + " No wait time can be given; you will be called in turn.",
                         zh: why.zh + next.zh + "无法预计等候时间，届时按顺序叫号。")
    }
    /// " Opens next: 2026-03-03 09:00." to append to a sentence; empty while the hall is open.
    static func kioskOpensNext(_ opensNext: String?) -> Bilingual {
        opensNext.map { Bilingual(en: " Opens next: \($0).", zh: "下次办理时间：\($0)。") } ?? Bilingual(en: "", zh: "")
    }
    public static func kioskLineUnserved(_ prefix: String, _ name: String, reason: LineUnservedReason, opensNext: String?) -> Bilingual {
        let next = kioskOpensNext(opensNext)
        return Bilingual(en: "\(prefix) \(name) is not issuing tickets: \(reason.label.en).\(next.en)",
                         zh: "\(prefix) \(name) 暂不取号：\(reason.label.zh)。\(next.zh)")
    }

    public static func kioskLineClosed(_ prefix: String, _ name: String) -> Bilingual {
        Bilingual(en: "\(prefix) \(name) is not issuing tickets now. Please ask at the information desk.",
                  zh: "\(prefix) \(name) 现已暂停取号，请到咨询台咨询。")
    }
    public static func kioskLineFull(_ prefix: String, _ name: String, cap: Int) -> Bilingual {
        Bilingual(en: "\(prefix) \(name): all \(Plural.english(cap, "ticket")) for today are taken. Please come back on the next working day.",
                  zh: "\(prefix) \(name) 今日 \(cap) 个号已全部取完，请下一个工作日再来。")
    }
    public static func kioskPanelWaiting(_ n: Int) -> Bilingual { Bilingual(en: "\(n) waiting", zh: "等候 \(n) 人") }
    public static func kioskPanelEstimate(_ minutes: Int) -> Bilingual {
        minutes == 0 ? Bilingual(en: "no wait", zh: "无需等候") : Bilingual(en: "about \(minutes) min", zh: "预计约 \(minutes) 分钟")
    }

    public static func kioskChosenLine(_ prefix: String, _ name: String) -> Bilingual {
        Bilingual(en: "You chose \(prefix) \(name). Who is the ticket for?", zh: "您选择了 \(prefix) \(name)。请选择取号类别：")
    }
    public static let kioskPriorityNote = Bilingual(
        en: "Elderly, disabled, military and pregnant visitors are called first. Green channel: ask at the information desk.",
        zh: "老年人、残疾人、军人、孕妇优先叫号。绿色通道请到咨询台办理。")
    public static func kioskPriorityLabel(_ priority: PriorityClass) -> Bilingual {
        switch priority {
        case .normal: Bilingual(en: "Normal", zh: "普通")
        case .elderly: Bilingual(en: "Elderly (60 and over)", zh: "老年人（60 岁以上）")
        case .disabled: Bilingual(en: "Disabled", zh: "残疾人")
        case .military: Bilingual(en: "Military", zh: "军人")
        case .pregnant: Bilingual(en: "Pregnant", zh: "孕妇")
        case .greenChannel: Bilingual(en: "Green channel", zh: "绿色通道")
        }
    }

    public static let kioskSlipHeading = Bilingual(en: "Here is your ticket. Please watch the display board.",
                                                   zh: "取号成功，请留意显示屏叫号。")
    public static func kioskAhead(_ ahead: Int, minutes: Int?) -> Bilingual {
        if ahead == 0 { return Bilingual(en: "Nobody ahead of you.", zh: "您前面没有人等候。") }
        guard let minutes else { return Bilingual(en: "\(ahead) ahead of you.", zh: "前面还有 \(ahead) 人。") }
        return Bilingual(en: "\(ahead) ahead of you, about \(minutes) min.", zh: "前面还有 \(ahead) 人，预计等候约 \(minutes) 分钟。")
    }
    public static func kioskIssuedAt(_ dateTime: String) -> Bilingual { Bilingual(en: "Issued \(dateTime)", zh: "取号时间 \(dateTime)") }
    public static func kioskCategory(_ priority: PriorityClass) -> Bilingual {
        Bilingual(en: "Category: \(kioskPriorityLabel(priority).en)", zh: "类别：\(kioskPriorityLabel(priority).zh)")
    }
    public static let kioskPrinted = Bilingual(en: "Please take your printed slip.", zh: "请取走打印的号票。")
    public static let kioskPrintFailed = Bilingual(en: "The slip could not be printed: please note your number.",
                                                   zh: "号票打印失败，请记下您的号码。")
    public static func kioskReturnsIn(_ seconds: Int) -> Bilingual {
        Bilingual(en: "Any key returns (\(seconds) s)", zh: "按任意键返回（\(seconds) 秒）")
    }

    // The key bar's labels (the keys come from `KioskScreen.lineKeys`, `categoryKeys`).
    public static let kioskKeyChoose = Bilingual(en: "choose", zh: "选择")
    public static let kioskKeyMove = Bilingual(en: "move", zh: "移动")
    public static let kioskKeyNext = Bilingual(en: "next", zh: "下一步")
    public static let kioskKeyIssue = Bilingual(en: "take ticket", zh: "取号")

    // MARK: Printed slip (plain text on a receipt printer)
    public static let slipTitle = Bilingual(en: "Queue ticket", zh: "排队号票")
    public static func slipAhead(_ ahead: Int) -> Bilingual { Bilingual(en: "Ahead of you: \(ahead)", zh: "前面等候：\(ahead) 人") }
    public static func slipEstimate(_ minutes: Int?) -> Bilingual {
        guard let minutes else { return Bilingual(en: "Estimated wait: cannot be given", zh: "预计等候：无法预计") }
        return minutes == 0 ? Bilingual(en: "Estimated wait: none", zh: "预计等候：无需等候")
                            : Bilingual(en: "Estimated wait: about \(minutes) min", zh: "预计等候：约 \(minutes) 分钟")
    }
    public static let slipFooter = Bilingual(en: "Please wait for your number on the board. A missed call: ask at the desk.",
                                             zh: "请留意叫号，过号请到咨询台。")

    // MARK: Kiosk printer
    public static func slipPrinterCannotOpen(_ path: String, _ reason: Bilingual) -> Bilingual {
        Bilingual(en: "Cannot open the slip printer '\(path)': \(reason.en).", zh: "无法打开号票打印机 \(path)：\(reason.zh)。")
    }
}
