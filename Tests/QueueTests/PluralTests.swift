import Testing
@testable import Queue

/// English counts: "1 time", "2 times", never "1 time(s)".
@Suite struct PluralTests {
    @Test func oneIsSingularEverythingElsePlural() {
        #expect(Plural.english(1, "time") == "1 time")
        #expect(Plural.english(0, "window") == "0 windows")
        #expect(Plural.english(2, "copy", "copies") == "2 copies")
        #expect(Plural.english(1, "copy", "copies") == "1 copy")
    }

    @Test func queueMessagesCountInTheRightNumber() {
        let one = QueueError.tooFewCallsForNoShow(code: "A001", calls: 1, required: 2).message.en
        #expect(one == "Ticket A001 has been called 1 time; call it 2 times before marking a no-show.", "\(one)")
        #expect(!one.contains("(s)"))
        #expect(QueueError.dailyCapReached(line: "A", cap: 1).message.en.hasSuffix("limit of 1 ticket."))
    }
}
