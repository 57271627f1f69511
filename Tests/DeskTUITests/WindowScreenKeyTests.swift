import Foundation
import HallModel
import Queue
import Testing
@testable import DeskTUI

/// Keys → mode and effects, without a terminal or a database.
@Suite struct WindowScreenKeyTests {
    typealias E = WindowScreen.Effect

    func press(_ keys: [Key], on view: WindowView = WindowFixture.view()) -> (WindowScreen, [E]) {
        var screen = WindowScreen(view: view)
        var effects: [E] = []
        for key in keys { effects += screen.handle(key) }
        return (screen, effects)
    }

    @Test(arguments: [
        (Key.char("n"), E.callNext), (.f(2), .callNext), (.char("r"), .recall), (.f(3), .recall), (.char("s"), .start), (.f(4), .start),
        (.char("f"), .finish), (.f(5), .finish), (.char("x"), .noShow), (.f(6), .noShow), (.char("h"), .hold), (.f(8), .hold),
    ])
    func actionKeysAreOneEffectEach(key: Key, effect: E) {
        let (screen, effects) = press([key])
        #expect(effects == [effect])
        #expect(screen.mode == .main)
    }

    /// q/F10 quit and o signs out at once when nobody is at the window; with a ticket at the window they
    /// first ask what becomes of it (finish, hold or requeue), then quit or sign out.
    @Test(arguments: [(Key.char("q"), E.quit, true), (.f(10), .quit, true), (.char("o"), .signOut, false)])
    func leavingKeys(key: Key, effect: E, quitting: Bool) {
        let (idle, now) = press([key], on: WindowFixture.view(current: false))
        #expect(now == [effect])
        #expect(idle.mode == .main)
        var (busy, asked) = press([key])
        #expect(asked.isEmpty)
        #expect(busy.mode == .confirmLeave(quitting: quitting))
        #expect(busy.handle(.char("f")).isEmpty) // A004 is only called: it cannot be finished
        #expect(busy.handle(.char("u")) == [.requeue, effect])
        #expect(busy.mode == .main)
        var servingView = WindowFixture.view()
        servingView.current = WindowFixture.ticket("A004", WindowFixture.lineA, .elderly, state: .serving, issued: "09:10", called: "09:22",
                                                   started: "09:25", calls: 2)
        var (serving, _) = press([key], on: servingView)
        #expect(serving.handle(.char("u")).isEmpty) // a ticket being served is not sent back
        #expect(serving.handle(.char("f")) == [.finish, effect])
        var (holding, _) = press([key])
        #expect(holding.handle(.char("h")) == [.hold, effect])
    }

    @Test func otherKeysDoNothing() {
        let (screen, effects) = press([.char("z"), .escape, .up, .enter, .f(12)])
        #expect(effects.isEmpty)
        #expect(screen.mode == .main)
    }

    @Test func transferPicksALineThenThePlacement() {
        var (screen, effects) = press([.char("t")])
        #expect(screen.mode == .transferLine(selected: 0))
        #expect(screen.transferTargets.map(\.prefix) == ["B", "D"]) // not A, the ticket's own line
        effects += screen.handle(.down)
        effects += screen.handle(.enter)
        #expect(screen.mode == .transferPlacement(line: "D", selected: 0))
        effects += screen.handle(.char("2"))
        #expect(effects == [.transfer(line: "D", placement: .front)])
        #expect(screen.mode == .main)

        let (_, viaFKey) = press([.f(7), .char("1"), .up, .enter])
        #expect(viaFKey == [.transfer(line: "B", placement: .back)]) // Up from the first wraps to the last
    }

    @Test func escapeCancelsEveryPickerEntryAndOverlay() {
        let openers: [[Key]] = [[.char("t")], [.char("t"), .enter], [.char("b")], [.char("p")], [.char("p"), .char("4")],
                                [.char("c"), .char("a")], [.char("o")], [.char("?")], [.f(1)]]
        for keys in openers {
            var (screen, effects) = press(keys)
            #expect(screen.mode != .main, "\(keys)")
            effects += screen.handle(.escape)
            #expect(screen.mode == .main, "\(keys)")
            #expect(effects.isEmpty, "\(keys)")
        }
    }

    @Test func transferWithoutACurrentTicketSaysSo() {
        let (screen, effects) = press([.char("t")], on: WindowFixture.view(current: false))
        #expect(effects.isEmpty)
        #expect(screen.mode == .main)
        #expect(screen.status == .init(QueueError.noActiveTicket(window: 1).message, isError: true))
    }

    @Test func holdKeyOpensTheHeldListWhenNobodyIsAtTheWindow() {
        var (screen, effects) = press([.char("h")], on: WindowFixture.view(current: false))
        #expect(screen.mode == .heldList(selected: 0))
        effects += screen.handle(.enter)
        #expect(effects == [.callBack(code: "A003")])
        // With nothing held either, the key asks the engine, which refuses with its own message.
        #expect(press([.f(8)], on: WindowFixture.view(current: false, held: false)).1 == [.hold])
        let (empty, none) = press([.char("b")], on: WindowFixture.view(held: false))
        #expect(none.isEmpty)
        #expect(empty.status?.message == UIText.nothingHeld)
    }

    @Test func pauseOffersReasonsAndTypedText() {
        #expect(press([.char("p"), .enter]).1 == [.pause(reason: "午休")])
        #expect(press([.f(9), .char("3")]).1 == [.pause(reason: "系统故障")])
        var (screen, effects) = press([.char("p"), .end, .enter])
        #expect(screen.mode == .pauseOther(text: ""))
        effects += screen.handle(.enter) // blank: not sent
        for c in "培训 x" { effects += screen.handle(.char(c)) }
        effects += screen.handle(.backspace)
        effects += screen.handle(.enter)
        #expect(effects == [.pause(reason: "培训")])
        #expect(press([.char("p")], on: WindowFixture.view(state: .paused, pauseReason: "午休")).1 == [.resume])
        let (closed, refused) = press([.char("p")], on: WindowFixture.view(state: .closed, current: false))
        #expect(refused.isEmpty)
        #expect(closed.status?.isError == true)
    }

    @Test func callSpecificTakesACode() {
        var (screen, effects) = press([.char("c")])
        for c in "a0-1 2" { effects += screen.handle(.char(c)) }
        #expect(screen.mode == .callCode(text: "A012"))
        effects += screen.handle(.char("q")) // typed, not quit
        effects += screen.handle(.backspace)
        effects += screen.handle(.enter)
        #expect(effects == [.callSpecific(code: "A012")])
        #expect(screen.mode == .main)
    }

    /// The sign-in form (shown while nobody is signed in): staff number, Enter, password, Enter. The model
    /// leaves the form once the sign-in succeeds.
    @Test func signInTakesAStaffIDAndPassword() {
        var screen = WindowScreen(view: WindowFixture.view(state: .closed, current: false), mode: .signIn(SignInForm()))
        var effects: [E] = []
        for c in "s02" { effects += screen.handle(.char(c)) }
        effects += screen.handle(.enter)
        #expect(effects.isEmpty)
        #expect(screen.mode == .signIn(SignInForm(staff: "S02", focus: .password)))
        effects += screen.handle(.enter) // no password yet: not sent
        for c in "demo-S02" { effects += screen.handle(.char(c)) }
        effects += screen.handle(.enter)
        #expect(effects == [.signIn(staff: "S02", password: "demo-S02")])
        // The bound account's own number needs no password.
        var bound = WindowScreen(view: WindowFixture.view(state: .closed, current: false), mode: .signIn(SignInForm()))
        bound.boundStaffID = "S01"
        for c in "S01" { _ = bound.handle(.char(c)) }
        #expect(bound.handle(.enter) == [.signIn(staff: "S01", password: "")])
    }

    @Test func helpClosesWithEscapeOrQuestionMark() {
        var (screen, effects) = press([.char("?")])
        #expect(screen.mode == .help)
        effects += screen.handle(.char("n")) // not acted on behind the overlay
        effects += screen.handle(.char("?"))
        #expect(screen.mode == .main)
        #expect(effects.isEmpty)
    }

    @Test func aKeyClearsTheLastStatus() {
        var screen = WindowScreen(view: WindowFixture.view(), status: .init(UIText.resultPaused))
        _ = screen.handle(.char("n"))
        #expect(screen.status == nil)
    }
}
