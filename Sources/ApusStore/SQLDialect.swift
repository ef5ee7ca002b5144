/// The SQL dialect of a store, for the few places where SQL must differ between engines.
///
/// Statements are written with `?` placeholders on every engine; ``rewritePlaceholders(_:)`` turns them into
/// `$1, $2, …` for PostgreSQL. A `?` inside a quoted string, a quoted identifier or a comment is left alone.
public enum SQLDialect: String, Sendable, Equatable, CaseIterable {
    /// SQLite through GRDB.
    case sqlite
    /// PostgreSQL through postgres-nio.
    case postgres

    /// The SQL for an auto-incrementing 64-bit primary key column definition (without the column name).
    public var autoIncrementPrimaryKey: String {
        switch self {
        case .sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgres: "BIGSERIAL PRIMARY KEY"
        }
    }

    /// The column type for raw bytes.
    public var blobType: String {
        switch self {
        case .sqlite: "BLOB"
        case .postgres: "BYTEA"
        }
    }

    /// The column type for booleans.
    public var boolType: String {
        switch self {
        case .sqlite: "INTEGER"
        case .postgres: "BOOLEAN"
        }
    }

    /// The row-locking suffix for a `SELECT` that claims rows: `FOR UPDATE SKIP LOCKED` on PostgreSQL, nothing on
    /// SQLite (whose transactions are single-writer with `BEGIN IMMEDIATE`).
    public var claimLockSuffix: String {
        switch self {
        case .sqlite: ""
        case .postgres: " FOR UPDATE SKIP LOCKED"
        }
    }

    /// Rewrites portable `?` placeholders into this dialect's syntax.
    public func rewritePlaceholders(_ sql: String) -> String {
        switch self {
        case .sqlite: sql
        case .postgres: Self.numberPlaceholders(sql)
        }
    }

    /// Counts the `?` placeholders outside quotes and comments.
    public static func placeholderCount(_ sql: String) -> Int {
        var count = 0
        scanPlaceholders(sql) { _ in count += 1 }
        return count
    }

    private static func numberPlaceholders(_ sql: String) -> String {
        var result = String.UnicodeScalarView()
        var number = 0
        var last = sql.unicodeScalars.startIndex
        scanPlaceholders(sql) { index in
            result.append(contentsOf: sql.unicodeScalars[last..<index])
            number += 1
            result.append(contentsOf: "$\(number)".unicodeScalars)
            last = sql.unicodeScalars.index(after: index)
        }
        result.append(contentsOf: sql.unicodeScalars[last...])
        return String(result)
    }

    /// Calls `found` with the index of every `?` outside string literals, quoted identifiers and comments.
    private static func scanPlaceholders(_ sql: String, _ found: (String.UnicodeScalarView.Index) -> Void) {
        let scalars = sql.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            switch scalar {
            case "'", "\"":
                index = skipQuoted(scalars, from: index, quote: scalar)
                continue
            case "-":
                let next = scalars.index(after: index)
                if next < scalars.endIndex, scalars[next] == "-" {
                    index = scalars[next...].firstIndex(of: "\n") ?? scalars.endIndex
                    continue
                }
            case "/":
                let next = scalars.index(after: index)
                if next < scalars.endIndex, scalars[next] == "*" {
                    index = skipBlockComment(scalars, from: next)
                    continue
                }
            case "?":
                found(index)
            default:
                break
            }
            index = scalars.index(after: index)
        }
    }

    private static func skipQuoted(
        _ scalars: String.UnicodeScalarView, from start: String.UnicodeScalarView.Index, quote: Unicode.Scalar
    ) -> String.UnicodeScalarView.Index {
        var index = scalars.index(after: start)
        while index < scalars.endIndex {
            if scalars[index] == quote {
                let next = scalars.index(after: index)
                // A doubled quote is an escaped quote inside the literal.
                if next < scalars.endIndex, scalars[next] == quote {
                    index = scalars.index(after: next)
                    continue
                }
                return next
            }
            index = scalars.index(after: index)
        }
        return scalars.endIndex
    }

    private static func skipBlockComment(
        _ scalars: String.UnicodeScalarView, from star: String.UnicodeScalarView.Index
    ) -> String.UnicodeScalarView.Index {
        var index = scalars.index(after: star)
        var previous: Unicode.Scalar = " "
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if previous == "*" && scalar == "/" { return index }
            previous = scalar
        }
        return scalars.endIndex
    }
}
