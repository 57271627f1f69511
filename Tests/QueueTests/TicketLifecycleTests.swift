import Testing
@testable import Queue

@Suite struct TicketLifecycleTests {
    /// The whole table of allowed transitions; everything not listed must be refused.
    static let allowed: [TicketAction: [TicketState: TicketState]] = [
        .call: [.waiting: .called],
        .recall: [.called: .called],
        .start: [.called: .serving],
        .finish: [.serving: .finished],
        .noShow: [.called: .noShow],
        .hold: [.called: .held, .serving: .held],
        .resume: [.held: .called],
        .transfer: [.called: .waiting, .serving: .waiting, .held: .waiting],
        .cancel: [.waiting: .cancelled, .called: .cancelled, .held: .cancelled],
        .requeue: [.called: .waiting, .held: .waiting],
        .dayClose: [.waiting: .unserved, .called: .unserved, .serving: .unserved, .held: .unserved],
        .reopen: [.cancelled: .waiting, .noShow: .waiting, .unserved: .waiting],
        .move: [.waiting: .waiting, .held: .waiting],
    ]

    @Test(arguments: TicketAction.allCases)
    func everyTransitionMatchesTheTable(action: TicketAction) {
        for state in TicketState.allCases {
            #expect(TicketLifecycle.next(from: state, on: action) == Self.allowed[action]?[state],
                    "\(action) from \(state)")
        }
    }

    @Test func refusalsNameTheTicketStateAndAction() {
        #expect(throws: QueueError.illegalTransition(code: "A001", from: .finished, action: .recall)) {
            try TicketLifecycle.apply(.recall, to: .finished, code: "A001")
        }
        let message = QueueError.illegalTransition(code: "A001", from: .waiting, action: .finish).message
        #expect(message.en.contains("A001") && message.en.contains("waiting"))
        #expect(message.zh.contains("A001") && message.zh.contains("等候中"))
    }

    /// Closed states take no action but a supervisor's reopen; a finished ticket takes none at all.
    @Test func closedStatesAreFinal() {
        for state in [TicketState.finished, .noShow, .cancelled, .unserved] {
            for action in TicketAction.allCases where action != .reopen {
                #expect(TicketLifecycle.next(from: state, on: action) == nil, "\(action) from \(state)")
            }
        }
        #expect(TicketLifecycle.next(from: .finished, on: .reopen) == nil)
    }
}
