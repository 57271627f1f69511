import Testing
@testable import DeskTUI

@Suite struct CellGridTests {
    @Test func putReturnsNextColumnAndReadsNaturally() {
        var grid = CellGrid(size: Size(width: 12, height: 2))
        let next = grid.put("A001 窗口", x: 1, y: 0)
        #expect(next == 1 + 5 + 4)
        grid.put("3号", x: 0, y: 1, role: .highlight)
        #expect(grid.lines() == [" A001 窗口  ", "3号         "])
        #expect(grid[6, 0].width == 2)
        #expect(grid[7, 0].isContinuation)
        #expect(grid[1, 1].role == .highlight && grid[2, 1].isContinuation)
    }

    @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
        var grid = CellGrid(size: Size(width: 5, height: 1))
        let next = grid.put("ab中文", x: 0, y: 0, role: .title)
        // "ab" + 中 fill 4 columns; 文 needs 2 but only 1 is left.
        #expect(next == 5)
        #expect(grid.lines() == ["ab中 "])
        #expect(grid[4, 0].grapheme == " " && grid[4, 0].role == .title)
    }

    @Test func putStopsAtTheLimit() {
        var grid = CellGrid(size: Size(width: 10, height: 1))
        #expect(grid.put("中文中文", x: 0, y: 0, limit: 3) == 3)
        #expect(grid.lines() == ["中        "])
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(size: Size(width: 6, height: 1))
        grid.put("中文", x: 0, y: 0)
        grid.put("x", x: 1, y: 0) // right half of 中
        #expect(grid.lines() == [" x文  "])
        grid.put("y", x: 2, y: 0) // left half of 文
        #expect(grid.lines() == [" xy   "])
        #expect(!grid[3, 0].isContinuation)
    }

    @Test func controlsAreSkipped() {
        var grid = CellGrid(size: Size(width: 4, height: 1))
        grid.put("a\tb\n", x: 0, y: 0)
        #expect(grid.lines() == ["ab  "])
    }

    @Test func boxUsesASCIIInTheGridAndMarksLineCells() {
        var grid = CellGrid(size: Size(width: 10, height: 3))
        grid.box(grid.bounds, title: "叫号")
        #expect(grid.lines() == ["+ 叫号 --+", "|        |", "+--------+"])
        #expect(grid[0, 0].line == .topLeft)
        #expect(grid[9, 1].line == .vertical)
        #expect(grid[2, 0].role == .header)
    }

    @Test func fillAndPaint() {
        var grid = CellGrid(size: Size(width: 4, height: 2))
        grid.put("ab", x: 0, y: 1)
        grid.paint(Rect(x: 0, y: 1, width: 4, height: 1), role: .selected)
        #expect(grid.lines() == ["    ", "ab  "])
        #expect(grid.roles(y: 1, legend: [.selected: "S"]) == "SSSS")
        grid.fill(Rect(x: 2, y: 0, width: 9, height: 9), role: .danger, grapheme: "x")
        #expect(grid.lines() == ["  xx", "abxx"])
    }

    @Test func putInRectAligns() {
        var grid = CellGrid(size: Size(width: 8, height: 1))
        grid.put("中心", in: Rect(x: 1, y: 0, width: 6, height: 1), role: .title, alignment: .right)
        #expect(grid.lines() == ["   中心 "])
        #expect(grid.roles(y: 0, legend: [.title: "T"]) == ".TTTTTT.")
    }

    @Test func layoutSplitsCoverTheWhole() {
        let rows = Rect(x: 0, y: 0, width: 80, height: 24).splitRows([.fixed(1), .fill(), .fixed(1)])
        #expect(rows.map(\.height) == [1, 22, 1])
        #expect(rows[2].y == 23)
        let cols = Rect(x: 2, y: 0, width: 10, height: 1).splitColumns([.fill(1), .fill(2)])
        #expect(cols.map(\.width) == [3, 7])
        #expect(cols[1].x == 5)
        let tight = Rect(x: 0, y: 0, width: 3, height: 3).splitRows([.fixed(2), .fixed(2), .fill()])
        #expect(tight.map(\.height) == [2, 1, 0])
    }
}
