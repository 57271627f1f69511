import Testing
@testable import DeskTUI

@Suite struct GridDiffTests {
    @Test func onlyChangedRunsAreReported() {
        var old = CellGrid(size: Size(width: 10, height: 3))
        old.put("A001", x: 0, y: 0)
        old.put("waiting", x: 0, y: 2)
        var new = old
        new.put("A002", x: 0, y: 0)
        new.put("ok", x: 8, y: 2, role: .ok)
        let runs = GridDiff.runs(from: old, to: new)
        #expect(runs == [
            GridRun(x: 3, y: 0, role: .normal, cells: [Cell(grapheme: "2", width: 1, role: .normal)]),
            GridRun(x: 8, y: 2, role: .ok, cells: [Cell(grapheme: "o", width: 1, role: .ok), Cell(grapheme: "k", width: 1, role: .ok)]),
        ])
    }

    @Test func identicalGridsHaveNoRuns() {
        var grid = CellGrid(size: Size(width: 5, height: 2))
        grid.put("中文", x: 0, y: 1)
        #expect(GridDiff.runs(from: grid, to: grid).isEmpty)
    }

    @Test func sizeChangeRedrawsEverything() {
        let old = CellGrid(size: Size(width: 4, height: 2))
        let new = CellGrid(size: Size(width: 5, height: 2))
        let runs = GridDiff.runs(from: old, to: new)
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0.x == 0 && $0.width == 5 })
        #expect(GridDiff.runs(from: nil, to: new).count == 2)
    }

    @Test func runsSplitByRoleAndKeepWideCharactersWhole() {
        var old = CellGrid(size: Size(width: 8, height: 1))
        old.put("窗口", x: 0, y: 0)
        var new = old
        new.put("号", x: 2, y: 0)           // replaces 口 (x 2–3)
        new.put("!", x: 4, y: 0, role: .danger)
        let runs = GridDiff.runs(from: old, to: new)
        #expect(runs.map(\.text) == ["号", "!"])
        #expect(runs.map(\.x) == [2, 4])
        #expect(runs[0].width == 2)
    }
}
