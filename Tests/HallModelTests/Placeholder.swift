import Testing
@Test func placeholderHallModelTests() { #expect(1 + 1 == 2) }
