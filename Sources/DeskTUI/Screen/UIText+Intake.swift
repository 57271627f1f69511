import HallModel
import Queue

// MARK: The intake form over the window screen (`a`)
extension UIText {
    // The window's key
    public static let keyIntake = Bilingual(en: "Intake", zh: "受理")
    public static let helpIntake = Bilingual(en: "Intake: take in a case for the ticket served", zh: "受理：为办理中的号受理办件")

    // Title and steps
    public static func intakeTitle(_ ticket: String) -> Bilingual { Bilingual(en: "Intake \(ticket)", zh: "受理 \(ticket)") }
    /// A proxy ticket's batch in the form's title: "代办员 P03 — 第 2 件".
    public static func intakeBatch(agent: String, ordinal: Int) -> Bilingual {
        Bilingual(en: "agent \(agent) — case \(ordinal)", zh: "代办员 \(agent) — 第 \(ordinal) 件")
    }
    /// After a case of a proxy ticket's batch: the form is open again for the next applicant's case.
    public static func intakeBatchNext(_ taken: Bilingual, ordinal: Int) -> Bilingual {
        Bilingual(en: "Next: the agent's case \(ordinal), another applicant (Esc: done). \(taken.en)",
                  zh: "下一件：代办员的第 \(ordinal) 件，另一位申请人（Esc 结束）。\(taken.zh)")
    }
    public static let intakeSteps = [Bilingual(en: "Item", zh: "事项"), Bilingual(en: "Applicant", zh: "申请人"),
                                     Bilingual(en: "Materials", zh: "材料"), Bilingual(en: "Decision", zh: "决定")]
    public static func intakeItemLine(_ name: String, _ department: String) -> Bilingual {
        Bilingual(en: "Item: \(name) (\(department))", zh: "事项：\(name)（\(department)）")
    }

    // Step 1
    public static let intakeSearch = Bilingual(en: "Search (name, pinyin, code): ", zh: "搜索（名称、拼音、编码）：")
    public static func intakeResultCount(_ n: Int) -> Bilingual { Bilingual(en: "\(n) items", zh: "共 \(n) 项") }
    public static let intakeNoItem = Bilingual(en: "No item matches.", zh: "没有相符的事项。")
    public static func intakeItemSummary(_ materials: Int, _ core: Int) -> Bilingual {
        Bilingual(en: "\(materials) materials, \(core) of them core. Enter: this item.", zh: "材料 \(materials) 项，其中核心 \(core) 项。回车：选此事项。")
    }

    // Step 2
    public static let intakeApplicantKind = Bilingual(en: "Applicant: ", zh: "申请人类型：")
    public static let intakeRepresentative = Bilingual(en: "Represented: ", zh: "代理人：")
    public static let intakeKeyRepresentative = Bilingual(en: "Representative", zh: "代理人")
    public static let intakeHelpRepresentative = Bilingual(en: "Who acts for the applicant: in person, an authorised agent, a hall proxy agent",
                                                           zh: "代理人：本人办理、委托代理人或本厅代办员")
    public static let intakeHelpNextAgent = Bilingual(en: "The next of the hall's proxy agents", zh: "换下一位代办员")
    public static let intakeAgentName = Bilingual(en: "Agent", zh: "代理人姓名")
    public static let intakeAgentNumber = Bilingual(en: "Agent's ID", zh: "代理人身份证号")
    public static let intakeAuthorisation = Bilingual(en: "Authorised by", zh: "授权委托")
    public static let intakeNoAgents = Bilingual(en: "The hall has no proxy agents.", zh: "本厅没有代办员。")
    public static func intakeProxyAgent(_ id: String, _ name: String, of n: Int, _ count: Int) -> Bilingual {
        Bilingual(en: "Proxy agent: \(id) \(name) (\(n) of \(count); F4 next)", zh: "代办员：\(id) \(name)（\(n)/\(count)，F4 换人）")
    }
    public static let intakeResidentID = Bilingual(en: "Resident ID", zh: "身份证号")
    public static let intakeName = Bilingual(en: "Name", zh: "姓名")
    public static let intakePhone = Bilingual(en: "Phone", zh: "电话")
    public static let intakeCreditCode = Bilingual(en: "Credit code", zh: "统一社会信用代码")
    public static let intakeOrgName = Bilingual(en: "Name", zh: "名称")
    public static let intakeLegalRep = Bilingual(en: "Legal rep.", zh: "法定代表人")
    public static let intakeContact = Bilingual(en: "Contact", zh: "联系人及电话")
    public static let intakeRequired = Bilingual(en: "Required.", zh: "必填。")
    public static let intakeNumberInvalid = Bilingual(en: "The number is not valid.", zh: "号码无效。")
    public static let intakeNewApplicant = Bilingual(en: "New applicant: fill in the rest.", zh: "新申请人：请填写其余信息。")
    /// A known ID number typed with another name (`IntakeForm.renameConfirmed`).
    public static func intakeNameDiffers(stored: String, typed: String) -> Bilingual {
        // Short enough for the form's message row at 80 columns.
        Bilingual(en: "Known as \(stored), typed \(typed): check the ID; Enter again renames, or retype.",
                  zh: "登记名为“\(stored)”，所填“\(typed)”：核对证件后再按回车确认更名，或改回原名。")
    }
    public static func intakeKnownApplicant(_ name: String) -> Bilingual {
        Bilingual(en: "Known applicant \(name): details filled in from the last visit.", zh: "已登记的申请人 \(name)：已按上次办理填入。")
    }
    public static func intakeFlaggedApplicant(_ name: String) -> Bilingual {
        Bilingual(en: "\(name) is flagged for bad credit (失信): no acceptance with deficiency.", zh: "\(name) 已被列为失信主体：不能容缺受理。")
    }

    // Step 3
    public static let intakeMaterialKinds = [Bilingual(en: "core", zh: "核心"), Bilingual(en: "tol.", zh: "容缺")]
    public static let intakePossibleDecisions = Bilingual(en: "Decisions now:", zh: "当前可作的决定：")
    public static let intakePossible = Bilingual(en: "possible", zh: "可以")

    // Step 4 and on
    public static func intakeApplicantLine(_ name: String, _ masked: String) -> Bilingual {
        Bilingual(en: "Applicant: \(name)  \(masked)", zh: "申请人：\(name)  \(masked)")
    }
    public static let intakeSupplementDays = Bilingual(en: "Supplements within ", zh: "补齐期限：")
    public static let intakeSupplementDaysUnit = Bilingual(en: "working days ", zh: "个工作日")
    public static func intakeSupplementDaysNote(_ cap: Int) -> Bilingual {
        Bilingual(en: "(at most \(cap), not past the promised date); the applicant signs the commitment",
                  zh: "（最多 \(cap) 个，且不超过承诺时限）；申请人签署承诺书")
    }
    public static func intakeSupplementDaysRange(_ cap: Int) -> Bilingual {
        Bilingual(en: "Supplement days: 1 to \(cap).", zh: "补齐期限为 1 到 \(cap) 个工作日。")
    }
    public static let intakeRefusalReason = Bilingual(en: "Reason (Up/Down):", zh: "不予受理的理由（上下键选择）：")
    public static let intakeRefusalText = Bilingual(en: "Particulars: ", zh: "具体说明：")
    public static let intakeRefusalTextNeeded = Bilingual(en: "Write the refusal's particulars.", zh: "请写明不予受理的具体说明。")
    public static func intakeOutstanding(_ n: Int) -> Bilingual {
        Bilingual(en: "Materials not in (\(n)), all listed on the notice:", zh: "未齐材料（\(n) 项），均列入告知书：")
    }
    /// A material not in, on the particulars and the confirmation: "5 住所使用证明（有误：未盖章）".
    public static func intakeOutstandingRow(_ position: Int, _ name: String, _ mark: Bilingual, note: String) -> Bilingual {
        Bilingual(en: "\(position) \(name) (\(mark.en)\(note.isEmpty ? "" : ": " + note))",
                  zh: "\(position) \(name)（\(mark.zh)\(note.isEmpty ? "" : "：" + note)）")
    }
    public static func intakeRefusalLine(_ reason: Bilingual, _ text: String) -> Bilingual {
        Bilingual(en: "\(reason.en): \(text)", zh: "\(reason.zh)：\(text)")
    }
    public static func intakeDecisionLine(_ decision: Bilingual) -> Bilingual {
        Bilingual(en: "Decision: \(decision.en)", zh: "决定：\(decision.zh)")
    }
    public static func intakeSupplementLine(_ days: Int, promised: Bilingual) -> Bilingual {
        Bilingual(en: "Supplements within \(days) working days, and within the promised limit (\(promised.en))",
                  zh: "补齐期限：\(days) 个工作日，且不超过承诺时限（\(promised.zh)）")
    }
    public static func intakeConfirmHint(_ decision: IntakeDecisionKind) -> Bilingual {
        Bilingual(en: "Enter: record \"\(decision.label.en)\", print its documents. Esc: back.",
                  zh: "回车：确认“\(decision.label.zh)”并打印文书。Esc：返回修改。")
    }

    // Results in the window's status line
    public static func resultIntakeCase(_ number: String, _ decision: IntakeDecisionKind) -> Bilingual {
        // Short: the 容缺 supplement deadline and the representative follow it on the 80-column status row.
        Bilingual(en: "Case \(number): \(decision.label.en).", zh: "已\(decision.label.zh)：办件编号 \(number)。")
    }
    public static func resultIntakeRecorded(_ reference: String, _ decision: IntakeDecisionKind) -> Bilingual {
        Bilingual(en: "Recorded (\(decision.label.en)): \(reference).", zh: "已记录\(decision.label.zh)：登记号 \(reference)。")
    }
    /// "Received, checking": the day the decision is due by (else it counts as accepted, art. 32).
    public static func resultSupplementDue(_ date: String) -> Bilingual {
        Bilingual(en: " Supplements due \(date).", zh: "补齐截止 \(date)。")
    }
    public static let resultSupplementDueUnknown = Bilingual(en: " Supplement deadline told once the holiday schedule is loaded.",
                                                             zh: "补齐期限待节假日安排导入后告知。")
    public static func resultRepresentative(_ kind: Bilingual, _ name: String) -> Bilingual {
        Bilingual(en: " \(kind.en.prefix(1).uppercased() + kind.en.dropFirst()) \(name).", zh: "\(kind.zh) \(name)。")
    }
    public static func resultDecideBy(_ date: String) -> Bilingual {
        Bilingual(en: " Decide by \(date).", zh: "须于 \(date) 前决定。")
    }
    public static let helpDecidePending = Bilingual(en: "Decide my most urgent pending intake (materials received, checking)",
                                                    zh: "决定最紧迫的待决收件（材料已收，审查中）")
    public static let pendingNone = Bilingual(en: "No pending intakes to decide.", zh: "没有待决定的收件。")
    /// The intake form's note while it decides a pending intake.
    public static func pendingDeciding(_ reference: String) -> Bilingual {
        Bilingual(en: "Deciding \(reference): check the materials, then decide (within 5 working days of their arrival).",
                  zh: "决定 \(reference)：核对材料后作出决定（材料收到之日起 5 个工作日内）。")
    }
    /// The window screen's line of the clerk's "materials received, checking" intakes.
    public static func pendingIntakes(_ n: Int, dueToday: Int) -> Bilingual {
        dueToday == 0 ? Bilingual(en: "To decide: \(n) [d]", zh: "待决定 \(n) 件 [d]")
            : Bilingual(en: "To decide: \(n), \(dueToday) due today [d]", zh: "待决定 \(n) 件，\(dueToday) 件今日到期 [d]")
    }
    /// After the intake, while `print_command` runs in the background (the screen keeps answering keys).
    public static func resultDocumentsPrinting(_ n: Int) -> Bilingual {
        Bilingual(en: n == 1 ? " Printing 1 document…" : " Printing \(n) documents…", zh: "正在打印文书 \(n) 份…")
    }
    /// A decision's row cannot hold all its obstacles: how many more, and where they are listed in full.
    public static func intakeMoreObstaclesOnTab(_ n: Int) -> Bilingual { Bilingual(en: " (+\(n) more: Tab)", zh: "（另 \(n) 项，Tab 查看）") }
    public static func intakeMoreObstaclesBelow(_ n: Int) -> Bilingual { Bilingual(en: " (+\(n) more below)", zh: "（另 \(n) 项，见下）") }
    /// The heading of the selected decision's obstacles, listed in full under the decisions.
    public static func intakeObstaclesTo(_ decision: Bilingual) -> Bilingual {
        // The decision's label is quoted, never glued to a verb: "不能" + "材料已收，审查中" is no Chinese.
        Bilingual(en: "Why not “\(decision.en)”:", zh: "不能选“\(decision.zh)”，因为：")
    }
    /// The print command's outcome, when it is known (the status line).
    public static func printSent(_ n: Int) -> Bilingual {
        Bilingual(en: n == 1 ? " Sent to the printer: 1 document." : " Sent to the printer: \(n) documents.", zh: "已送打印：文书 \(n) 份。")
    }
    /// Printing failed: the command to reprint with (the case number or the intake's registration number) comes
    /// first, so an 80-column status line keeps it whole; the intake's facts and what the print command did follow.
    public static func printFailed(number: String) -> Bilingual {
        Bilingual(en: "Printing failed. Reprint: desk case document \(number).", zh: "打印失败。重印：desk case document \(number)。")
    }
    /// What the print command did, last on the failure's status line.
    public static func printFailure(_ error: PrintError) -> Bilingual {
        switch error {
        case .failed(let command, let status) where status < 0:
            Bilingual(en: " ('\(command)' could not be started.)", zh: "（“\(command)”无法启动。）")
        case .failed(let command, let status):
            Bilingual(en: " ('\(command)' exited with status \(status).)", zh: "（“\(command)”退出状态 \(status)。）")
        }
    }
    public static func printTimedOut(_ command: String) -> Bilingual {
        Bilingual(en: " ('\(command)' did not finish in time and was stopped.)", zh: "（“\(command)”超时未完成，已停止。）")
    }
    public static let resultDocumentsSaved = Bilingual(en: " Documents kept, not printed (no print_command).",
                                                       zh: "文书已保存，未打印（未设打印命令）。")
}
