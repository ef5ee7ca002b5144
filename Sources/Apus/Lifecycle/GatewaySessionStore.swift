import ApusCore
import ApusGateway
import ApusStore

/// The shards' resumable gateway sessions in the bot's database, so that a restarted process RESUMEs instead of
/// identifying again (an identify costs one of the day's session starts, and every event sent while the bot was
/// down is lost to a fresh session but replayed to a resumed one).
///
/// ```swift
/// let sessions = GatewaySessionStore(database: database)
/// configuration.sessions = try await sessions.takeRecent(maximumAge: .seconds(180))   // at start
/// ...
/// try await sessions.save(bot.exportSessions())                                       // after a resumable stop
/// ```
///
/// Sessions are *taken* at start (read and deleted in one transaction): a session is offered to one process once,
/// so a process that crashes later never hands a stale session to the next one. A session older than the maximum
/// age is not offered at all; one that Discord has forgotten in the meantime costs a refused RESUME (op 9), after
/// which the shard identifies as usual.
public struct GatewaySessionStore: Sendable {
    /// The migration owner of the table.
    public static let owner = "core.gateway_sessions"

    /// `001_gateway_sessions`: one row per shard.
    public static let migrations = MigrationList(owner: owner, migrations: [
        Migration("001_gateway_sessions", [
            """
            CREATE TABLE gateway_sessions (
                shard_id INTEGER PRIMARY KEY,
                shard_count INTEGER NOT NULL,
                session_id TEXT NOT NULL,
                resume_gateway_url TEXT NOT NULL,
                sequence BIGINT,
                saved_at BIGINT NOT NULL
            )
            """,
        ]),
    ])

    /// The longest session id or URL stored; anything longer is not a session Discord would hand out.
    static let maximumTextLength = 2_048

    private let database: any Database
    private let clock: any WallClock

    /// Creates a store over `database`, which must have ``migrations`` applied.
    public init(database: any Database, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// Stores `sessions` (replacing every stored one) durably before returning. Sessions with an empty or overlong
    /// id or URL, or a shard id outside `0..<shardCount`, are not stored.
    public func save(_ sessions: [GatewaySession]) async throws {
        let now = clock.now()
        let rows: [[StoreValue]] = sessions.filter(Self.isPlausible).map { session in
            [.int64(Int64(session.shardID)), .int64(Int64(session.shardCount)), .text(session.sessionID),
             .text(session.resumeGatewayURL), session.sequence.map { .int64(Int64($0)) } ?? .null, .timestamp(now)]
        }
        try await database.transaction { tx in
            try await tx.execute("DELETE FROM gateway_sessions")
            if !rows.isEmpty {
                try await tx.executeBatch(
                    "INSERT INTO gateway_sessions (shard_id, shard_count, session_id, resume_gateway_url, sequence, saved_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", rows)
            }
        }
    }

    /// Returns the stored sessions saved at most `maximumAge` ago and deletes every stored session, in one
    /// transaction. Rows that do not describe a plausible session (a damaged or hand-edited table) are skipped.
    public func takeRecent(maximumAge: Duration) async throws -> [GatewaySession] {
        let oldest = clock.now() - maximumAge
        return try await database.transaction { tx in
            let rows = try await tx.query(
                "SELECT shard_id, shard_count, session_id, resume_gateway_url, sequence FROM gateway_sessions "
                    + "WHERE saved_at >= ? ORDER BY shard_id", [.timestamp(oldest)])
            try await tx.execute("DELETE FROM gateway_sessions")
            return rows.compactMap { row -> GatewaySession? in
                guard let shardID = try? row.int64("shard_id"), let shardCount = try? row.int64("shard_count"),
                      let sessionID = try? row.text("session_id"), let url = try? row.text("resume_gateway_url"),
                      let sequence = Result(catching: { () throws(StoreError) in try row.optionalInt64("sequence") }).ok,
                      let shard = Int(exactly: shardID), let count = Int(exactly: shardCount)
                else { return nil }
                let session = GatewaySession(
                    sessionID: sessionID, resumeGatewayURL: url, sequence: sequence.flatMap { Int(exactly: $0) },
                    shardID: shard, shardCount: count)
                return Self.isPlausible(session) ? session : nil
            }
        }
    }

    static func isPlausible(_ session: GatewaySession) -> Bool {
        session.shardCount > 0 && session.shardCount <= 65_536 && (0..<session.shardCount).contains(session.shardID)
            && !session.sessionID.isEmpty && session.sessionID.utf8.count <= maximumTextLength
            && !session.resumeGatewayURL.isEmpty && session.resumeGatewayURL.utf8.count <= maximumTextLength
            && (session.sequence ?? 0) >= 0
    }
}

extension Result {
    /// The success value (itself optional here: a nullable column), or nil when reading failed.
    fileprivate var ok: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
