import Queue

// MARK: - The rating terminal (`desk rate`, RatingScreen)

extension UIText {
    public static let rateTitle = Bilingual(en: "Service rating", zh: "服务评价")
    public static func rateWindow(_ n: Int) -> Bilingual { Bilingual(en: "Window \(n)", zh: "\(n) 号窗口") }
    public static let rateIdle = Bilingual(en: "Thank you for coming. After your visit at this window, please rate our service here.",
                                           zh: "欢迎您！在本窗口办理业务后，请在此对我们的服务作出评价。")
    public static let rateAsk = Bilingual(en: "Please rate this service", zh: "请对本次服务作出评价")
    public static func rateTicket(_ code: String, line: String) -> Bilingual {
        Bilingual(en: "Ticket \(code)  \(line)", zh: "号码 \(code)  \(line)")
    }
    public static func rateItems(_ items: [String]) -> Bilingual {
        Bilingual(en: "Handled: " + items.joined(separator: ", "), zh: "办理事项：" + items.joined(separator: "、"))
    }
    public static let rateWhy = Bilingual(en: "What were you not satisfied with? (tick one or more)", zh: "请选择不满意的原因（可多选）")
    public static let rateWordsLabel = Bilingual(en: "Your words (optional): ", zh: "您的意见（可不填）：")
    public static let rateReasonNeeded = Bilingual(en: "Please tick at least one reason.", zh: "请至少选择一项原因。")
    public static func rateConfirm(_ level: Bilingual) -> Bilingual {
        Bilingual(en: "Your rating: \(level.en). Press Enter to submit.", zh: "您的评价：\(level.zh)。按 Enter 键提交。")
    }
    public static func rateConfirmReasons(_ reasons: [Bilingual]) -> Bilingual {
        Bilingual(en: "Reasons: " + reasons.map(\.en).joined(separator: ", "), zh: "原因：" + reasons.map(\.zh).joined(separator: "、"))
    }
    public static let rateThanks = Bilingual(en: "Thank you for your rating", zh: "感谢您的评价")
    public static let rateThanksNote = Bilingual(en: "Your rating goes to the hall's supervisors, not to the clerk.",
                                                 zh: "您的评价将直接送达大厅管理人员，窗口工作人员看不到。")
    public static func rateTimeLeft(_ seconds: Int) -> Bilingual {
        Bilingual(en: "\(seconds) s left to rate", zh: "剩余 \(seconds) 秒")
    }

    // Keys (`RatingScreen.levelKeys`, `reasonKeys`, `confirmKeys`).
    public static let rateKeyLevel = Bilingual(en: "Rate", zh: "评价")
    public static let rateKeyMove = Bilingual(en: "Move", zh: "移动")
    public static let rateKeyChoose = Bilingual(en: "Choose", zh: "选择")
    public static let rateKeyTick = Bilingual(en: "Tick", zh: "勾选")
    public static let rateKeyWords = Bilingual(en: "Your words", zh: "填写意见")
    public static let rateKeyNext = Bilingual(en: "Next", zh: "下一步")
    public static let rateKeySubmit = Bilingual(en: "Submit", zh: "提交")
    public static let rateHelpQuit = Bilingual(en: "Quit (hall staff)", zh: "退出（工作人员）")
    public static let rateHelpLevelNumber = Bilingual(en: "Choose a level by its number (5 very satisfied … 1 very dissatisfied)",
                                                      zh: "按数字选择评价（5 非常满意 … 1 非常不满意）")
    public static let rateHelpMove = Bilingual(en: "Move the selection", zh: "移动选择")
    public static let rateHelpChooseLevel = Bilingual(en: "Choose the selected level", zh: "选择所选评价")
    public static let rateHelpReasonNumber = Bilingual(en: "Tick or untick a reason by its number", zh: "按数字勾选或取消原因")
    public static let rateHelpToggle = Bilingual(en: "Tick or untick the selected reason", zh: "勾选或取消所选原因")
    public static let rateHelpWords = Bilingual(en: "Type your own words (optional)", zh: "填写您的意见（可不填）")
    public static let rateHelpReasonsDone = Bilingual(en: "Go on to submit (a reason ticked)", zh: "下一步（须至少勾选一项原因）")
    public static let rateHelpBackToLevels = Bilingual(en: "Back to the levels", zh: "返回重新选择评价")
    public static let rateHelpSubmit = Bilingual(en: "Submit the rating", zh: "提交评价")
    public static let rateHelpBackToChange = Bilingual(en: "Back to change it", zh: "返回修改")
}
