import Testing
@testable import DeskTUI

@Suite struct BigTextTests {
    @Test func rendersAKnownGlyph() {
        var grid = CellGrid(size: Size(width: 8, height: 5))
        let next = BigText.render("1", into: &grid, x: 1, y: 0)
        #expect(next == 7)
        #expect(grid.lines(marking: .bigDigit) == [
            "   ##   ",
            " ####   ",
            "   ##   ",
            "   ##   ",
            " ###### ",
        ])
        #expect(grid[3, 0].grapheme == " ") // reverse-video spaces, no block characters
    }

    @Test func widthMatchesRendering() {
        var grid = CellGrid(size: Size(width: 80, height: 10))
        let end = BigText.render("A1000", into: &grid, x: 0, y: 0, scale: 2)
        #expect(end == BigText.width(of: "A1000", scale: 2))
        #expect(BigText.width(of: "A1") == (3 + 1 + 3) * 2)
        #expect(BigText.width(of: "M") == 10)
        #expect(BigText.height(scale: 2) == 10)
    }

    @Test func ticketPrefixesAreCovered() {
        let letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        #expect(BigText.canRender(letters + "0123456789"))
        #expect(!BigText.canRender("O"))
        #expect(BigText.glyphs.values.allSatisfy { rows in rows.count == 5 && Set(rows.map(\.count)).count == 1 })
    }
}
