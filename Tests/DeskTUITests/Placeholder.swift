import Testing
@Test func placeholderDeskTUITests() { #expect(1 + 1 == 2) }
