import CNcursesw
import Foundation

/// The real terminal, through ncursesw. Only one may be open at a time (ncurses has one current
/// screen). Open it with `CursesTerminal.run { terminal in … }`, which restores the terminal on
/// return and on throw; SIGINT, SIGTERM, SIGHUP and `exit()` restore it too.
public final class CursesTerminal: TerminalBackend {
    public let theme: Theme
    /// False on terminals without colour and when `NO_COLOR` is set: attributes only.
    public let usesColour: Bool
    private var screen: OpaquePointer?
    private var previous: CellGrid?
    private var looks: [StyleRole: (attributes: attr_t, pair: Int16)] = [:]
    /// Consecutive reads that failed long before their timeout: input is gone (see `readKey`).
    private var instantFailures = 0

    /// Opens the terminal, restores it when `body` returns or throws.
    public static func run<R>(theme: Theme, environment: [String: String] = ProcessInfo.processInfo.environment,
                              _ body: (CursesTerminal) throws -> R) throws -> R {
        let terminal = try CursesTerminal(theme: theme, environment: environment)
        defer { terminal.close() }
        return try body(terminal)
    }

    public init(theme: Theme, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.theme = theme
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.termUnset }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        try Self.ensureUTF8Locale()

        desk_install_signal_handlers()
        Self.registerAtExitOnce()
        // newterm, unlike initscr, returns NULL for an unknown TERM instead of exiting.
        guard let screen = desk_newterm() else { throw TerminalError.unknownTerminal(term) }
        // TERM=dumb and printing terminals: ncurses opens them but cannot place anything on the screen.
        guard desk_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw TerminalError.cannotAddressCursor(term)
        }
        self.screen = screen

        cbreak()
        // Ctrl-Q is a key of the screens, not XON: flow control off (Ctrl-C stays SIGINT); endwin restores it.
        _ = desk_disable_flow_control()
        noecho()
        nonl()
        _ = desk_keypad()
        desk_define_home_end_keys()
        _ = desk_leaveok()
        set_escdelay(25)
        curs_set(0)

        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        usesColour = !noColor && has_colors() && start_color() == OK
        setUpLooks(useDefaultColours: usesColour && use_default_colors() == OK)
    }

    deinit { close() }

    /// Whether Ctrl-C (SIGINT) ends the program. Off while a clerk's screen is locked: nobody gets past the
    /// lock to the shell by interrupting it. SIGTERM and SIGHUP still end it.
    public func setInterruptEnabled(_ enabled: Bool) { desk_set_interrupt_enabled(enabled ? 1 : 0) }

    /// Restores the terminal. Safe to call twice.
    public func close() {
        guard let screen else { return }
        endwin()
        delscreen(screen)
        self.screen = nil
    }

    public var size: Size { Size(width: Int(desk_cols()), height: Int(desk_lines())) }
    public var isFinished: Bool { instantFailures > 50 }

    // MARK: - Output

    public func draw(_ grid: CellGrid) {
        if previous?.size != grid.size { _ = desk_force_repaint() }
        for run in GridDiff.runs(from: previous, to: grid) {
            let look = looks[run.role] ?? (attributes: desk_a_normal(), pair: 0)
            var x = run.x
            for cell in run.cells {
                if let line = cell.line, theme.borders == .lines {
                    _ = desk_put_acs(Int32(run.y), Int32(x), Self.acsLetter(line), look.attributes, look.pair)
                } else {
                    Self.put(cell.grapheme, y: run.y, x: x, look: look)
                }
                x += cell.width
            }
        }
        _ = desk_refresh()
        previous = grid
    }

    private static func put(_ grapheme: String, y: Int, x: Int, look: (attributes: attr_t, pair: Int16)) {
        // A spacing character plus at most CCHARW_MAX - 1 combining marks, NUL-terminated.
        var wide = grapheme.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        if wide.isEmpty { wide = [wchar_t(32)] }
        wide.append(0)
        _ = desk_put_cell(Int32(y), Int32(x), wide, look.attributes, look.pair)
    }

    static func acsLetter(_ line: LineGlyph) -> CChar {
        let letter: Character
        switch line {
        case .horizontal: letter = "q"
        case .vertical: letter = "x"
        case .topLeft: letter = "l"
        case .topRight: letter = "k"
        case .bottomLeft: letter = "m"
        case .bottomRight: letter = "j"
        case .teeLeft: letter = "t"
        case .teeRight: letter = "u"
        case .teeTop: letter = "w"
        case .teeBottom: letter = "v"
        case .cross: letter = "n"
        }
        return CChar(letter.asciiValue!)
    }

    /// One colour pair per role (pair n = role index + 1), or attributes only without colour.
    private func setUpLooks(useDefaultColours: Bool) {
        let colours = Int(desk_colors())
        for (index, role) in StyleRole.allCases.enumerated() {
            let style = theme[role]
            guard usesColour, index + 1 < Int(desk_color_pairs()) else {
                looks[role] = (Self.curses(style.monochrome), 0)
                continue
            }
            func number(_ colour: ThemeColor, fallback: Int16) -> Int16 {
                switch colour.reduced(toColors: colours) {
                case .terminalDefault: return useDefaultColours ? -1 : fallback
                case .indexed(let n): return Int16(n)
                }
            }
            let pair = Int16(index + 1)
            init_pair(pair, number(style.foreground, fallback: Int16(COLOR_WHITE)), number(style.background, fallback: Int16(COLOR_BLACK)))
            looks[role] = (Self.curses(style.attributes), pair)
        }
    }

    private static func curses(_ attributes: TextAttributes) -> attr_t {
        var value = desk_a_normal()
        if attributes.contains(.bold) { value |= desk_a_bold() }
        if attributes.contains(.dim) { value |= desk_a_dim() }
        if attributes.contains(.underline) { value |= desk_a_underline() }
        if attributes.contains(.reverse) { value |= desk_a_reverse() }
        return value
    }

    // MARK: - Input

    /// The next key within `timeoutMs`, or nil. On `.resize` ncurses has already updated its
    /// size: read `size` again.
    public func readKey(timeoutMs: Int) -> Key? {
        desk_timeout(Int32(max(0, timeoutMs)))
        let started = ContinuousClock.now
        var character: wint_t = 0
        let status = desk_get_wch(&character)
        if status == desk_err() {
            // When the terminal goes away without SIGHUP, get_wch fails at once instead of
            // waiting: after many such reads in a row, stop rather than spin.
            if timeoutMs >= 20, ContinuousClock.now - started < .milliseconds(timeoutMs / 4) {
                instantFailures += 1
            } else {
                instantFailures = 0
            }
            return nil
        }
        instantFailures = 0
        mayHoldReadAhead = true
        return Self.key(status, character)
    }

    private static func key(_ status: Int32, _ character: wint_t) -> Key? {
        if status == KEY_CODE_YES { return Key(cursesKeyCode: Int32(bitPattern: character)) }
        return Key(cursesCharacter: character)
    }

    /// After a key, ncurses may hold bytes it read ahead (the rest of an escape sequence it did not match),
    /// which `poll(2)` on the terminal cannot see.
    private var mayHoldReadAhead = false
    public var wakesOnDescriptor: Bool { true }

    /// Waits for a key or for `fd` (a `ChangeSignal`) with `poll(2)`, so an idle screen sleeps until one of
    /// them, or the timeout, instead of waking to ask the database.
    public func readKey(timeoutMs: Int, wakeOn fd: Int32?) -> Key? {
        guard let fd else { return readKey(timeoutMs: timeoutMs) }
        if mayHoldReadAhead {
            mayHoldReadAhead = false
            desk_timeout(0)
            var character: wint_t = 0
            let status = desk_get_wch(&character)
            if status != desk_err() { mayHoldReadAhead = true; return Self.key(status, character) }
        }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, Int32(max(0, timeoutMs)))
        if ready < 0 && errno == EINTR {
            // A signal: SIGWINCH makes ncurses queue KEY_RESIZE, delivered by the next read.
            desk_timeout(0)
            var character: wint_t = 0
            let status = desk_get_wch(&character)
            return status == desk_err() ? nil : Self.key(status, character)
        }
        // Input (or a hang-up, which the read reports and counts as before): read it with the usual wait, so an
        // escape sequence arriving in pieces is still put together.
        if ready > 0 && fds[0].revents != 0 { return readKey(timeoutMs: max(timeoutMs, 20)) }
        return nil
    }

    // MARK: - Process setup

    /// The user's locale, if it is UTF-8; otherwise C.UTF-8 for the character type, so that
    /// ncurses reads and writes UTF-8 whatever LANG says.
    private static func ensureUTF8Locale() throws {
        setlocale(LC_ALL, "")
        if isUTF8(currentCodeset()) { return }
        let original = currentCodeset()
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8(currentCodeset()) { return }
        }
        throw TerminalError.noUTF8Locale(original)
    }

    private static func currentCodeset() -> String {
        guard let codeset = desk_codeset() else { return "" }
        return String(cString: codeset)
    }

    private static func isUTF8(_ codeset: String) -> Bool {
        let folded = codeset.uppercased().replacingOccurrences(of: "-", with: "")
        return folded == "UTF8"
    }

    /// `atexit` handlers cannot be removed, so register ours once per process: a static `let`
    /// is initialised exactly once, thread-safely.
    private static let atExitRegistration: Void = { _ = desk_register_atexit() }()
    private static func registerAtExitOnce() { _ = atExitRegistration }
}
