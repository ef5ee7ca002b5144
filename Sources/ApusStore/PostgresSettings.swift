import Foundation

/// Where a PostgreSQL store connects, parsed from a `postgres://user:password@host:port/database` URL.
///
/// Query parameters: `schema=NAME` (the store sets `search_path` to it on every connection and creates it if
/// missing; tests use one schema per test), `sslmode=disable|require` (default `disable`), `pool=N` (most
/// connections, default 10), `statement_timeout=DURATION` (the deadline of every statement and transaction, for
/// example `5s`, `250ms`, `2min`; a bare number is milliseconds; `0` turns it off; default 30 s). The description
/// hides the password.
public struct PostgresSettings: Sendable, Equatable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// The server's port (default 5432).
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// The role's password, if any.
    public var password: String?
    /// The database name (default: the user name).
    public var database: String
    /// The schema to use instead of `public`, if any.
    public var schema: String?
    /// Whether to require TLS.
    public var requireTLS: Bool
    /// The most pooled connections.
    public var maximumConnections: Int
    /// How long to wait for a connection to be established.
    public var connectTimeout: Duration
    /// The deadline of every statement and of every whole transaction, or `nil` for none (then a dead server
    /// can make statements wait for ever).
    ///
    /// A statement or transaction still running at its deadline fails with a ``StoreError`` of kind `timeout`
    /// that names the server and the deadline; the store closes its connection, so no half-done transaction is
    /// left on a pooled connection. The value is also sent to the server as its `statement_timeout`, so a stuck
    /// query is cancelled server-side too.
    public var statementTimeout: Duration?

    /// The default ``statementTimeout``: 30 seconds.
    public static let defaultStatementTimeout: Duration = .seconds(30)

    /// Creates settings from parts.
    public init(
        host: String, port: Int = 5432, username: String, password: String?, database: String,
        schema: String? = nil, requireTLS: Bool = false, maximumConnections: Int = 10,
        connectTimeout: Duration = .seconds(5), statementTimeout: Duration? = PostgresSettings.defaultStatementTimeout
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
        self.requireTLS = requireTLS
        self.maximumConnections = maximumConnections
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
    }

    /// Parses a `postgres://` or `postgresql://` URL. Throws a ``StoreError`` of kind `invalidConfiguration`
    /// that names the problem (never the password).
    public init(url: String) throws(StoreError) {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else {
            throw StoreError(.invalidConfiguration, "database URL must look like postgres://user:password@host:port/db")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError(.invalidConfiguration, "database URL has no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreError(.invalidConfiguration, "database URL has no user name")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.init(host: host, port: components.port ?? 5432, username: user, password: components.password,
                  database: path.isEmpty ? user : path)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name.lowercased() {
            case "schema", "search_path":
                guard Self.isPlainIdentifier(value) else {
                    throw StoreError(.invalidConfiguration, "database URL schema must be letters, digits and _")
                }
                schema = value
            case "sslmode":
                switch value {
                case "disable", "allow", "prefer": requireTLS = false
                case "require", "verify-ca", "verify-full": requireTLS = true
                default: throw StoreError(.invalidConfiguration, "database URL has unknown sslmode '\(value)'")
                }
            case "pool":
                guard let size = Int(value), size > 0, size <= 1000 else {
                    throw StoreError(.invalidConfiguration, "database URL pool must be a number from 1 to 1000")
                }
                maximumConnections = size
            case "statement_timeout":
                statementTimeout = try PostgresTimeoutParameter.parse(value, parameter: "statement_timeout")
            default:
                throw StoreError(.invalidConfiguration, "database URL has unknown parameter '\(item.name)'")
            }
        }
    }

    public var description: String {
        let secret = password == nil ? "" : ":***"
        var parameters: [String] = []
        if let schema { parameters.append("schema=\(schema)") }
        if statementTimeout != Self.defaultStatementTimeout {
            let timeout = statementTimeout.map(PostgresTimeoutParameter.describe) ?? "0"
            parameters.append("statement_timeout=\(timeout)")
        }
        let query = parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")
        return "postgres://\(username)\(secret)@\(host):\(port)/\(database)\(query)"
    }

    /// Whether `name` is a non-empty run of ASCII letters, digits and underscores not starting with a digit.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !(first.properties.numericType != nil) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic
            || ("0"..."9").contains($0)) }
    }

    /// Quotes an identifier for PostgreSQL (`"name"`, inner quotes doubled).
    static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
