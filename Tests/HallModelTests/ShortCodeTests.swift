import Testing
@testable import HallModel

/// The list's short codes: the shortest tail unique in the catalog, never shorter than the minimum.
@Suite struct ShortCodeTests {
    @Test func collidingItemNumbersGetTheTailThatTellsThemApart() {
        let codes = ["11510199MB1530000K4000010006", "11510199MB1532746G4000010006", "11510199MB153000XK4000010006",
                     "11510199MB1530000K4000010011"]
        let tails = ShortCode.tails(of: codes)
        // The last 10 characters are the same for the first three: they need the department's end too.
        #expect(tails == ["0K4000010006", "G4000010006", "XK4000010006", "010011"])
        #expect(Set(tails).count == codes.count)
        for (code, tail) in zip(codes, tails) { #expect(code.hasSuffix(tail)) }
    }

    @Test func neverShorterThanTheMinimumAndWholeWhenShort() {
        #expect(ShortCode.tails(of: ["AAAA1", "BBBBBBBBB2"]) == ["AAAA1", "BBBBB2"])
        #expect(ShortCode.tails(of: ["ABCDEFGH"], minimum: 3) == ["FGH"])
    }

    /// A code that is the tail of another is shown whole; the longer one shows one character more.
    @Test func aCodeThatEndsAnotherStaysDistinct() {
        let tails = ShortCode.tails(of: ["X1234567", "1234567"])
        #expect(tails == ["X1234567", "1234567"])
    }

    @Test func theDemoCatalogsShortCodesAreUniqueTails() {
        let codes = DemoCatalog.catalog.items.map(\.implementationCode)
        let tails = ShortCode.tails(of: codes)
        #expect(Set(tails).count == codes.count)
        #expect(tails.allSatisfy { $0.count >= ShortCode.minimumLength })
        // Unique as tails, not only as strings: no code ends with another item's short code.
        for (i, tail) in tails.enumerated() {
            #expect(codes.enumerated().allSatisfy { $0.offset == i || !$0.element.hasSuffix(tail) }, "\(tail)")
        }
        // The old fixed tail of 10 named eight items at once.
        #expect(codes.filter { $0.hasSuffix("4000010006") }.count > 1)
    }
}
