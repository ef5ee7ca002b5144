/// Which engine a bot's store uses and where.
///
/// ``from(environment:defaultPath:)`` reads `APUS_DATABASE_URL`: a `postgres://…` URL selects PostgreSQL;
/// unset or empty selects SQLite at `APUS_DATABASE_PATH`, or at `defaultPath` when that is unset too. The URL's
/// query parameters (`schema`, `sslmode`, `pool`, `statement_timeout`) are described at ``PostgresSettings``;
/// for example `postgres://bot:secret@db:5432/apus?statement_timeout=5s` fails any statement or transaction
/// still running after five seconds with a `timeout` error instead of waiting for a dead server.
public enum StoreConfiguration: Sendable, Equatable {
    /// SQLite in one file (WAL, `synchronous=FULL`).
    case sqlite(path: String)
    /// SQLite in memory (tests).
    case sqliteInMemory
    /// PostgreSQL.
    case postgres(PostgresSettings)

    /// Chooses the engine from environment variables. Throws a ``StoreError`` of kind `invalidConfiguration` for
    /// a URL that is neither empty nor a valid `postgres://` URL.
    public static func from(
        environment: [String: String], defaultPath: String = "apus.sqlite"
    ) throws(StoreError) -> StoreConfiguration {
        if let url = environment["APUS_DATABASE_URL"], !url.isEmpty {
            return .postgres(try PostgresSettings(url: url))
        }
        if let path = environment["APUS_DATABASE_PATH"], !path.isEmpty {
            return .sqlite(path: path)
        }
        guard !defaultPath.isEmpty else {
            throw StoreError(.invalidConfiguration, "empty default SQLite path")
        }
        return .sqlite(path: defaultPath)
    }

    /// Reads a database URL: `sqlite://PATH` (`sqlite:///abs/path` for an absolute path, `sqlite://apus.sqlite` for
    /// one relative to the working directory, `sqlite::memory:` for a database in memory) or
    /// `postgres://user:password@host:port/database?…` (also `postgresql://`). Throws a ``StoreError`` of kind
    /// `invalidConfiguration` that never repeats a password.
    ///
    /// ```swift
    /// let store = try StoreConfiguration(url: "sqlite://data/apus.sqlite")   // .sqlite(path: "data/apus.sqlite")
    /// ```
    public init(url: String) throws(StoreError) {
        if url == "sqlite::memory:" {
            self = .sqliteInMemory
        } else if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else {
                throw StoreError(.invalidConfiguration, "database URL 'sqlite://' names no file (write sqlite://apus.sqlite)")
            }
            self = .sqlite(path: path)
        } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            self = .postgres(try PostgresSettings(url: url))
        } else {
            let scheme = url.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            throw StoreError(
                .invalidConfiguration,
                "database URL must start with sqlite:// or postgres:// (got '\(scheme.prefix(20))…')")
        }
    }

    /// The database's name for logs and errors, never with its password: `sqlite:PATH`, `sqlite::memory:` or
    /// `postgres://user@host:port/database`.
    public var displayName: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .sqliteInMemory: "sqlite::memory:"
        case .postgres(let settings):
            "postgres://\(settings.username)@\(settings.host):\(settings.port)/\(settings.database)"
        }
    }

    /// Opens the database this configuration describes.
    public func open() async throws(StoreError) -> any Database {
        switch self {
        case .sqlite(let path): try SQLiteDatabase(location: .file(path))
        case .sqliteInMemory: try SQLiteDatabase(location: .inMemory)
        case .postgres(let settings): try await PostgresDatabase(settings: settings)
        }
    }
}
