/// Something SQL can run on: a whole database (each statement in its own implicit transaction) or the
/// connection of an open transaction.
///
/// SQL uses `?` placeholders on every engine (rewritten per ``SQLDialect``); values are bound, never spliced.
public protocol SQLExecutor: Sendable {
    /// The dialect, for the few statements that must differ between engines.
    var dialect: SQLDialect { get }

    /// Runs a statement that returns no rows and returns the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> Int

    /// Runs a statement and returns all its rows.
    func query(_ sql: String, _ parameters: [StoreValue]) async throws(StoreError) -> [StoreRow]

    /// Runs one statement once per parameter list (for example a keyed upsert for every buffered row). Outside a
    /// transaction the whole batch still commits atomically.
    ///
    /// SQLite reuses one prepared statement. PostgreSQL sends a plain `INSERT … VALUES (?, …) …` as multi-row
    /// statements (up to 1,000 rows each) to save round trips, so rows of one batch must not hit the same
    /// `ON CONFLICT … DO UPDATE` key twice (PostgreSQL rejects that); other statements run row by row.
    func executeBatch(_ sql: String, _ parameterRows: [[StoreValue]]) async throws(StoreError)
}

extension SQLExecutor {
    /// Runs a statement without parameters that returns no rows.
    @discardableResult
    public func execute(_ sql: String) async throws(StoreError) -> Int {
        try await execute(sql, [])
    }

    /// Runs a statement without parameters and returns all its rows.
    public func query(_ sql: String) async throws(StoreError) -> [StoreRow] {
        try await query(sql, [])
    }

    /// Runs a statement and returns its first row, if any.
    public func queryFirst(_ sql: String, _ parameters: [StoreValue] = []) async throws(StoreError) -> StoreRow? {
        try await query(sql, parameters).first
    }
}

/// The store interface of Apus: SQL with bound parameters, typed rows and transactions, over SQLite (GRDB) or
/// PostgreSQL (postgres-nio).
///
/// ```swift
/// let database = try await openDatabase(StoreConfiguration.from(environment: env, defaultPath: "apus.sqlite"))
/// try await database.transaction { tx in
///     try await tx.execute("UPDATE levels SET xp = xp + ? WHERE member_id = ?", [.int64(5), .int64(member)])
/// }
/// ```
public protocol Database: SQLExecutor {
    /// Runs `body` in one transaction: commits when it returns, rolls back when it throws (and rethrows).
    ///
    /// On SQLite the transaction is `BEGIN IMMEDIATE` (it holds the single writer from the start); on PostgreSQL
    /// it is a `READ COMMITTED` transaction on one pooled connection. Use only the executor passed to `body`
    /// inside it, never the database itself (on SQLite that would wait for the transaction forever), and do not
    /// keep the executor after `body` returns.
    func transaction<Result: Sendable>(
        _ body: (any SQLExecutor) async throws -> Result
    ) async throws -> Result

    /// Closes the database: waits for running statements, then releases connections. Further use throws a
    /// ``StoreError`` of kind `closed`.
    func close() async
}
