import Queue

// Strings of the kiosk's two entries after the service lines: the case progress lookup (查询办件进度) and the service
// guide (办事指南). A citizen reads these: short, plain words; nothing of the applicant is ever shown.
extension UIText {
    // MARK: The first screen's two entries
    public static let kioskEntryProgress = Bilingual(en: "Case progress", zh: "查询办件进度")
    public static let kioskEntryGuide = Bilingual(en: "Service guide", zh: "办事指南")
    public static let kioskEntryProgressNote = Bilingual(
        en: "Look up your case with its number and the last four characters of the applicant's ID number or credit code.",
        zh: "凭办件编号和申请人证件号码后四位，查询办件进度。")
    public static let kioskEntryGuideNote = Bilingual(
        en: "Conditions, materials, time limits and fees of every service, before you take a ticket.",
        zh: "取号前查看各事项的办理条件、所需材料、办理时限和收费。")

    // MARK: Case progress: the form
    public static let kioskProgressTitle = Bilingual(en: "Case progress", zh: "查询办件进度")
    public static let kioskProgressIntro = Bilingual(
        en: "Enter the case number on your acceptance notice and the last four characters of the applicant's ID number or credit code.",
        zh: "请输入受理通知书上的办件编号，以及申请人身份证件号码或统一社会信用代码的后四位。")
    public static let kioskFieldCaseNumber = Bilingual(en: "Case number", zh: "办件编号")
    public static let kioskFieldLastFour = Bilingual(en: "Last four of ID", zh: "证件号后四位")
    public static let kioskProgressHint = Bilingual(
        en: "An ID ending in X: type X. After 5 wrong tries in a row the kiosk waits a while before the next one.",
        zh: "证件号末位为 X 的请输入 X。连续输错 5 次后，须等待片刻才能再次查询。")
    public static func kioskProgressWait(_ seconds: Int) -> Bilingual {
        Bilingual(en: "Too many wrong tries: please wait \(seconds) s before the next lookup.",
                  zh: "输错次数过多，请等待 \(seconds) 秒后再查询。")
    }

    // MARK: Case progress: the result
    public static func kioskProgressCase(_ number: String, _ item: String) -> Bilingual {
        Bilingual(en: "Case \(number)  \(item)", zh: "办件 \(number)  \(item)")
    }
    public static let kioskProgressSteps = Bilingual(en: "Steps done", zh: "办理过程")
    public static let kioskProgressPrivacy = Bilingual(
        en: "Nothing of the applicant is shown. The page clears itself when left alone.",
        zh: "本页不显示申请人信息；无人操作时自动清除。")

    // MARK: Service guide
    public static func kioskGuideNoLine(_ prefix: String) -> Bilingual {
        Bilingual(en: "Tickets for this item's line \(prefix) are not taken at this kiosk. Please ask at the information desk.",
                  zh: "本机不能取该事项所属 \(prefix) 业务的号，请到咨询台咨询。")
    }

    // The key bar's labels (the keys come from `KioskScreen.progressFormKeys`, `progressResultKeys`, `guideKeys`).
    public static let kioskKeyNextField = Bilingual(en: "next field", zh: "切换")
    public static let kioskKeyLookUp = Bilingual(en: "look up", zh: "查询")
    public static let kioskKeyTakeForItem = Bilingual(en: "take a ticket for this item", zh: "取此事项的号")
}
