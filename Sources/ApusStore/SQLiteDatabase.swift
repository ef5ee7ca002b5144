import Foundation
import GRDB
import Synchronization

/// The SQLite engine: one database file in WAL mode with `synchronous=FULL` (every commit is fsynced), foreign
/// keys on and a busy timeout, through a GRDB `DatabasePool` (one writer, concurrent readers). An in-memory
/// database (a GRDB `DatabaseQueue`) is available for unit tests.
///
/// Transactions are `BEGIN IMMEDIATE`: they take the single writer at the start, so two transactions never
/// interleave and a claim in one is never lost to another. Statements outside a transaction that only read
/// (`SELECT …`) run on a reader connection and see only committed data.
public final class SQLiteDatabase: Database {
    /// Where the database lives.
    public enum Location: Sendable, Equatable {
        /// A file at this path (created if missing), in WAL mode.
        case file(String)
        /// A private in-memory database that disappears on `close()`.
        case inMemory
    }

    public var dialect: SQLDialect { .sqlite }

    private let writer: any DatabaseWriter
    private let readsOnWriter: Bool
    private let writeLock = AsyncSerialLock()
    private let closed = Mutex(false)

    /// The database whose transaction the current task is running in, if any: using that database (rather than
    /// the transaction's executor) from inside would wait for its own write lock forever, so it is an error.
    @TaskLocal private static var transactionOwner: ObjectIdentifier?

    /// Opens (creating if needed) the database at `location`. `busyTimeout` bounds how long a statement waits for
    /// another process's lock on the file before failing with a ``StoreError`` of kind `busy`.
    public init(location: Location, busyTimeout: Duration = .seconds(5)) throws(StoreError) {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout.secondsDouble)
        // Transactions span several GRDB accesses (see `transaction`); the write lock keeps them exclusive.
        configuration.allowsUnsafeTransactions = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            switch location {
            case .file(let path):
                guard !path.isEmpty else { throw StoreError(.invalidConfiguration, "empty SQLite path") }
                writer = try DatabasePool(path: path, configuration: configuration)
                readsOnWriter = false
            case .inMemory:
                writer = try DatabaseQueue(configuration: configuration)
                readsOnWriter = true
            }
            // GRDB's WAL set-up lowers `synchronous` to NORMAL after `prepareDatabase`; durability needs FULL on
            // the writer connection (the only one that commits).
            let level = try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                return try Int.fetchOne(db, sql: "PRAGMA synchronous")
            }
            guard level == 2 else {
                throw StoreError(.connection, "SQLite refused synchronous=FULL (got \(level.map(String.init) ?? "nil"))")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw SQLiteErrorMapping.storeError(error, sql: nil)
        }
    }

    @discardableResult
    public func execute(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> Int {
        try checkOpen()
        await writeLock.acquire()
        defer { writeLock.release() }
        return try await SQLiteAccess.write(writer, sql: sql) { db in
            try SQLiteAccess.execute(db, sql, parameters)
        }
    }

    public func query(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> [StoreRow] {
        try checkOpen()
        if !readsOnWriter && SQLiteAccess.isReadOnly(sql) {
            do {
                return try await writer.read { db in try SQLiteAccess.fetch(db, sql, parameters) }
            } catch {
                throw SQLiteErrorMapping.storeError(error, sql: sql)
            }
        }
        await writeLock.acquire()
        defer { writeLock.release() }
        return try await SQLiteAccess.write(writer, sql: sql) { db in
            try SQLiteAccess.fetch(db, sql, parameters)
        }
    }

    public func executeBatch(_ sql: String, _ parameterRows: [[StoreValue]]) async throws(StoreError) {
        try checkOpen()
        await writeLock.acquire()
        defer { writeLock.release() }
        try await SQLiteAccess.write(writer, sql: sql) { db in
            try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION")
            do {
                try SQLiteAccess.executeRows(db, sql, parameterRows)
                try db.execute(sql: "COMMIT TRANSACTION")
            } catch {
                if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK TRANSACTION") }
                throw error
            }
        }
    }

    public func transaction<Result: Sendable>(
        _ body: (any SQLExecutor) async throws -> Result
    ) async throws -> Result {
        try checkOpen()
        await writeLock.acquire()
        defer { writeLock.release() }
        try await SQLiteAccess.write(writer, sql: "BEGIN IMMEDIATE TRANSACTION") { db in
            // A transaction left open by a cancelled access must not leak into this one.
            if db.isInsideTransaction { try db.execute(sql: "ROLLBACK TRANSACTION") }
            try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION")
        }
        let executor = SQLiteTransactionExecutor(writer: writer)
        do {
            let result = try await Self.$transactionOwner.withValue(ObjectIdentifier(self)) {
                try await body(executor)
            }
            try await SQLiteAccess.write(writer, sql: "COMMIT TRANSACTION") { db in
                try db.execute(sql: "COMMIT TRANSACTION")
            }
            return result
        } catch {
            await rollBack()
            throw error
        }
    }

    public func close() async {
        let wasClosed = closed.withLock { closed -> Bool in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        await writeLock.acquire()
        defer { writeLock.release() }
        try? writer.close()
    }

    /// Rolls back the open transaction in a fresh task, so that a cancelled caller still leaves the writer
    /// connection clean.
    private func rollBack() async {
        let writer = self.writer
        await Task {
            _ = try? await writer.writeWithoutTransaction { db in
                if db.isInsideTransaction { try db.execute(sql: "ROLLBACK TRANSACTION") }
            }
        }.value
    }

    private func checkOpen() throws(StoreError) {
        if closed.withLock({ $0 }) { throw StoreError(.closed, "the SQLite database is closed") }
        if Self.transactionOwner == ObjectIdentifier(self) {
            throw StoreError(
                .other, "the database was used inside its own transaction; use the executor passed to the body")
        }
    }
}

/// The executor handed to a SQLite transaction's body: statements run on the writer connection, inside the
/// transaction the enclosing ``SQLiteDatabase/transaction(_:)`` opened and whose write lock it holds.
struct SQLiteTransactionExecutor: SQLExecutor {
    let writer: any DatabaseWriter

    var dialect: SQLDialect { .sqlite }

    @discardableResult
    func execute(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> Int {
        try await SQLiteAccess.write(writer, sql: sql) { db in try SQLiteAccess.execute(db, sql, parameters) }
    }

    func query(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> [StoreRow] {
        try await SQLiteAccess.write(writer, sql: sql) { db in try SQLiteAccess.fetch(db, sql, parameters) }
    }

    func executeBatch(_ sql: String, _ parameterRows: [[StoreValue]]) async throws(StoreError) {
        try await SQLiteAccess.write(writer, sql: sql) { db in try SQLiteAccess.executeRows(db, sql, parameterRows) }
    }
}

/// Statement execution and value conversion on a GRDB connection.
enum SQLiteAccess {
    /// Runs `body` on the writer connection without an implicit transaction, mapping errors to ``StoreError``.
    static func write<T: Sendable>(
        _ writer: any DatabaseWriter, sql: String, _ body: @escaping @Sendable (GRDB.Database) throws -> T
    ) async throws(StoreError) -> T {
        do {
            return try await writer.writeWithoutTransaction(body)
        } catch {
            throw SQLiteErrorMapping.storeError(error, sql: sql)
        }
    }

    static func execute(_ db: GRDB.Database, _ sql: String, _ parameters: [StoreValue]) throws -> Int {
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: arguments(parameters))
        return db.changesCount
    }

    static func executeRows(_ db: GRDB.Database, _ sql: String, _ parameterRows: [[StoreValue]]) throws {
        let statement = try db.cachedStatement(sql: sql)
        for parameters in parameterRows {
            try statement.execute(arguments: arguments(parameters))
        }
    }

    static func fetch(_ db: GRDB.Database, _ sql: String, _ parameters: [StoreValue]) throws -> [StoreRow] {
        let statement = try db.cachedStatement(sql: sql)
        let columns = statement.columnNames
        var rows: [StoreRow] = []
        let cursor = try Row.fetchCursor(statement, arguments: arguments(parameters))
        while let row = try cursor.next() {
            var values: [StoreValue] = []
            values.reserveCapacity(columns.count)
            for index in 0..<row.count {
                values.append(storeValue(row[index] as DatabaseValue))
            }
            rows.append(StoreRow(columns: columns, values: values))
        }
        return rows
    }

    /// Whether `sql` is a plain `SELECT` (or `VALUES`) that can run on a reader connection.
    static func isReadOnly(_ sql: String) -> Bool {
        let trimmed = sql.drop { $0.isWhitespace || $0 == "(" }
        let keyword = trimmed.prefix { $0.isLetter }.uppercased()
        return keyword == "SELECT" || keyword == "VALUES"
    }

    static func arguments(_ parameters: [StoreValue]) -> StatementArguments {
        StatementArguments(parameters.map(databaseValue))
    }

    static func databaseValue(_ value: StoreValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .int64(let value): value.databaseValue
        case .double(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        case .bool(let value): (value ? 1 : 0 as Int64).databaseValue
        }
    }

    static func storeValue(_ value: DatabaseValue) -> StoreValue {
        switch value.storage {
        case .null: .null
        case .int64(let value): .int64(value)
        case .double(let value): .double(value)
        case .string(let value): .text(value)
        case .blob(let data): .blob([UInt8](data))
        }
    }
}
