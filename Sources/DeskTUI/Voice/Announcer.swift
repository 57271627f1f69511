import Dispatch
import Foundation
import Queue
import Synchronization

/// Why the board's voice is off. It stays off for the rest of the board's run (restart the board to try again).
public enum VoiceUnavailable: Error, Sendable, Equatable {
    /// `espeak-ng` is not on the PATH.
    case speechProgramMissing
    /// `sox` (the player) is not on the PATH.
    case playerMissing
    /// The audio device did not open (nil: the system's default device).
    case deviceUnavailable(device: String?)
    /// espeak-ng or sox ended with this status while speaking.
    case speakingFailed(status: Int32)
}

/// Says calls out loud, one at a time: something that blocks until the sentence has been spoken. Both calls run on
/// the announcer's own thread, never on the board's.
public protocol Speaker: Sendable {
    /// Checks that speaking can work (the programs, the device) and returns what the log should say about how it will
    /// speak (the voices chosen), or throws why it cannot.
    func prepare() throws -> String
    /// Speaks one call and returns when it has been said.
    func speak(_ call: SpokenCall) throws
}

/// What the announcer tells the log (`desk board --voice` writes each as a line on standard error when that is not
/// the board's terminal).
public enum VoiceEvent: Sendable, Equatable {
    /// The speaker is ready; how it speaks.
    case ready(String)
    case spoken(SpokenCall)
    /// The queue was full (the hall called faster than the voice speaks): the oldest waiting call was not said.
    case dropped(SpokenCall)
    case off(VoiceUnavailable)
}

/// The board's voice: a first-in first-out queue of calls and ONE worker thread that speaks them one after another,
/// so two calls are never spoken over each other. `enqueue` only appends under a lock and wakes the worker: the
/// board's run loop never waits on the voice. The queue holds `capacity` calls; a hall that calls faster than the
/// voice speaks loses the oldest waiting ones (`VoiceEvent.dropped`, logged by the worker).
///
/// When the speaker cannot start or fails, the voice turns off: one notice (`takeNotice`, for the board's screen)
/// and one log event; later calls are ignored.
public final class Announcer: Sendable {
    // Sendable without @unchecked: every mutable field is in `state` (a Mutex); the semaphores are thread-safe.
    public static let defaultCapacity = 8

    public enum Status: Sendable, Equatable {
        case starting
        case on
        case off(VoiceUnavailable)
    }

    private struct State {
        var status: Status = .starting
        var waiting: [SpokenCall] = []
        var dropped: [SpokenCall] = []
        var speaking = false
        var notice: VoiceUnavailable?
        var started = false
        var stopped = false
        var finished = false
        /// Idle: ready or off, nothing waiting, nothing being said, every drop logged (or the worker has ended).
        var isIdle: Bool { finished || (status != .starting && waiting.isEmpty && dropped.isEmpty && !speaking) }
    }

    public let capacity: Int
    private let speaker: any Speaker
    private let log: @Sendable (VoiceEvent) -> Void
    private let state = Mutex(State())
    /// One signal per enqueue or stop: the worker sleeps on it.
    private let wake = DispatchSemaphore(value: 0)
    /// A signal each time the worker settles (idle or ended): `waitUntilIdle` sleeps on it.
    private let settled = DispatchSemaphore(value: 0)

    public init(speaker: any Speaker, capacity: Int = Announcer.defaultCapacity, log: @escaping @Sendable (VoiceEvent) -> Void = { _ in }) {
        self.speaker = speaker
        self.capacity = max(1, capacity)
        self.log = log
    }

    /// Starts the worker: it prepares the speaker (a missing program or device is found there, off the board's
    /// thread), then speaks what is queued. Calls enqueued before are kept.
    public func start() {
        let first = state.withLock { s -> Bool in
            defer { s.started = true }
            return !s.started
        }
        guard first else { return }
        let thread = Thread { [self] in work() }
        thread.name = "desk-voice"
        thread.start()
    }

    /// Queues a call to be spoken. Never blocks on the speaker; ignored once the voice is off or stopped.
    public func enqueue(_ call: SpokenCall) {
        let queued = state.withLock { s -> Bool in
            if case .off = s.status { return false }
            guard !s.stopped else { return false }
            s.waiting.append(call)
            if s.waiting.count > capacity { s.dropped.append(s.waiting.removeFirst()) }
            return true
        }
        if queued { wake.signal() }
    }

    public var status: Status { state.withLock { $0.status } }

    /// Calls waiting to be spoken (not the one being spoken).
    public var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Why the voice went off, the first time it is asked after that; then nil for good.
    public func takeNotice() -> VoiceUnavailable? {
        state.withLock { s in
            defer { s.notice = nil }
            return s.notice
        }
    }

    /// Stops the worker after the call it is speaking; waiting calls are not said.
    public func stop() {
        state.withLock { s in
            s.stopped = true
            s.waiting.removeAll()
        }
        wake.signal()
    }

    /// Blocks until the worker has prepared the speaker and said (or dropped) everything queued, or has ended. For
    /// tests and for a command that speaks and exits; the board never calls it. Returns at once if never started.
    public func waitUntilIdle() {
        while true {
            let (idle, started) = state.withLock { ($0.isIdle, $0.started) }
            if idle || !started { return }
            settled.wait()
        }
    }

    private func work() {
        defer {
            state.withLock { $0.finished = true }
            settled.signal()
        }
        do {
            let how = try speaker.prepare()
            state.withLock { $0.status = .on }
            log(.ready(how))
        } catch {
            turnOff(error)
            return
        }
        settled.signal()
        while true {
            wake.wait()
            let (dropped, next, stopped) = state.withLock { s -> ([SpokenCall], SpokenCall?, Bool) in
                let dropped = s.dropped
                s.dropped.removeAll()
                let next = s.stopped || s.waiting.isEmpty ? nil : s.waiting.removeFirst()
                s.speaking = next != nil
                return (dropped, next, s.stopped)
            }
            for call in dropped { log(.dropped(call)) }
            if stopped { return }
            if let next {
                do {
                    try speaker.speak(next)
                    log(.spoken(next))
                } catch {
                    turnOff(error)
                    return
                }
                state.withLock { $0.speaking = false }
                // More may have been queued while speaking: their signals are counted, so the loop takes them.
            }
            settled.signal()
        }
    }

    private func turnOff(_ error: any Error) {
        let reason = error as? VoiceUnavailable ?? .speakingFailed(status: -1)
        let dropped = state.withLock { s -> [SpokenCall] in
            s.status = .off(reason)
            s.notice = reason
            s.speaking = false
            s.waiting.removeAll()
            defer { s.dropped.removeAll() }
            return s.dropped
        }
        for call in dropped { log(.dropped(call)) }
        log(.off(reason))
    }
}
