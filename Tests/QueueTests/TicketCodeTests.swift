import Testing
@testable import Queue

@Suite struct TicketCodeTests {
    @Test(arguments: [(1, "A001"), (12, "A012"), (999, "A999"), (1000, "A1000"), (12345, "A12345")])
    func formatsWithAtLeastThreeDigits(sequence: Int, expected: String) {
        #expect(TicketCode.format(prefix: "A", sequence: sequence) == expected)
    }

    @Test func parsesWhatItFormats() {
        for n in [1, 99, 999, 1000, 4321] {
            let code = TicketCode.format(prefix: "BC", sequence: n)
            #expect(TicketCode.parse(code)?.prefix == "BC")
            #expect(TicketCode.parse(code)?.sequence == n)
        }
        #expect(TicketCode.parse("a012")?.sequence == 12)
        #expect(TicketCode.parse("A12") == nil)
        #expect(TicketCode.parse("ABC001") == nil)
        #expect(TicketCode.parse("A000") == nil)
        #expect(TicketCode.parse("001") == nil)
    }

    @Test func prefixesAreOneOrTwoLettersWithoutIOrO() throws {
        #expect(try TicketCode.validatePrefix("a") == "A")
        #expect(try TicketCode.validatePrefix("Bc") == "BC")
        for bad in ["", "ABC", "I", "O", "AO", "1", "A1", "中"] {
            #expect(throws: QueueError.invalidPrefix(bad)) { try TicketCode.validatePrefix(bad) }
        }
    }
}
