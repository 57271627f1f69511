import Foundation
import Queue

/// Whom a supervisor's message goes to: one window's screen, or every window's (each window reads it for itself).
public enum WindowMessageTarget: Sendable, Hashable {
    case window(Int)
    case all

    /// The window it names, nil for all (stored as `window_message.window_id`).
    public var window: Int? { if case .window(let w) = self { w } else { nil } }
}

/// A short message from a supervisor to the window screens ("请3号窗口暂停叫号，到服务台").
public struct WindowMessage: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var sentAt: Date
    /// The business day it was sent on (YYYY-MM-DD): a window shows the unread messages of today only.
    public var businessDate: String
    public var senderID: String
    public var senderName: String
    public var target: WindowMessageTarget
    public var text: String

    public init(id: Int64, sentAt: Date, businessDate: String, senderID: String, senderName: String, target: WindowMessageTarget,
                text: String) {
        self.id = id; self.sentAt = sentAt; self.businessDate = businessDate; self.senderID = senderID; self.senderName = senderName
        self.target = target; self.text = text
    }

    /// The most a message may say: two lines of the window's banner, and a sentence a clerk reads at a glance.
    public static let textLimit = 120
    public static let textField = Bilingual(en: "A message", zh: "消息")
}

/// A message marked read at a window (`m` on its screen): who read it, when.
public struct WindowMessageRead: Sendable, Equatable {
    public var window: Int
    public var staffID: String?
    public var staffName: String?
    public var at: Date
    public init(window: Int, staffID: String?, staffName: String?, at: Date) {
        self.window = window; self.staffID = staffID; self.staffName = staffName; self.at = at
    }
}

/// A message sent, with the windows that have read it (for the supervisor's screen and `desk message list`).
public struct SentWindowMessage: Sendable, Equatable {
    public var message: WindowMessage
    /// In the order they were read.
    public var reads: [WindowMessageRead]
    public init(message: WindowMessage, reads: [WindowMessageRead]) { self.message = message; self.reads = reads }

    /// Whether window `id` has read it (a message to one window: only that one can).
    public func isRead(by window: Int) -> Bool { reads.contains { $0.window == window } }
}

public enum WindowMessageError: UserFacingError, Equatable {
    case unknownMessage(Int64)
    /// The message is for another window: this one has nothing to mark.
    case notForThisWindow(message: Int64, window: Int)
    case alreadyRead(message: Int64, window: Int)

    public var message: Bilingual {
        switch self {
        case .unknownMessage(let id): .init(en: "There is no message \(id).", zh: "没有编号为 \(id) 的消息。")
        case .notForThisWindow(let id, let w): .init(en: "Message \(id) is not for window \(w).", zh: "消息 \(id) 不是发给 \(w) 号窗口的。")
        case .alreadyRead(let id, let w): .init(en: "Message \(id) is already read at window \(w).", zh: "\(w) 号窗口已读过消息 \(id)。")
        }
    }
}
