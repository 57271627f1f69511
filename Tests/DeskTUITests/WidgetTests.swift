import Foundation
import Queue
import Testing
@testable import DeskTUI

/// The shared widgets: keys → state, and what they draw on a grid.
@Suite struct ListStateTests {
    @Test func movesAndKeepsTheSelectionInView() {
        var list = ListState(count: 30, pageSize: 5)
        #expect(list.handle(.up) == .unchanged)
        #expect(list.handle(.down) == .moved)
        #expect(list.selected == 1 && list.offset == 0)
        #expect(list.handle(.pageDown) == .moved)
        #expect(list.selected == 6 && list.offset == 2)
        #expect(list.visibleRange == 2..<7)
        #expect(list.handle(.end) == .moved)
        #expect(list.selected == 29 && list.offset == 25)
        #expect(list.handle(.pageUp) == .moved)
        #expect(list.selected == 24 && list.offset == 24)
        #expect(list.handle(.home) == .moved)
        #expect(list.selected == 0 && list.offset == 0)
        #expect(list.handle(.enter) == .chosen(0))
        #expect(list.handle(.char("j")) == .ignored)
        #expect(list.handle(.char("j"), vimKeys: true) == .moved)
    }

    @Test func wrapsWhenAskedAndSurvivesShrinking() {
        var list = ListState(count: 3, pageSize: 5, wraps: true)
        #expect(list.handle(.up) == .moved)
        #expect(list.selected == 2)
        list.setCount(1)
        #expect(list.selected == 0)
        list.setCount(0)
        #expect(list.handle(.enter) == .unchanged)
        #expect(list.visibleRange.isEmpty)
    }
}

@Suite struct TextFieldTests {
    @Test func editsAtTheCursorByGrapheme() {
        var field = TextField(maxLength: 10)
        for c in "办事大厅" { _ = field.handle(.char(c)) }
        #expect(field.handle(.left) == .edited)
        #expect(field.handle(.left) == .edited)
        #expect(field.handle(.char("x")) == .edited)
        #expect(field.text == "办事x大厅")
        #expect(field.handle(.backspace) == .edited)
        #expect(field.handle(.delete) == .edited)
        #expect(field.text == "办事厅")
        #expect(field.handle(.home) == .edited)
        #expect(field.handle(.left) == .ignored)
        #expect(field.handle(.backspace) == .ignored)
        #expect(field.handle(.end) == .edited)
        #expect(field.cursor == 3)
        #expect(field.handle(.enter) == .submitted("办事厅"))
        #expect(field.handle(.escape) == .cancelled)
        #expect(field.handle(.tab) == .ignored)
    }

    @Test func keepsToItsLengthAndKind() {
        var code = TextField(maxLength: 4, allowed: .code)
        for c in "a0-1b2" { _ = code.handle(.char(c)) }
        #expect(code.text == "A01B")
        #expect(code.handle(.char("c")) == .ignored)
        var blank = TextField()
        _ = blank.handle(.char(" "))
        #expect(blank.handle(.enter) == .ignored)
    }

    @Test func scrollsToTheCursorAndMasks() {
        var grid = CellGrid(size: Size(width: 8, height: 1))
        let long = TextField("综合受理窗口ABC")
        long.render(into: &grid, rect: Rect(x: 0, y: 0, width: 8, height: 1), focused: true)
        #expect(grid.lines()[0] == "窗口ABC_")
        var start = long
        _ = start.handle(.home)
        grid = CellGrid(size: Size(width: 8, height: 1))
        start.render(into: &grid, rect: Rect(x: 0, y: 0, width: 8, height: 1), focused: true)
        #expect(grid.lines()[0] == "综合受理")
        #expect(grid.roles(y: 0, legend: [.selected: "S", .focused: "F"]) == "SSFFFFFF")
        grid = CellGrid(size: Size(width: 8, height: 1))
        TextField("秘密pw", masked: true).render(into: &grid, rect: Rect(x: 0, y: 0, width: 8, height: 1), focused: false)
        #expect(grid.lines()[0] == "****    ")
    }
}

@Suite struct PickerTests {
    enum Reason: Sendable, Equatable { case lunch, meeting, other }

    @Test func digitsEnterAndEscape() {
        var picker = Picker(title: "原因", options: [("午休", Reason.lunch), ("会议", .meeting), ("其他", .other)])
        #expect(picker.handle(.char("2")) == .chosen(.meeting))
        #expect(picker.handle(.up) == .moved)
        #expect(picker.selectedValue == .other)
        #expect(picker.handle(.tab) == .moved)
        #expect(picker.handle(.enter) == .chosen(.lunch))
        #expect(picker.handle(.char("9")) == .ignored)
        #expect(picker.handle(.escape) == .cancelled)
    }

    @Test func drawsNumberedRowsAndTheHint() {
        var picker = Picker(title: "原因", options: [("午休", Reason.lunch), ("会议", .meeting)])
        _ = picker.handle(.down)
        var grid = CellGrid(size: Size(width: 40, height: 8))
        picker.render(into: &grid, over: grid.bounds, hint: "回车 确定")
        let lines = grid.lines()
        #expect(lines[3].contains(" 1  午休"))
        #expect(lines[4].contains(" 2  会议"))
        #expect(lines[5].contains("回车 确定"))
        #expect(grid.roles(y: 4, legend: [.selected: "S"]).contains("SSSS"))
    }
}

/// The intake form's material marks, as the next issue will use them.
enum MaterialMark: String, ChecklistMark {
    case provided, missing, defective, corrected
    func label(_ language: Language) -> String {
        switch self {
        case .provided: language == .zh ? "已提供" : "provided"
        case .missing: language == .zh ? "缺" : "missing"
        case .defective: language == .zh ? "有误" : "defective"
        case .corrected: language == .zh ? "已补正" : "corrected"
        }
    }
    var role: StyleRole { self == .provided || self == .corrected ? .ok : .danger }
}

@Suite struct ChecklistTests {
    @Test func spaceCyclesTheMarksAndEnterEditsTheNote() {
        var list = Checklist<MaterialMark>(labels: ["营业执照", "身份证明"])
        #expect(list.rows.map(\.mark) == [.provided, .provided])
        for _ in 0..<3 { #expect(list.handle(.char(" ")) == .changed) }
        #expect(list.rows[0].mark == .corrected)
        #expect(list.handle(.char(" ")) == .changed)
        #expect(list.rows[0].mark == .provided)
        #expect(list.handle(.down) == .moved)
        #expect(list.handle(.char(" ")) == .changed)
        #expect(list.handle(.enter) == .editing)
        for c in "复印件" { #expect(list.handle(.char(c)) == .editing) }
        #expect(list.handle(.char(" ")) == .editing) // a space in the note, not a mark
        #expect(list.handle(.enter) == .changed)
        #expect(list.rows[1] == .init(label: "身份证明", mark: .missing, note: "复印件"))
        #expect(list.handle(.enter) == .editing)
        _ = list.handle(.backspace)
        #expect(list.handle(.escape) == .editing) // closes the editor, drops the change
        #expect(list.noteEditor == nil && list.rows[1].note == "复印件")
    }

    @Test func drawsLabelMarkAndNote() {
        var list = Checklist<MaterialMark>(rows: [.init(label: "营业执照", mark: .provided), .init(label: "身份证明", mark: .missing, note: "原件")])
        _ = list.handle(.down)
        var grid = CellGrid(size: Size(width: 30, height: 2))
        list.render(into: &grid, rect: grid.bounds, language: .en)
        #expect(grid.lines() == ["营业执照  provided   ", "身份证明  missing    原件      "].map { TextFitting.pad($0, to: 30) })
        #expect(grid.roles(y: 1, legend: [.selected: "S", .danger: "D"]).hasPrefix("SSSSSSSSS.DDDDDDD"))
    }
}

@Suite struct FormTests {
    enum Field: Sendable, Hashable { case staff, password }

    func signIn() -> Form<Field> {
        Form(fields: [.init(id: .staff, label: UIText.fieldStaffNumber, input: TextField(maxLength: 16, allowed: .identifier)),
                      .init(id: .password, label: UIText.fieldPassword, input: TextField(masked: true))])
    }

    @Test func tabEnterAndErrors() {
        var form = signIn()
        #expect(form.handle(.char("c")) == .edited)
        #expect(form.handle(.enter) == .moved)
        #expect(form.focus == .password)
        #expect(form.handle(.char("x")) == .edited)
        form.setError(UIText.wrongPassword, for: .password)
        #expect(form.handle(.backTab) == .moved)
        #expect(form.focus == .staff)
        #expect(form.handle(.tab) == .moved)
        #expect(form.handle(.enter) == .submitted)
        #expect(form.text(.staff) == "C" && form.text(.password) == "x")
        #expect(form.fields[1].error == UIText.wrongPassword)
        #expect(form.handle(.backspace) == .edited)
        #expect(form.fields[1].error == nil) // editing the field clears its error
        #expect(form.handle(.escape) == .cancelled)
    }

    @Test func drawsLabelsFieldsAndErrors() {
        var form = signIn()
        _ = form.handle(.char("c"))
        form.setError(UIText.wrongPassword, for: .staff)
        var grid = CellGrid(size: Size(width: 40, height: 4))
        form.render(into: &grid, rect: grid.bounds, language: .zh)
        let lines = grid.lines()
        #expect(lines[0].hasPrefix("工号") && lines[0].contains("C_"))
        #expect(lines[1].contains(UIText.wrongPassword.zh))
        #expect(lines[2].hasPrefix("密码"))
    }
}

@Suite struct ScrollingListTests {
    @Test func slashFiltersAndEscapeClears() {
        var list = ScrollingList(filterMode: .startedBy("/"), filterAllowed: .code, pageSize: 3)
        list.setRows(["A001", "A012", "B001", "A010", "C011"])
        #expect(list.handle(.char("n")) == .ignored) // a command key stays the screen's
        #expect(list.handle(.end) == .moved)
        #expect(list.selectedRow == 4)
        #expect(list.handle(.char("/")) == .filtered)
        #expect(list.handle(.char("a")) == .filtered)
        #expect(list.handle(.char("0")) == .filtered)
        #expect(list.handle(.char("1")) == .filtered)
        #expect(list.visible == [1, 3])
        #expect(list.query == "A01")
        #expect(list.handle(.enter) == .filtered)
        #expect(!list.isTypingFilter && list.isFiltered)
        #expect(list.handle(.down) == .moved)
        #expect(list.selectedRow == 3)
        list.setRows(["A010", "A011", "B001"]) // a reload: the filter and the selected row stay
        #expect(list.visible == [0, 1] && list.selectedRow == 0)
        #expect(list.handle(.escape) == .filtered)
        #expect(list.visible == [0, 1, 2] && list.selectedRow == 0)
    }

    @Test func rendersTheRowsInViewAndCountsTheRest() {
        var list = ScrollingList(pageSize: 2)
        list.setRows((1...6).map { "A00\($0)" })
        _ = list.handle(.pageDown)
        var drawn: [(Int, Bool)] = []
        let rest = list.render(rect: Rect(x: 0, y: 0, width: 10, height: 2)) { row, _, selected in drawn.append((row, selected)) }
        #expect(drawn.map(\.0) == [1, 2] && drawn.map(\.1) == [false, true])
        #expect(rest.above == 1 && rest.below == 3)
    }
}
