import Queue

/// What a staff member may do in the hall. A person holds one or more roles; the permission policy
/// (`PermissionPolicy.swift`) names the roles each action needs. Stored by `rawValue` (a stable key).
public enum Role: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    /// 窗口人员: signs in at a window, calls and serves tickets, takes in cases.
    case clerk
    /// 审查: the first review of a case (一审).
    case reviewer
    /// 核/决定: approves or rejects a case; holds an `ApproverLevel`.
    case approver
    /// 代办员: proxy agent.
    case agent
    /// 监管联络员: the supervising department's liaison (审管联动); acknowledges the handovers paired to them, nothing else.
    case liaison
    /// 大厅管理: watches and steers the live hall.
    case supervisor
    /// Hall set-up: staff, catalog, calendar, settings.
    case admin
    /// An unattended account (cron): day close and sweeps.
    case system

    public static func < (a: Role, b: Role) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    public var label: Bilingual {
        switch self {
        case .clerk: Bilingual(en: "clerk", zh: "窗口人员")
        case .reviewer: Bilingual(en: "reviewer", zh: "审查人")
        case .approver: Bilingual(en: "approver", zh: "审批人")
        case .agent: Bilingual(en: "proxy agent", zh: "代办员")
        case .liaison: Bilingual(en: "supervision liaison", zh: "监管联络员")
        case .supervisor: Bilingual(en: "supervisor", zh: "大厅管理")
        case .admin: Bilingual(en: "administrator", zh: "系统管理员")
        case .system: Bilingual(en: "system account", zh: "系统账户")
        }
    }
}

/// A device that runs without a person and can do only its one thing.
public enum Device: String, CaseIterable, Codable, Sendable, Hashable {
    /// Issues tickets.
    case kiosk
    /// Shows calls; writes nothing.
    case board
    /// The citizen's rating terminal at a window (records a rating).
    case rating
}

/// Where an action was taken: stored with every event.
public enum Terminal: Sendable, Hashable, CustomStringConvertible {
    case cli
    case window(Int)
    case kiosk
    case board
    case rating(window: Int)
    /// Work done by the program itself while migrating a database.
    case migration

    /// The stable key stored in `hall_event.terminal`.
    public var description: String {
        switch self {
        case .cli: "cli"
        case .window(let n): "window:\(n)"
        case .kiosk: "kiosk"
        case .board: "board"
        case .rating(let n): "rating:\(n)"
        case .migration: "migration"
        }
    }
}

/// Who does a write: an authenticated staff member or a device, at a terminal. A staff actor is made
/// only by authentication (`HallDatabase.authenticate…`), so a caller outside this module cannot claim
/// to be someone; every write checks the actor's current roles in the database (a person deactivated
/// a second ago can no longer act).
public struct Actor: Sendable, Hashable {
    public enum Identity: Sendable, Hashable {
        case staff(String)
        case device(Device)
    }

    public let identity: Identity
    public let terminal: Terminal

    init(staff id: String, terminal: Terminal) {
        identity = .staff(id); self.terminal = terminal
    }

    /// A device acting for itself (the kiosk issuing a ticket). Anyone can run a kiosk; it can do nothing else.
    public static func device(_ device: Device, terminal: Terminal) -> Actor { Actor(identity: .device(device), terminal: terminal) }

    private init(identity: Identity, terminal: Terminal) { self.identity = identity; self.terminal = terminal }

    /// The same person at another terminal (a clerk's identity moves to the window they sign in at).
    public func at(_ terminal: Terminal) -> Actor { Actor(identity: identity, terminal: terminal) }

    public var staffID: String? { if case .staff(let id) = identity { id } else { nil } }

    /// The stable key stored in `hall_event.actor`: the staff number, or `@` and the device.
    public var key: String {
        switch identity {
        case .staff(let id): id
        case .device(let d): "@" + d.rawValue
        }
    }
}
