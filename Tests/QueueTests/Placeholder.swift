import Testing
@Test func placeholderQueueTests() { #expect(1 + 1 == 2) }
