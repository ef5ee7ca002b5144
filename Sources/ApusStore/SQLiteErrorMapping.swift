import GRDB

/// Maps GRDB and SQLite errors to ``StoreError`` kinds, keeping the engine's message and the SQL's short form but
/// never the bound arguments.
enum SQLiteErrorMapping {
    static func storeError(_ error: any Error, sql: String?) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is CancellationError { return StoreError(.other, "cancelled", statement: sql) }
        guard let error = error as? DatabaseError else {
            return StoreError(.other, String(describing: type(of: error)), statement: sql)
        }
        let message = error.message ?? "SQLite error \(error.extendedResultCode.rawValue)"
        let statement = sql ?? error.sql
        return StoreError(kind(of: error, message: message), message, statement: statement)
    }

    private static func kind(of error: DatabaseError, message: String) -> StoreError.Kind {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_ROWID:
            return .uniqueViolation
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return .foreignKeyViolation
        case .SQLITE_CONSTRAINT_NOTNULL:
            return .notNullViolation
        default:
            break
        }
        switch error.resultCode {
        case .SQLITE_CONSTRAINT:
            return .checkViolation
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy
        case .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FULL, .SQLITE_READONLY,
            .SQLITE_PERM:
            return .connection
        case .SQLITE_MISUSE, .SQLITE_RANGE:
            return .syntax
        case .SQLITE_ERROR:
            if message.contains("syntax error") || message.contains("incomplete input")
                || message.contains("unrecognized token")
            {
                return .syntax
            }
            if message.contains("no such") || message.contains("already exists") {
                return .undefinedObject
            }
            return .other
        default:
            return .other
        }
    }
}
