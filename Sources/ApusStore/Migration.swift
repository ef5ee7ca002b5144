/// One named schema change: the SQL statements to run, the same for every engine or with per-dialect overrides.
///
/// Each statement is run separately (PostgreSQL's extended protocol takes one statement at a time), all of a
/// migration's statements in one transaction. The checksum covers the statements of the dialect being migrated,
/// so editing an applied migration is caught at the next start.
public struct Migration: Sendable, Equatable {
    /// The migration's name, unique within its owner, for example `"001_create_levels"`.
    public var name: String
    /// Statements for every dialect without an override.
    public var statements: [String]
    /// Per-dialect replacements for ``statements``.
    public var overrides: [SQLDialect: [String]]

    /// A migration whose statements are the same on every engine.
    public init(_ name: String, _ statements: [String]) {
        self.name = name
        self.statements = statements
        self.overrides = [:]
    }

    /// A migration with different statements for SQLite and PostgreSQL.
    public init(_ name: String, sqlite: [String], postgres: [String]) {
        self.name = name
        self.statements = sqlite
        self.overrides = [.postgres: postgres]
    }

    /// A migration whose statements are built from the dialect (for column types such as
    /// ``SQLDialect/autoIncrementPrimaryKey``).
    public init(_ name: String, build: (SQLDialect) -> [String]) {
        self.name = name
        self.statements = build(.sqlite)
        var overrides: [SQLDialect: [String]] = [:]
        for dialect in SQLDialect.allCases where dialect != .sqlite {
            overrides[dialect] = build(dialect)
        }
        self.overrides = overrides
    }

    /// The statements to run on `dialect`.
    public func statements(for dialect: SQLDialect) -> [String] {
        overrides[dialect] ?? statements
    }

    /// A stable checksum (64-bit FNV-1a, hexadecimal) of the statements for `dialect`.
    public func checksum(for dialect: SQLDialect) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for statement in statements(for: dialect) {
            for byte in statement.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            hash = (hash ^ 0x1e) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The ordered migrations of one owner: `core` for Apus itself, a plugin's name for a plugin.
public struct MigrationList: Sendable, Equatable {
    /// Who owns these migrations (`"core"` or a plugin's name).
    public var owner: String
    /// The migrations in the order they are applied.
    public var migrations: [Migration]

    /// Creates an owner's migration list.
    public init(owner: String, migrations: [Migration]) {
        self.owner = owner
        self.migrations = migrations
    }
}

/// A migration recorded as applied.
public struct AppliedMigration: Sendable, Equatable {
    /// The owner.
    public var owner: String
    /// The migration's name.
    public var name: String
    /// The checksum it was applied with.
    public var checksum: String
}
