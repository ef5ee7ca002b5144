import ApusCore
import ApusStore

/// A member of a guild: the key of a levels row.
public struct MemberKey: Sendable, Hashable {
    /// The guild id.
    public var guildID: UInt64
    /// The member's user id.
    public var memberID: UInt64

    /// Creates a key.
    public init(guildID: UInt64, memberID: UInt64) {
        self.guildID = guildID
        self.memberID = memberID
    }
}

/// The levels plugin's storage: XP rows read once, kept in memory, and written through a write-behind buffer with
/// group commit.
///
/// Every write goes through this actor, so its in-memory rows are authoritative for the keys it has seen: the
/// per-message path reads no database row after the first message of a member, and writes one buffered upsert.
/// A row is durable once ``flush()`` returns, or ``WriteBehindBuffer/Limits/maxDelay`` after it was written
/// (see ``WriteBehindBuffer`` for the loss bound on a crash). Guild ownership must be exclusive (one process per
/// guild, as shards give), otherwise two ledgers would overwrite each other's rows.
public actor LevelsLedger {
    private let database: any Database
    private let buffer: WriteBehindBuffer<MemberKey, XPLedgerRow>
    private var rows: [MemberKey: XPLedgerRow] = [:]
    /// Guilds whose rows are all in ``rows``: a miss there means the member has no row (no query needed).
    private var loadedGuilds: Set<UInt64> = []
    private let maximumCachedRows: Int
    /// Queries run to read rows (one per guild on first sight, or one per member for guilds too large to load).
    public private(set) var databaseReads = 0

    /// Creates a ledger over `database` (which must have ``LevelsMigrations`` applied).
    public init(
        database: any Database, limits: WriteBehindBuffer<MemberKey, XPLedgerRow>.Limits = .init(),
        maximumCachedRows: Int = 200_000, clock: any TimeSource = SystemTimeSource()
    ) {
        self.database = database
        self.maximumCachedRows = max(1, maximumCachedRows)
        // `ON CONFLICT … DO UPDATE` with `excluded` is the same on SQLite (3.24+) and PostgreSQL (9.5+).
        let upsert = "INSERT INTO levels (guild_id, member_id, xp, level, blacklisted, last_message) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (guild_id, member_id) DO UPDATE SET xp = excluded.xp, level = excluded.level, "
            + "blacklisted = excluded.blacklisted, last_message = excluded.last_message"
        let sink = DatabaseUpsertSink<MemberKey, XPLedgerRow>(database: database, sql: upsert) { key, row in
            [.int64(Int64(bitPattern: key.guildID)), .int64(Int64(bitPattern: key.memberID)), .double(row.xp),
             .int(row.level), .bool(row.blacklisted), .timestamp(row.lastMessage)]
        }
        buffer = WriteBehindBuffer(sink: sink, limits: limits, clock: clock)
    }

    /// The member's row, or `nil` if they have none.
    ///
    /// The first lookup in a guild loads all of that guild's rows in one query (so a busy guild costs one read, not
    /// one per member); a guild with more rows than the cache holds falls back to one indexed read per member.
    public func row(_ key: MemberKey) async throws -> XPLedgerRow? {
        if let cached = rows[key] { return cached }
        if let pending = await buffer.pendingValue(for: key) { return pending }
        if loadedGuilds.contains(key.guildID) { return nil }
        if try await loadGuild(key.guildID) { return rows[key] }
        databaseReads += 1
        let found = try await database.queryFirst(
            "SELECT xp, level, blacklisted, last_message FROM levels WHERE guild_id = ? AND member_id = ?",
            [.int64(Int64(bitPattern: key.guildID)), .int64(Int64(bitPattern: key.memberID))])
        guard let found else { return nil }
        let row = try Self.ledgerRow(found)
        remember(row, for: key)
        return row
    }

    /// Loads every row of a guild if they fit in the cache; returns whether it did.
    private func loadGuild(_ guildID: UInt64) async throws -> Bool {
        databaseReads += 1
        let limit = maximumCachedRows - rows.count
        guard limit > 0 else { return false }
        let found = try await database.query(
            "SELECT member_id, xp, level, blacklisted, last_message FROM levels WHERE guild_id = ? LIMIT ?",
            [.int64(Int64(bitPattern: guildID)), .int(limit + 1)])
        guard found.count <= limit else { return false }
        for stored in found {
            let key = MemberKey(guildID: guildID, memberID: UInt64(bitPattern: try stored.int64("member_id")))
            // A row written since start (cached or still in the buffer) is newer than the database's copy.
            guard rows[key] == nil, await buffer.pendingValue(for: key) == nil else { continue }
            rows[key] = try Self.ledgerRow(stored)
        }
        loadedGuilds.insert(guildID)
        return true
    }

    private static func ledgerRow(_ stored: StoreRow) throws -> XPLedgerRow {
        XPLedgerRow(
            xp: try stored.double("xp"), level: try stored.int("level"), blacklisted: try stored.bool("blacklisted"),
            lastMessage: try stored.wallTime("last_message"))
    }

    /// Runs the per-message algorithm for `message` at `now` and buffers the resulting write. Returns the decision
    /// (the caller applies reward-role changes over REST).
    public func record(_ message: XPMessage, rules: XPRules, now: WallTime) async throws -> XPAward {
        guard let guildID = message.guildID else { return .skipped(.directMessage) }
        // Cheap rejections first, so that bots, DMs and commands never touch storage.
        if message.authorIsBot { return .skipped(.bot) }
        if rules.blacklistedChannels.contains(message.channelID) { return .skipped(.blacklistedChannel) }
        if message.isCommand { return .skipped(.command) }
        if message.memberRoles == nil { return .skipped(.unknownMember) }
        let key = MemberKey(guildID: guildID, memberID: message.authorID)
        let award = XPAward.evaluate(message, row: try await row(key), rules: rules, now: now)
        if case .write(let updated, _, _) = award {
            try await write(updated, for: key)
        }
        return award
    }

    /// Stores `row` for `key` (admin commands: set level, set XP, reset, blacklist).
    public func write(_ row: XPLedgerRow, for key: MemberKey) async throws {
        remember(row, for: key)
        try await buffer.submit(row, for: key)
    }

    /// How many members' changes are buffered and not yet committed (read without waiting for this actor, so a
    /// shutdown report can ask while a commit is in progress).
    public nonisolated func pendingChangeCount() async -> Int {
        await buffer.pendingCount
    }

    /// Commits every buffered write and returns after the commit.
    public func flush() async throws {
        try await buffer.flush()
    }

    /// Commits everything and stops accepting writes (SIGTERM), retrying failed commits until `deadline`; always
    /// returns, with a report of what could not be committed (see ``WriteBehindBuffer/close(deadline:retryDelay:)``).
    @discardableResult
    public func close(deadline: Duration = .seconds(10)) async -> WriteBehindBuffer<MemberKey, XPLedgerRow>.CloseReport {
        await buffer.close(deadline: deadline)
    }

    /// The members of a guild by XP, highest first (ties by member id), blacklisted members excluded, `limit` of
    /// them from position `offset` (a page). Commits buffered writes first, so the database answers with every change.
    public func leaderboard(
        guildID: UInt64, limit: Int, offset: Int = 0
    ) async throws -> [(memberID: UInt64, row: XPLedgerRow)] {
        try await flush()
        let found = try await database.query(
            "SELECT member_id, xp, level, blacklisted, last_message FROM levels WHERE guild_id = ? AND "
                + (database.dialect == .postgres ? "blacklisted = FALSE" : "blacklisted = 0")
                + " ORDER BY xp DESC, member_id LIMIT ? OFFSET ?",
            [.int64(Int64(bitPattern: guildID)), .int(max(0, limit)), .int(max(0, offset))])
        return try found.map { row in (UInt64(bitPattern: try row.int64("member_id")), try Self.ledgerRow(row)) }
    }

    private func remember(_ row: XPLedgerRow, for key: MemberKey) {
        if rows.count >= maximumCachedRows, rows[key] == nil {
            // Rows are also in the database or the buffer: dropping cached ones only costs a re-read.
            rows.removeAll(keepingCapacity: true)
            loadedGuilds.removeAll()
        }
        rows[key] = row
    }
}
