import Foundation
import Queue
import Synchronization

/// Prints documents with the hall's `print_command` (an administrator's setting, default `lp`): the document
/// on the command's standard input, run by `/bin/sh -c`, its output and errors discarded (on a screen the
/// terminal is the screen's). Used by the window's intake form and `desk case document --print`. The
/// documents are kept with the case whatever happens here (`desk case document` reprints them).
public struct DocumentPrinter: Sendable {
    public var command: String

    public init(command: String) { self.command = command }

    /// One document; `PrintError` when the command cannot start or exits non-zero. The bytes go through a
    /// temporary file, not a pipe: a command that exits without reading (a typo) cannot stop the caller with
    /// SIGPIPE.
    public func print(_ bytes: Data) throws { try print(bytes, in: nil) }

    /// Each text in turn, on a thread of its own, for a screen: the screen goes on answering keys while a printer
    /// (or a hanging `lp`) takes its time, and reads the outcome from the job when it polls. A job still running
    /// after `timeout` seconds is ended (its command terminated) and reported as timed out.
    public func start(_ texts: [String], timeout: TimeInterval = PrintJob.defaultTimeout, now: Date = Date()) -> PrintJob {
        let job = PrintJob(command: command, count: texts.count, deadline: now.addingTimeInterval(timeout))
        let thread = Thread { [self] in
            for text in texts {
                guard job.outcome == nil else { return }
                do { try print(Data(text.utf8), in: job) } catch let error as PrintError { job.finish(.failed(error)); return } catch {
                    job.finish(.failed(.failed(command: command, status: -1))); return
                }
            }
            job.finish(.printed(texts.count))
        }
        thread.start()
        return job
    }

    /// One document, its process registered with `job` when there is one (so a timeout can end it).
    private func print(_ bytes: Data, in job: PrintJob?) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("desk-document-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        do {
            try bytes.write(to: file)
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            process.standardInput = try FileHandle(forReadingFrom: file)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        } catch {
            throw PrintError.failed(command: command, status: -1)
        }
        job?.running(process)
        process.waitUntilExit()
        job?.running(nil)
        guard process.terminationStatus == 0 else { throw PrintError.failed(command: command, status: process.terminationStatus) }
    }
}

/// Documents being printed in the background (`DocumentPrinter.start`). The screen's poll asks `check(now:)`:
/// nil while the command runs; once, the outcome.
public final class PrintJob: @unchecked Sendable {
    // Unchecked: the mutable state is inside `state`, a Mutex.
    public enum Outcome: Sendable, Equatable {
        /// Every document handed to the print command (it exited 0).
        case printed(Int)
        case failed(PrintError)
        /// Still running after its time: the command was ended.
        case timedOut(command: String)
    }

    /// How long a print command may take before the screen gives up on it (an `lp` waiting for a missing printer).
    public static let defaultTimeout: TimeInterval = 60

    public let command: String
    public let count: Int
    public let deadline: Date
    private struct State { var outcome: Outcome?; var process: Process?; var reported = false }
    private let state = Mutex(State())
    private let done = DispatchSemaphore(value: 0)

    init(command: String, count: Int, deadline: Date) { self.command = command; self.count = count; self.deadline = deadline }

    /// The outcome once known (first one wins: a timeout, then the thread's own).
    public var outcome: Outcome? { state.withLock { $0.outcome } }

    /// For the screen's poll: the outcome the first time it is known (then nil again); past the deadline the
    /// running command is terminated and the job times out.
    public func check(now: Date) -> Outcome? {
        let (outcome, timedOut) = state.withLock { s -> (Outcome?, Bool) in
            var timedOut = false
            if s.outcome == nil, now >= deadline {
                s.process?.terminate()
                s.outcome = .timedOut(command: command)
                timedOut = true
            }
            guard let outcome = s.outcome, !s.reported else { return (nil, timedOut) }
            s.reported = true
            return (outcome, timedOut)
        }
        if timedOut { done.signal() }
        return outcome
    }

    /// Blocks until the job has an outcome (tests; `desk case document --print` prints in the foreground).
    public func wait() { done.wait(); done.signal() }

    func running(_ process: Process?) { state.withLock { $0.process = process } }

    func finish(_ outcome: Outcome) {
        let first = state.withLock { s -> Bool in
            guard s.outcome == nil else { return false }
            s.outcome = outcome
            return true
        }
        if first { done.signal() }
    }
}

public enum PrintError: UserFacingError, Equatable {
    case failed(command: String, status: Int32)
    public var message: Bilingual {
        switch self {
        case .failed(let command, let status):
            Bilingual(en: "Printing with '\(command)' failed (status \(status)); check print_command and the printer.",
                      zh: "用“\(command)”打印失败（状态 \(status)）；请检查 print_command 和打印机。")
        }
    }
}
