import ApusCore

/// A value bound to a statement parameter or read from a result column, the same on every engine.
///
/// Booleans are stored as `BOOLEAN` on PostgreSQL and as integers 0/1 on SQLite; timestamps (``WallTime``) are
/// stored as integer milliseconds since the Unix epoch on both engines (`BIGINT` columns), so they compare and
/// index the same way everywhere and never depend on a server's time zone.
public enum StoreValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A 64-bit integer.
    case int64(Int64)
    /// A double-precision float.
    case double(Double)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes (`BLOB` / `BYTEA`).
    case blob([UInt8])
    /// A boolean.
    case bool(Bool)

    /// A wall time, stored as integer milliseconds since the Unix epoch.
    public static func timestamp(_ time: WallTime) -> StoreValue {
        .int64(time.millisecondsSinceEpoch)
    }

    /// An optional wall time: `NULL` when absent.
    public static func timestamp(_ time: WallTime?) -> StoreValue {
        time.map { .int64($0.millisecondsSinceEpoch) } ?? .null
    }

    /// An optional text: `NULL` when absent.
    public static func text(_ value: String?) -> StoreValue {
        value.map { .text($0) } ?? .null
    }

    /// An integer of any width that fits in 64 bits.
    public static func int<I: BinaryInteger>(_ value: I) -> StoreValue {
        .int64(Int64(truncatingIfNeeded: value))
    }

    /// Whether the value is `NULL`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The name of the value's kind, for error messages (never the value itself).
    public var kindName: String {
        switch self {
        case .null: "null"
        case .int64: "int64"
        case .double: "double"
        case .text: "text"
        case .blob: "blob"
        case .bool: "bool"
        }
    }
}
