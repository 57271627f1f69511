import HallModel
import Queue

/// The agent's screen (`desk agent`): my proxy jobs, a job's detail and the inbox.
extension UIText {
    public static let agentSignInTitle = Bilingual(en: "Proxy agent · sign in", zh: "代办员 · 签到")
    public static func agentTitleBar(name: String, staffID: String, scope: String) -> Bilingual {
        Bilingual(en: "My proxy jobs · \(name) \(staffID) · \(scope)", zh: "代办件 · \(name) \(staffID) · \(scope)")
    }
    public static let agentScopeMine = Bilingual(en: "mine", zh: "我的")
    public static let agentScopeEveryAgent = Bilingual(en: "every agent", zh: "全部代办员")
    public static func agentScopeOne(_ id: String) -> Bilingual { Bilingual(en: "agent \(id)", zh: "代办员 \(id)") }
    public static func agentJobCount(_ n: Int) -> Bilingual { Bilingual(en: "\(n) open", zh: "在办 \(n) 件") }
    public static func agentInboxCount(_ n: Int) -> Bilingual { Bilingual(en: "inbox \(n) new", zh: "动态 \(n) 条新") }

    // The list's columns.
    /// The case number once filed, else the job number (DB-…).
    public static let agentColumnJob = Bilingual(en: "Case / job", zh: "办件/代办件")
    public static let agentColumnItem = Bilingual(en: "Item", zh: "事项")
    public static let agentColumnApplicant = Bilingual(en: "Applicant", zh: "申请人")
    public static let agentColumnAgent = Bilingual(en: "Agent", zh: "代办员")
    public static let agentColumnLight = Bilingual(en: "Light", zh: "灯")
    public static let agentColumnNext = Bilingual(en: "Next", zh: "下一步")
    /// A job without a case yet shows its own state in the light's column.
    public static let agentNoCaseYet = Bilingual(en: "no case", zh: "未立案")
    public static let agentEmptyMine = Bilingual(en: "No open proxy job is yours.", zh: "您没有在办的代办件。")
    public static let agentEmptyAll = Bilingual(en: "No open proxy job.", zh: "没有在办的代办件。")
    public static func agentSupplementsBy(_ due: CivilDate) -> Bilingual { Bilingual(en: "by \(due)", zh: "\(due) 前") }

    // The job's detail.
    public static let agentDetailJob = Bilingual(en: "Proxy job", zh: "代办件")
    public static let agentDetailMode = Bilingual(en: "Mode", zh: "方式")
    public static let agentDetailOrigin = Bilingual(en: "Origin", zh: "来源")
    public static let agentDetailAgent = Bilingual(en: "Agent", zh: "代办员")
    public static let agentDetailOpened = Bilingual(en: "Opened", zh: "登记日期")
    public static let agentDetailAuthorisation = Bilingual(en: "Authorisation", zh: "授权委托书")
    public static let agentDetailNext = Bilingual(en: "Next", zh: "下一步")
    public static let agentDetailCase = Bilingual(en: "Case", zh: "办件")
    public static let agentDetailNoCase = Bilingual(en: "not filed yet: take the materials to a window", zh: "尚未立案：请携材料到窗口办理")
    public static let agentDetailApplicant = Bilingual(en: "Applicant", zh: "申请人")
    public static let agentDetailItem = Bilingual(en: "Item", zh: "事项")
    public static let agentUnassigned = Bilingual(en: "not assigned", zh: "未指派")

    // The inbox.
    public static let agentInboxTitle = Bilingual(en: "Inbox: what changed in my jobs", zh: "动态：我的代办件有何变化")
    public static let agentInboxEmpty = Bilingual(en: "Nothing has changed in your jobs.", zh: "您的代办件暂无变化。")
    public static let agentInboxNewMark = Bilingual(en: "NEW", zh: "新")
    public static let agentInboxMarked = Bilingual(en: "Inbox marked seen.", zh: "动态已标为已读。")

    // Keys and help.
    public static let agentKeyOpen = Bilingual(en: "Open", zh: "详情")
    /// The inbox key's label, with the count of new items.
    public static func agentKeyInbox(new: Int) -> Bilingual {
        new > 0 ? Bilingual(en: "Inbox (\(new) new)", zh: "动态（\(new) 新）") : Bilingual(en: "Inbox", zh: "动态")
    }
    public static let agentKeyAgent = Bilingual(en: "Agent", zh: "代办员")
    public static let agentKeyMarkSeen = Bilingual(en: "Mark seen", zh: "标为已读")
    public static let agentHelpOpen = Bilingual(en: "Open the selected job", zh: "打开所选代办件")
    public static let agentHelpInbox = Bilingual(en: "The inbox: what changed in my jobs since I last looked", zh: "动态：上次查看以来我的代办件的变化")
    public static let agentHelpAgent = Bilingual(en: "Supervisor: show one agent's jobs, or every agent's", zh: "主管：查看某一代办员或全部代办员的代办件")
    public static let agentHelpMarkSeen = Bilingual(en: "Mark the inbox seen (new items are no longer new)", zh: "将动态标为已读（新动态不再标新）")
    public static let agentHelpOpenItem = Bilingual(en: "Open the job of the selected item", zh: "打开所选动态的代办件")
    public static let agentHelpBack = Bilingual(en: "Back to my jobs", zh: "返回代办件列表")
    public static let agentPickAgent = Bilingual(en: "Whose jobs", zh: "查看谁的代办件")
    public static let agentPickEveryAgent = Bilingual(en: "every agent", zh: "全部代办员")
    public static let agentNotYours = Bilingual(en: "That job is no longer on your list.", zh: "该代办件已不在您的列表中。")

    // The job's ledger and contact log (the detail).
    public static let agentLedgerHeading = Bilingual(en: "Material ledger", zh: "材料交接台账")
    public static let agentLedgerEmpty = Bilingual(en: "No handover recorded yet (h records one).", zh: "尚无交接记录（按 h 登记）。")
    public static let agentLedgerBalanced = Bilingual(en: "Balanced: no original is with the hall or the agent.",
                                                      zh: "已平衡：没有原件留在大厅或代办员处。")
    /// "申请人 张*丰 → 代办员 吴晓燕": the parties as they signed.
    public static func agentLedgerParties(_ h: MaterialHandover) -> Bilingual {
        Bilingual(en: "\(h.from.label.en) \(h.fromName) → \(h.to.label.en) \(h.toName)",
                  zh: "\(h.from.label.zh) \(h.fromName) → \(h.to.label.zh) \(h.toName)")
    }
    /// "原件在代办员处：", before the list of what that party holds.
    public static func agentLedgerOutLabel(_ holder: HandoverParty) -> Bilingual {
        Bilingual(en: "Originals with the \(holder.label.en): ", zh: "原件在\(holder.label.zh)处：")
    }
    /// "第1项 营业执照；第3项 公章（2份）".
    public static func agentLedgerOutList(_ held: [MaterialLedger.Holding]) -> Bilingual {
        func list(_ language: Language) -> String {
            held.map { $0.material.text.text(language) + ($0.copies > 1 ? (language == .zh ? "（\($0.copies)份）" : " (\($0.copies))") : "") }
                .joined(separator: language == .zh ? "；" : "; ")
        }
        return Bilingual(en: list(.en), zh: list(.zh))
    }
    public static let agentContactsHeading = Bilingual(en: "Contact log", zh: "联系记录")
    public static let agentContactsEmpty = Bilingual(en: "No contact recorded yet (c records one).", zh: "尚无联系记录（按 c 登记）。")
    public static func agentContactNextOn(_ day: CivilDate) -> Bilingual { Bilingual(en: "next \(day)", zh: "下一步 \(day)") }

    // The detail's keys.
    public static let agentKeyHandover = Bilingual(en: "Handover", zh: "交接")
    public static let agentKeyPrint = Bilingual(en: "Print receipt", zh: "打印交接单")
    public static let agentKeyReprint = Bilingual(en: "Reprint", zh: "重印")
    public static let agentKeyContact = Bilingual(en: "Contact", zh: "联系")
    public static let agentKeyClose = Bilingual(en: "Close job", zh: "办结")
    public static let agentHelpHandover = Bilingual(en: "Record a material handover (from whom to whom, the materials, the names)",
                                                    zh: "登记材料交接（交接双方、材料、签字人）")
    public static let agentHelpPrint = Bilingual(en: "Print the job's latest handover receipt (交接单)", zh: "打印本代办件最近的交接单")
    public static let agentHelpReprint = Bilingual(en: "Reprint a receipt of the ledger (choose its line)", zh: "重印台账中的某张交接单（选择该行）")
    public static let agentHelpContact = Bilingual(en: "Record a contact with the applicant (how, what was agreed, the next day)",
                                                   zh: "登记与申请人的联系（方式、沟通内容、下一步日期）")
    public static let agentHelpClose = Bilingual(en: "Close the job (every original returned, the result handed back)",
                                                 zh: "办结代办件（原件均已退还、结果已交还）")
    public static let agentNoReceipt = Bilingual(en: "No handover recorded on this job: nothing to print.", zh: "该代办件尚无交接记录，没有可打印的交接单。")
    public static let agentPickReceipt = Bilingual(en: "Reprint which receipt", zh: "重印哪张交接单")
    public static func agentReceiptOption(_ h: MaterialHandover, time: String) -> Bilingual {
        Bilingual(en: "\(h.number)  \(time)  \(h.from.label.en) → \(h.to.label.en)", zh: "\(h.number)  \(time)  \(h.from.label.zh) → \(h.to.label.zh)")
    }

    // Recording and printing.
    public static func agentHandoverRecorded(_ number: String) -> Bilingual {
        Bilingual(en: "Handover recorded: receipt \(number). p prints it.", zh: "交接已登记：交接单 \(number)。按 p 打印。")
    }
    public static func agentReceiptPrinting(_ number: String) -> Bilingual {
        Bilingual(en: "Printing receipt \(number)…", zh: "正在打印交接单 \(number)…")
    }
    public static func agentReceiptPrinted(_ number: String) -> Bilingual {
        Bilingual(en: "Receipt \(number) sent to the printer.", zh: "交接单 \(number) 已送打印。")
    }
    /// A failure keeps the receipt number first, with the command that reprints it; what the print command did last.
    public static func agentReceiptPrintFailed(_ number: String, _ why: Bilingual) -> Bilingual {
        Bilingual(en: "Receipt \(number) not printed. Reprint: desk handover receipt \(number).\(why.en)",
                  zh: "交接单 \(number) 打印失败。重印：desk handover receipt \(number)。\(why.zh)")
    }
    public static func agentReceiptNotPrinted(_ number: String) -> Bilingual {
        Bilingual(en: "Receipt \(number) kept, not printed (no print_command).", zh: "交接单 \(number) 已保存，未打印（未设打印命令）。")
    }

    // The contact form.
    public static let agentPickMethod = Bilingual(en: "How was the contact", zh: "联系方式")
    public static func agentContactTitle(_ job: String, _ how: ContactMethod) -> Bilingual {
        Bilingual(en: "Contact · \(job) · \(how.label.en)", zh: "联系记录 · \(job) · \(how.label.zh)")
    }
    public static let agentContactNote = Bilingual(en: "Agreed", zh: "沟通内容")
    public static let agentContactNext = Bilingual(en: "Next day", zh: "下一步日期")
    public static let agentContactHint = Bilingual(en: "Next day optional, YYYY-MM-DD. Enter on it records; Esc cancels.",
                                                   zh: "下一步日期可空，格式 YYYY-MM-DD。在该栏按 Enter 登记，Esc 取消。")
    public static let agentContactBadDate = Bilingual(en: "A day is YYYY-MM-DD, e.g. 2026-03-04.", zh: "日期格式为 YYYY-MM-DD，例如 2026-03-04。")
    public static let agentKeyContactNext = Bilingual(en: "Next field / record", zh: "下一栏/登记")
    public static let agentHelpContactNext = Bilingual(en: "The next field; Enter on the last records the contact", zh: "下一栏；在最后一栏按 Enter 登记")
    public static func agentContactRecorded(_ how: ContactMethod) -> Bilingual {
        Bilingual(en: "Contact recorded (\(how.label.en)).", zh: "联系记录已登记（\(how.label.zh)）。")
    }

    // Closing the job.
    public static let agentCloseTitle = Bilingual(en: "Close the job", zh: "办结代办件")
    public static func agentCloseQuestion(_ job: String) -> Bilingual {
        Bilingual(en: "Close \(job)? Every original must be back with the applicant.", zh: "办结 \(job)？原件须已全部退还申请人。")
    }
    public static func agentJobClosed(_ job: String) -> Bilingual { Bilingual(en: "Proxy job \(job) closed.", zh: "代办件 \(job) 已办结。") }

    // The handover form.
    public static func handoverFormTitle(_ job: String, step: Int, of steps: Int) -> Bilingual {
        Bilingual(en: "Handover · \(job) · step \(step) of \(steps)", zh: "登记交接 · \(job) · 第 \(step)/\(steps) 步")
    }
    public static let handoverAskDirection = Bilingual(en: "Who hands the materials to whom?", zh: "由谁交给谁？")
    public static func handoverDirectionLine(_ direction: Bilingual) -> Bilingual {
        Bilingual(en: "Handover: \(direction.en)", zh: "交接：\(direction.zh)")
    }
    public static let handoverMaterialsHint = Bilingual(en: "Space: not handed / original / copy; Enter: copies; Tab: the names.",
                                                        zh: "空格：不交接/原件/复印件；Enter：份数；Tab：签字人。")
    public static let handoverNamesHint = Bilingual(en: "The names as they sign the receipt.", zh: "交接单上的签字人姓名。")
    public static func handoverSigner(_ party: HandoverParty, giving: Bool) -> Bilingual {
        giving ? Bilingual(en: "Given by (\(party.label.en))", zh: "交出方（\(party.label.zh)）")
            : Bilingual(en: "Received by (\(party.label.en))", zh: "接收方（\(party.label.zh)）")
    }
    public static let handoverConfirmHeading = Bilingual(en: "Record this handover and issue its receipt (交接单)?", zh: "登记以下交接并出具交接单？")
    /// A name left empty: the ledger's default (the recording clerk at the window).
    public static let handoverDefaultName = Bilingual(en: "(default)", zh: "（默认）")
    public static let handoverMarkNone = Bilingual(en: "—", zh: "不交接")
    /// "原件 1 份" / "original ×1".
    public static func handoverFormCopies(_ form: MaterialForm, _ copies: Int) -> Bilingual {
        Bilingual(en: "\(form.label.en.lowercased()) ×\(copies)", zh: "\(form.label.zh) \(copies) 份")
    }
    public static let handoverNotRecorded = Bilingual(en: "The handover could not be prepared.", zh: "无法生成交接记录。")
    public static let handoverKeyMark = Bilingual(en: "Original/copy", zh: "原件/复印件")
    public static let handoverKeyCopies = Bilingual(en: "Copies", zh: "份数")
    public static let handoverKeyNames = Bilingual(en: "Names", zh: "签字人")
    public static let handoverKeyRecord = Bilingual(en: "Record", zh: "登记")
    public static let handoverHelpMoveDirection = Bilingual(en: "Choose who hands to whom", zh: "选择交接方向")
    public static let handoverHelpChooseDirection = Bilingual(en: "Take this direction", zh: "选定该方向")
    public static let handoverHelpClose = Bilingual(en: "Close the form (nothing recorded)", zh: "关闭表单（不登记）")
    public static let handoverHelpMoveMaterial = Bilingual(en: "Move in the materials", zh: "在材料中移动")
    public static let handoverHelpMark = Bilingual(en: "The material's next mark: not handed, original, copy", zh: "切换：不交接、原件、复印件")
    public static let handoverHelpCopies = Bilingual(en: "Edit the copies (1-99; Enter keeps them)", zh: "修改份数（1-99，Enter 确定）")
    public static let handoverHelpNames = Bilingual(en: "On to the names as signed", zh: "下一步：签字人")
    public static let handoverHelpNextField = Bilingual(en: "The next name; Enter on the last shows the summary", zh: "下一栏；在最后一栏按 Enter 查看汇总")
    public static let handoverHelpRecord = Bilingual(en: "Record the handover and issue its receipt", zh: "登记交接并出具交接单")
    public static let handoverHelpBack = Bilingual(en: "A step back", zh: "返回上一步")
}
