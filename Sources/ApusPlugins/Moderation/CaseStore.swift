import ApusCore
import ApusStore

/// The moderation cases of every guild, on the bot's database (SQLite or PostgreSQL).
///
/// Opening a case bumps the guild's counter and inserts the case in one transaction, so case numbers are dense and
/// unique per guild even when two moderators act at the same moment.
public struct CaseStore: Sendable {
    /// The most characters a reason keeps.
    public static let maximumReasonLength = 2_000

    private let database: any Database

    /// Creates a store over `database` (whose `moderation` migrations have run).
    public init(database: any Database) {
        self.database = database
    }

    private static let columns = "id, guild_id, number, type, user_id, moderator_id, reason, valid, processed, expires_at, created_at"

    /// Opens a case with the guild's next number.
    public func open(_ new: NewModerationCase, now: WallTime) async throws -> ModerationCase {
        let reason = String(new.reason.unicodeScalars.prefix(Self.maximumReasonLength))
        return try await database.transaction { tx in
            let counter = try await tx.queryFirst(
                """
                INSERT INTO moderation_case_counters (guild_id, case_count) VALUES (?, 1)
                ON CONFLICT (guild_id) DO UPDATE SET case_count = moderation_case_counters.case_count + 1
                RETURNING case_count
                """, [.int(new.guildID)])
            guard let number = try counter?.int("case_count") else {
                throw StoreError(.other, "the case counter of guild \(new.guildID) returned no row")
            }
            let row = try await tx.queryFirst(
                """
                INSERT INTO moderation_cases (guild_id, number, type, user_id, moderator_id, reason, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING \(Self.columns)
                """,
                [.int(new.guildID), .int(number), .text(new.type.rawValue), .int(new.userID), .int(new.moderatorID),
                 .text(reason), .timestamp(new.expiresAt), .timestamp(now)])
            guard let row else { throw StoreError(.other, "inserting case \(number) of guild \(new.guildID) returned no row") }
            return try Self.moderationCase(row)
        }
    }

    /// Removes a case opened for an action that Discord then refused (a temp-ban names its case in the ban's reason,
    /// so its case is opened first). The guild's counter steps back when this was its latest case, so numbers stay
    /// dense; if another case was opened meanwhile, the number is skipped. Returns whether the case existed.
    @discardableResult
    public func withdraw(_ opened: ModerationCase) async throws -> Bool {
        try await database.transaction { tx in
            let removed = try await tx.execute(
                "DELETE FROM moderation_cases WHERE id = ? AND guild_id = ? AND number = ?",
                [.int64(opened.id), .int(opened.guildID), .int(opened.number)])
            guard removed > 0 else { return false }
            try await tx.execute(
                "UPDATE moderation_case_counters SET case_count = case_count - 1 WHERE guild_id = ? AND case_count = ?",
                [.int(opened.guildID), .int(opened.number)])
            return true
        }
    }

    /// The case `number` of `guildID`, if it exists.
    public func moderationCase(guildID: UInt64, number: Int) async throws -> ModerationCase? {
        let row = try await database.queryFirst(
            "SELECT \(Self.columns) FROM moderation_cases WHERE guild_id = ? AND number = ?", [.int(guildID), .int(number)])
        return try row.map(Self.moderationCase)
    }

    /// The case with row id `id`, if it exists.
    public func moderationCase(id: Int64) async throws -> ModerationCase? {
        let row = try await database.queryFirst("SELECT \(Self.columns) FROM moderation_cases WHERE id = ?", [.int64(id)])
        return try row.map(Self.moderationCase)
    }

    /// A guild's cases matching `filter`, newest first, at most `limit`.
    public func cases(guildID: UInt64, matching filter: CaseFilter = CaseFilter(), limit: Int = 10) async throws -> [ModerationCase] {
        var sql = "SELECT \(Self.columns) FROM moderation_cases WHERE guild_id = ?"
        var parameters: [StoreValue] = [.int(guildID)]
        if let type = filter.type {
            sql += " AND type = ?"
            parameters.append(.text(type.rawValue))
        }
        if let user = filter.userID {
            sql += " AND user_id = ?"
            parameters.append(.int(user))
        }
        if let moderator = filter.moderatorID {
            sql += " AND moderator_id = ?"
            parameters.append(.int(moderator))
        }
        sql += " ORDER BY number DESC LIMIT ?"
        parameters.append(.int(max(1, min(limit, 100))))
        return try await database.query(sql, parameters).map(Self.moderationCase)
    }

    /// Changes a case's validity and/or reason; returns the updated case, or nil when it does not exist.
    public func modify(guildID: UInt64, number: Int, isValid: Bool?, reason: String?) async throws -> ModerationCase? {
        var assignments: [String] = []
        var parameters: [StoreValue] = []
        if let isValid {
            assignments.append("valid = ?")
            parameters.append(.bool(isValid))
        }
        if let reason {
            assignments.append("reason = ?")
            parameters.append(.text(String(reason.unicodeScalars.prefix(Self.maximumReasonLength))))
        }
        guard !assignments.isEmpty else { return try await moderationCase(guildID: guildID, number: number) }
        let row = try await database.queryFirst(
            "UPDATE moderation_cases SET \(assignments.joined(separator: ", ")) WHERE guild_id = ? AND number = ? RETURNING \(Self.columns)",
            parameters + [.int(guildID), .int(number)])
        return try row.map(Self.moderationCase)
    }

    /// Marks a case's expiry handled. Idempotent.
    public func markProcessed(id: Int64) async throws {
        try await database.execute("UPDATE moderation_cases SET processed = ? WHERE id = ?", [.bool(true), .int64(id)])
    }

    /// Marks every unhandled temp-ban case of `userID` in `guildID` handled (the ban they describe has ended).
    /// Idempotent. Returns how many cases changed.
    @discardableResult
    public func markTempbansProcessed(guildID: UInt64, userID: UInt64) async throws -> Int {
        try await database.execute(
            "UPDATE moderation_cases SET processed = ? WHERE guild_id = ? AND user_id = ? AND type = ? AND processed = ?",
            [.bool(true), .int(guildID), .int(userID), .text(CaseType.tempban.rawValue), .bool(false)])
    }

    private static func moderationCase(_ row: StoreRow) throws -> ModerationCase {
        let typeName = try row.text("type")
        guard let type = CaseType(rawValue: typeName) else {
            throw StoreError(.typeMismatch, "moderation case type '\(typeName)' is unknown")
        }
        return ModerationCase(
            id: try row.int64("id"), guildID: UInt64(bitPattern: try row.int64("guild_id")), number: try row.int("number"),
            type: type, userID: UInt64(bitPattern: try row.int64("user_id")),
            moderatorID: UInt64(bitPattern: try row.int64("moderator_id")), reason: try row.text("reason"),
            isValid: try row.bool("valid"), isProcessed: try row.bool("processed"),
            expiresAt: try row.optionalWallTime("expires_at"), createdAt: try row.wallTime("created_at"))
    }
}
