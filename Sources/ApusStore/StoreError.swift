/// A failure reported by an Apus store: what went wrong, and the short form of the SQL that failed.
///
/// Errors never carry bound parameter values (they may be secrets or personal data); ``statement`` is the SQL
/// text with whitespace collapsed and cut to ``statementLimit`` characters.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: String, Sendable, Equatable {
        /// A `UNIQUE` or primary-key constraint was violated.
        case uniqueViolation
        /// A foreign-key constraint was violated.
        case foreignKeyViolation
        /// A `NOT NULL` constraint was violated.
        case notNullViolation
        /// A `CHECK` constraint (or another constraint) was violated.
        case checkViolation
        /// The SQL text is malformed.
        case syntax
        /// A table, column or other object named by the SQL does not exist (or already exists).
        case undefinedObject
        /// The database could not be reached or the connection broke.
        case connection
        /// A statement or transaction did not complete within its deadline (for PostgreSQL,
        /// ``PostgresSettings/statementTimeout``, enforced by Apus and by the server). The work was abandoned and
        /// its connection closed; a transaction interrupted during `COMMIT` may or may not have committed.
        case timeout
        /// The database was busy or the transaction lost a conflict (lock timeout, serialization failure,
        /// deadlock); retrying may succeed.
        case busy
        /// A column was read as the wrong type, or a row lacks the column.
        case typeMismatch
        /// A migration already applied has a different checksum now.
        case migrationChecksumMismatch
        /// A migration list is malformed (duplicate names, empty owner).
        case invalidMigration
        /// The store configuration is invalid (bad URL, bad path).
        case invalidConfiguration
        /// The row an operation names does not exist (for example an unknown job id).
        case notFound
        /// The store or buffer was used after `close()`.
        case closed
        /// Anything else the engine reported.
        case other
    }

    /// The most SQL text kept in ``statement``.
    public static let statementLimit = 120

    /// What kind of failure this is.
    public var kind: Kind
    /// The engine's or Apus's message (never containing bound values).
    public var message: String
    /// The short form of the SQL that failed, if any.
    public var statement: String?

    /// Creates an error; `statement` is shortened to its short form.
    public init(_ kind: Kind, _ message: String, statement: String? = nil) {
        self.kind = kind
        self.message = message
        self.statement = statement.map(StoreError.shortForm)
    }

    /// Whether this is any constraint violation (unique, foreign key, not null, check).
    public var isConstraintViolation: Bool {
        switch kind {
        case .uniqueViolation, .foreignKeyViolation, .notNullViolation, .checkViolation: true
        default: false
        }
    }

    public var description: String {
        if let statement {
            return "StoreError.\(kind.rawValue): \(message) [in: \(statement)]"
        }
        return "StoreError.\(kind.rawValue): \(message)"
    }

    /// Collapses whitespace runs to one space and cuts the text to ``statementLimit`` characters.
    static func shortForm(_ sql: String) -> String {
        var result = ""
        var lastWasSpace = true
        for character in sql {
            if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
            if result.count >= statementLimit {
                return result + "…"
            }
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
