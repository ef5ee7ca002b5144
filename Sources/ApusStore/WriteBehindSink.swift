/// One buffered change: the latest value for a key.
public struct WriteBehindChange<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// The row's key, for example `(guild_id, member_id)`.
    public var key: Key
    /// The row's new value, for example `(xp, level, last_message)`.
    public var value: Value

    /// Creates a change.
    public init(key: Key, value: Value) {
        self.key = key
        self.value = value
    }
}

/// Where a ``WriteBehindBuffer`` commits its batches: `commit` must make every change durable in one transaction
/// before it returns, or throw and commit none of them.
public protocol WriteBehindSink<Key, Value>: Sendable {
    /// The key type of the buffered rows.
    associatedtype Key: Hashable & Sendable
    /// The value type of the buffered rows.
    associatedtype Value: Sendable

    /// Commits `changes` (distinct keys, in submission order) in one transaction.
    func commit(_ changes: [WriteBehindChange<Key, Value>]) async throws
}

/// A sink that runs one keyed upsert statement per change, all in one transaction, on a ``Database``.
///
/// ```swift
/// let sink = DatabaseUpsertSink<MemberKey, LevelRow>(
///     database: database,
///     sql: """
///         INSERT INTO levels (guild_id, member_id, xp, level, last_message) VALUES (?, ?, ?, ?, ?)
///         ON CONFLICT (guild_id, member_id) DO UPDATE SET
///             xp = excluded.xp, level = excluded.level, last_message = excluded.last_message
///         """
/// ) { key, row in [.int64(key.guild), .int64(key.member), .int64(row.xp), .int(row.level), .timestamp(row.last)] }
/// ```
public struct DatabaseUpsertSink<Key: Hashable & Sendable, Value: Sendable>: WriteBehindSink {
    private let database: any Database
    private let sql: String
    private let parameters: @Sendable (Key, Value) -> [StoreValue]

    /// Creates a sink that runs `sql` with `parameters(key, value)` for every change.
    public init(database: any Database, sql: String, parameters: @escaping @Sendable (Key, Value) -> [StoreValue]) {
        self.database = database
        self.sql = sql
        self.parameters = parameters
    }

    public func commit(_ changes: [WriteBehindChange<Key, Value>]) async throws {
        guard !changes.isEmpty else { return }
        try await database.executeBatch(sql, changes.map { parameters($0.key, $0.value) })
    }
}
