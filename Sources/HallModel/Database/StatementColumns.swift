import GRDB
import GRDBSQLite

/// The columns of the row a statement stands on, read straight through SQLite's column API: no GRDB `Row` and
/// no generic decoding per value. In a list of hundreds of cases, GRDB's generic decoding (its metadata lookups)
/// was most of the cost (`desk bench --cases-only`). Valid only while the statement stands on that row.
///
/// A NULL read as `int` is 0 and as `text` is "": use the optional readers for nullable columns.
struct StatementColumns {
    let statement: OpaquePointer

    func isNull(_ i: Int) -> Bool { sqlite3_column_type(statement, Int32(i)) == SQLITE_NULL }
    func int(_ i: Int) -> Int64 { sqlite3_column_int64(statement, Int32(i)) }
    func int(_ i: Int) -> Int { Int(sqlite3_column_int64(statement, Int32(i))) }
    func bool(_ i: Int) -> Bool { sqlite3_column_int64(statement, Int32(i)) != 0 }
    func optionalInt(_ i: Int) -> Int64? { isNull(i) ? nil : int(i) }
    func optionalInt(_ i: Int) -> Int? { isNull(i) ? nil : int(i) }

    func text(_ i: Int) -> String {
        // The text pointer first, then its length (SQLite's documented order: the pointer may convert the value).
        guard let bytes = sqlite3_column_text(statement, Int32(i)) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, Int32(i)))), as: UTF8.self)
    }

    func optionalText(_ i: Int) -> String? { isNull(i) ? nil : text(i) }

    /// A stored key of an enum (`HallDatabase.decode`: an unknown key is a storage error naming table and column).
    func key<T: RawRepresentable<String>>(_ type: T.Type, _ i: Int, _ table: String, _ column: String) throws -> T {
        try HallDatabase.decode(type, text(i), table, column)
    }

    func date(_ i: Int) throws -> CivilDate { try CivilDate(parsing: text(i)) }
    func optionalDate(_ i: Int) throws -> CivilDate? { isNull(i) ? nil : try date(i) }
}

extension Database {
    /// Every row of a cached statement decoded in place from its columns (`StatementColumns`).
    func fetchEach<T>(cachedSQL sql: String, arguments: StatementArguments = StatementArguments(),
                      columns decode: (StatementColumns) throws -> T) throws -> [T] {
        let statement = try cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        let columns = StatementColumns(statement: statement.sqliteStatement)
        defer { sqlite3_reset(statement.sqliteStatement) }
        var result: [T] = []
        while true {
            let code = sqlite3_step(statement.sqliteStatement)
            if code == SQLITE_DONE { return result }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
            }
            result.append(try decode(columns))
        }
    }

    /// The first row (`fetchEach(cachedSQL:arguments:columns:)`), or nil. A statement that writes
    /// (`INSERT … RETURNING`) is stepped to its end, so its write is whole.
    func fetchFirst<T>(cachedSQL sql: String, arguments: StatementArguments = StatementArguments(),
                       columns decode: (StatementColumns) throws -> T) throws -> T? {
        var first: T?
        _ = try fetchEach(cachedSQL: sql, arguments: arguments) { columns -> Void in
            if first == nil { first = try decode(columns) }
        }
        return first
    }
}
