import ApusCore

/// One result row: column names and values, with typed accessors that throw ``StoreError`` of kind
/// `typeMismatch` when a column is missing or holds another type.
///
/// Integer columns read as `bool` when they hold 0 or 1 (SQLite has no boolean type); `wallTime` reads integer
/// milliseconds since the Unix epoch.
public struct StoreRow: Sendable, Equatable {
    /// The column names, in result order.
    public let columns: [String]
    /// The values, in the same order as ``columns``.
    public let values: [StoreValue]

    /// Creates a row from parallel arrays of column names and values.
    public init(columns: [String], values: [StoreValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of the column named `column` (case-insensitive), or `nil` if the row has no such column.
    public subscript(column: String) -> StoreValue? {
        if let index = columns.firstIndex(of: column) { return values[index] }
        let lowered = column.lowercased()
        return columns.firstIndex { $0.lowercased() == lowered }.map { values[$0] }
    }

    /// The value of `column`, or a `typeMismatch` error naming the missing column.
    public func value(_ column: String) throws(StoreError) -> StoreValue {
        guard let value = self[column] else {
            throw StoreError(.typeMismatch, "no column '\(column)' in row (columns: \(columns.joined(separator: ", ")))")
        }
        return value
    }

    /// The non-null integer in `column`.
    public func int64(_ column: String) throws(StoreError) -> Int64 {
        guard let value = try optionalInt64(column) else { throw nullError(column, expected: "int64") }
        return value
    }

    /// The integer in `column`, or `nil` for `NULL`.
    public func optionalInt64(_ column: String) throws(StoreError) -> Int64? {
        switch try value(column) {
        case .null: return nil
        case .int64(let value): return value
        case .bool(let value): return value ? 1 : 0
        case let other: throw mismatch(column, expected: "int64", found: other)
        }
    }

    /// The non-null integer in `column` as `Int`.
    public func int(_ column: String) throws(StoreError) -> Int {
        let value = try int64(column)
        guard let result = Int(exactly: value) else {
            throw StoreError(.typeMismatch, "column '\(column)' does not fit in Int")
        }
        return result
    }

    /// The non-null float in `column` (integers are widened).
    public func double(_ column: String) throws(StoreError) -> Double {
        guard let value = try optionalDouble(column) else { throw nullError(column, expected: "double") }
        return value
    }

    /// The float in `column` (integers are widened), or `nil` for `NULL`.
    public func optionalDouble(_ column: String) throws(StoreError) -> Double? {
        switch try value(column) {
        case .null: return nil
        case .double(let value): return value
        case .int64(let value): return Double(value)
        case let other: throw mismatch(column, expected: "double", found: other)
        }
    }

    /// The non-null text in `column`.
    public func text(_ column: String) throws(StoreError) -> String {
        guard let value = try optionalText(column) else { throw nullError(column, expected: "text") }
        return value
    }

    /// The text in `column`, or `nil` for `NULL`.
    public func optionalText(_ column: String) throws(StoreError) -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let value): return value
        case let other: throw mismatch(column, expected: "text", found: other)
        }
    }

    /// The non-null bytes in `column`.
    public func blob(_ column: String) throws(StoreError) -> [UInt8] {
        switch try value(column) {
        case .blob(let value): return value
        case .null: throw nullError(column, expected: "blob")
        case let other: throw mismatch(column, expected: "blob", found: other)
        }
    }

    /// The non-null boolean in `column` (integers 0 and 1 are accepted).
    public func bool(_ column: String) throws(StoreError) -> Bool {
        switch try value(column) {
        case .bool(let value): return value
        case .int64(0): return false
        case .int64(1): return true
        case .null: throw nullError(column, expected: "bool")
        case let other: throw mismatch(column, expected: "bool", found: other)
        }
    }

    /// The non-null wall time (integer milliseconds) in `column`.
    public func wallTime(_ column: String) throws(StoreError) -> WallTime {
        WallTime(millisecondsSinceEpoch: try int64(column))
    }

    /// The wall time (integer milliseconds) in `column`, or `nil` for `NULL`.
    public func optionalWallTime(_ column: String) throws(StoreError) -> WallTime? {
        try optionalInt64(column).map { WallTime(millisecondsSinceEpoch: $0) }
    }

    private func mismatch(_ column: String, expected: String, found: StoreValue) -> StoreError {
        StoreError(.typeMismatch, "column '\(column)' holds \(found.kindName), expected \(expected)")
    }

    private func nullError(_ column: String, expected: String) -> StoreError {
        StoreError(.typeMismatch, "column '\(column)' is NULL, expected \(expected)")
    }
}
