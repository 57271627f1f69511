import Testing
import Queue

@Suite struct PrintableTextTests {
    @Test func controlsAreShownEscapedLineFeedsKept() {
        #expect(PrintableText.escapingControls("a\u{1B}[2J\u{1B}]0;t\u{07}b\nc\u{0}\u{9B}") == "a\\x1B[2J\\x1B]0;t\\x07b\nc\\x00\\x9B")
        #expect(PrintableText.escapingControls("x\r\ny", keeping: ["\n", "\r"]) == "x\r\ny")
        #expect(PrintableText.escapingControls("食品经营许可") == "食品经营许可")
    }

    @Test func excerptsAreBoundedAndOnOneLine() {
        #expect(PrintableText.excerpt(String(repeating: "许", count: 500_000)) == String(repeating: "许", count: 40) + "…")
        #expect(PrintableText.excerpt("a\nb") == "a\\x0Ab")
        #expect(PrintableText.excerpt("short") == "short")
    }

    @Test func aListingShowsControlsAsOneCharacter() {
        #expect(PrintableText.replacingControls("note\u{1B}[2J\u{9B}x\n", with: "?") == "note?[2J?x?")
        #expect(PrintableText.replacingControls("午休", with: "?") == "午休")
    }
}

@Suite struct PrintableJSONTests {
    @Test func c1ControlsInJSONAreEscapedAsUnicode() {
        #expect(PrintableText.jsonEscapingControls("{\"a\":\"x\u{9B}2J\u{7F}\"}") == "{\"a\":\"x\\u009b2J\\u007f\"}")
        #expect(PrintableText.jsonEscapingControls("{\"a\":\"许\"}") == "{\"a\":\"许\"}")
    }
}
