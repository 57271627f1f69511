import Foundation
import Queue
import HallModel

/// Reading a password without it showing: `DESK_PASSWORD` for scripts, else a prompt on the terminal with
/// echo off. Never from the command line (it would be in `ps` and the shell's history).
enum PasswordInput {
    static func forSignIn(staff: String, language: Language) throws -> String {
        if let password = ProcessInfo.processInfo.environment["DESK_PASSWORD"], !password.isEmpty { return password }
        guard let typed = prompt(Bilingual(en: "Password for \(staff): ", zh: "\(staff) 的密码："), language) else {
            throw AccessError.passwordNeeded(staff)
        }
        return typed
    }

    /// A screen's password for `--staff`: `DESK_PASSWORD` when set (the screen signs in at once), else nil (the screen's
    /// own sign-in form asks). Without `--staff` the bound account or the form decides, so no password is read.
    static func forScreen(staff: String?) -> String? {
        guard staff != nil, let password = ProcessInfo.processInfo.environment["DESK_PASSWORD"], !password.isEmpty else { return nil }
        return password
    }

    /// A new password: typed twice on a terminal, or one line of standard input when it is not one.
    static func newPassword(for staff: String, language: Language) throws -> String {
        if isatty(STDIN_FILENO) == 0 {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let text = String(decoding: data, as: UTF8.self)
            return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        }
        guard let first = prompt(Bilingual(en: "New password for \(staff): ", zh: "\(staff) 的新密码："), language),
              let second = prompt(Bilingual(en: "Again: ", zh: "再输入一次："), language) else {
            throw AccessError.passwordNeeded(staff)
        }
        guard first == second else { throw PasswordInputError.mismatch }
        return first
    }

    /// Reads a line from /dev/tty with echo off; nil when there is no terminal. Also for an identity number
    /// typed for `desk validate id -`, which must not stay on the screen either.
    static func prompt(_ text: Bilingual, _ language: Language) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let message = Array(text.text(language).utf8)
        _ = message.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var saved = termios()
        let hasTerminal = tcgetattr(fd, &saved) == 0
        if hasTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(fd, TCSAFLUSH, &quiet)
        }
        defer {
            if hasTerminal { tcsetattr(fd, TCSAFLUSH, &saved) }
            _ = write(fd, "\n", 1)
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1, byte != UInt8(ascii: "\n") { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }
}

enum PasswordInputError: UserFacingError {
    case mismatch
    var message: Bilingual { Bilingual(en: "The two passwords differ; nothing was changed.", zh: "两次输入的密码不一致，未作修改。") }
}
