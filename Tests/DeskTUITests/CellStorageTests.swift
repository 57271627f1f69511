import Testing
@testable import DeskTUI

/// The frame's fast paths keep what the grid shows: cells store graphemes inline (long ones by number),
/// `put` takes ASCII without grapheme breaking, and a padded field is written in place.
@Suite struct CellStorageTests {
    @Test func graphemesOfEveryLengthComeBackAsTheyWent() {
        let family = "👨\u{200D}👩\u{200D}👧"  // 18 bytes: stored by number
        for grapheme in [" ", "A", "中", "e\u{301}", "🇨🇳", family, ""] {
            let cell = Cell(grapheme: grapheme, width: 1, role: .normal)
            #expect(cell.grapheme == grapheme)
            #expect(cell == Cell(grapheme: grapheme, width: 1, role: .normal))
        }
        #expect(Cell(grapheme: family, width: 2, role: .ok) != Cell(grapheme: "👨\u{200D}👩\u{200D}👦", width: 2, role: .ok))
        #expect(Cell(grapheme: "A", width: 1, role: .ok) != Cell(grapheme: "A", width: 1, role: .danger))
        #expect(Cell.blank(.title) == Cell(grapheme: " ", width: 1, role: .title))
    }

    @Test func asciiFollowedByACombiningMarkIsOneGrapheme() {
        var grid = CellGrid(size: Size(width: 8, height: 1))
        #expect(grid.put("ae\u{301}b\r\nc", x: 0, y: 0) == 4)
        #expect(grid[1, 0].grapheme == "e\u{301}" && grid[2, 0].grapheme == "b" && grid[3, 0].grapheme == "c")
        #expect(DisplayWidth.of("ab\tc\r\n") == 3)
        #expect(DisplayWidth.of("ae\u{301}中") == 4)
    }

    @Test func aFieldWrittenInPlaceMatchesThePaddedString() {
        for (text, width, alignment, marker, x, limit) in [
            ("A 综合受理", 12, Alignment.left, "~", 1, nil as Int?), ("Business start-up", 10, .left, "~", 0, nil),
            ("18分", 6, .right, "", 3, nil), ("中文", 5, .center, "", -1, nil), ("中文中文", 9, .left, "", 2, 7),
            ("abc", 4, .right, "", 18, nil), ("", 0, .left, "~", 0, nil),
        ] {
            var padded = CellGrid(size: Size(width: 20, height: 1))
            var inPlace = padded
            let a = padded.put(TextFitting.pad(text, to: width, alignment: alignment, marker: marker), x: x, y: 0, role: .ok, limit: limit)
            let b = inPlace.put(text, x: x, y: 0, width: width, role: .ok, alignment: alignment, marker: marker, limit: limit)
            #expect(a == b, "\(text)")
            #expect(padded == inPlace, "\(text)")
        }
    }
}
