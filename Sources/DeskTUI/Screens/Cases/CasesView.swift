import Foundation
import HallModel
import Queue

/// Which cases the list shows: my queue or all cases, narrowed by state, light, department and item.
public struct CasesQuery: Sendable, Equatable {
    /// True: the cases waiting for my next step (`CaseListFilter.mine`); false: all cases.
    public var mine = true
    public var state: CaseState?
    /// The side state "awaiting supplements (容缺)" instead of a state (`CaseListFilter.awaitingSupplements`).
    public var awaitingSupplements = false
    public var light: CaseLight?
    public var departmentCode: String?
    public var itemCode: String?
    /// At most this many rows, earliest deadline first.
    public var limit = CasesQuery.defaultLimit

    public static let defaultLimit = 500

    public init(mine: Bool = true, state: CaseState? = nil, light: CaseLight? = nil, departmentCode: String? = nil, itemCode: String? = nil) {
        self.mine = mine; self.state = state; self.light = light; self.departmentCode = departmentCode; self.itemCode = itemCode
    }

    public var hasFilters: Bool { state != nil || awaitingSupplements || light != nil || departmentCode != nil || itemCode != nil }

    /// The store's filter for this query, for `me`.
    public func filter(for me: CaseActor) -> CaseListFilter {
        CaseListFilter(state: state, light: light, mine: mine ? me : nil, departmentCode: departmentCode, itemCode: itemCode,
                       awaitingSupplements: awaitingSupplements, limit: limit)
    }
}

/// Who works the screen, and the hall data that does not change with the list: the person as the case rules see
/// them, the departments and items the filters offer, the day and the working calendar the rules count with.
public struct CasesDesk: Sendable {
    public var me: CaseActor
    public var staffName: String
    public var timeZone: TimeZone
    public var today: CivilDate
    public var calendar: WorkingCalendar
    public var departments: [Department]
    /// (code, name, department code) of every item in the catalog, in catalog order.
    public var items: [CasesItemChoice]
    /// The catalog's search (name, code, pinyin) over `items` (built from the same items in the same order): the
    /// item picker filters with it as the intake form's item step does. Built when the picker first filters, not
    /// before the first frame (`DeferredCatalogSearch`).
    public var search: DeferredCatalogSearch

    public init(me: CaseActor, staffName: String, timeZone: TimeZone, today: CivilDate, calendar: WorkingCalendar,
                departments: [Department], items: [CasesItemChoice], search: DeferredCatalogSearch) {
        self.me = me; self.staffName = staffName; self.timeZone = timeZone; self.today = today; self.calendar = calendar
        self.departments = departments; self.items = items; self.search = search
    }

    public func departmentName(_ code: String) -> String { departments.first { $0.code == code }?.name ?? code }
}

public struct CasesItemChoice: Sendable, Equatable {
    public var code: String
    public var name: String
    public var departmentCode: String
    public init(code: String, name: String, departmentCode: String) { self.code = code; self.name = name; self.departmentCode = departmentCode }
}

/// What the case screen shows from the database: the desk, the list for the query, and the open case.
public struct CasesView: Sendable {
    public var desk: CasesDesk
    public var query: CasesQuery
    public var entries: [CaseListEntry]
    /// The case open in the detail view (reloaded with the list).
    public var detail: CaseDetail?

    public init(desk: CasesDesk, query: CasesQuery, entries: [CaseListEntry], detail: CaseDetail? = nil) {
        self.desk = desk; self.query = query; self.entries = entries; self.detail = detail
    }
}
