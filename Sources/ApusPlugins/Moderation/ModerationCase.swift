import ApusCore

/// What a moderation case records (the original bot's `case_type`, for the actions Apus's moderation plugin takes).
public enum CaseType: String, Sendable, Hashable, CaseIterable {
    /// A permanent ban.
    case ban = "BAN"
    /// A lifted ban.
    case unban = "UNBAN"
    /// A ban lifted automatically when it expires.
    case tempban = "TEMPBAN"
    /// A kick.
    case kick = "KICK"
    /// A Discord timeout.
    case timeout = "TIMEOUT"
    /// A lifted timeout.
    case untimeout = "UNTIMEOUT"
    /// A warning (no Discord action).
    case warn = "WARN"

    /// Parses a type name case-insensitively (`ban`, `TempBan`); nil for anything else.
    public init?(name: String) {
        self.init(rawValue: name.uppercased())
    }

    /// The past-tense verb used in replies and direct messages ("banned", "warned").
    public var pastTense: String {
        switch self {
        case .ban: "banned"
        case .unban: "unbanned"
        case .tempban: "temporarily banned"
        case .kick: "kicked"
        case .timeout: "timed out"
        case .untimeout: "no longer timed out"
        case .warn: "warned"
        }
    }
}

/// One moderation case: numbered per guild from 1, kept as history. A temp-ban's expiry is handled by a scheduled
/// job, which marks the case `processed`.
public struct ModerationCase: Sendable, Hashable, Identifiable {
    /// The row id (unique across guilds).
    public var id: Int64
    /// The guild.
    public var guildID: UInt64
    /// The case number within the guild (1, 2, 3, …).
    public var number: Int
    /// What was done.
    public var type: CaseType
    /// The member or user acted on.
    public var userID: UInt64
    /// The moderator who acted.
    public var moderatorID: UInt64
    /// The reason given (at most 2,000 characters).
    public var reason: String
    /// Whether the case stands (`false` once voided with `cases modify … -status false`).
    public var isValid: Bool
    /// Whether the case's expiry has been handled (temp-bans).
    public var isProcessed: Bool
    /// When the action ends by itself (temp-bans, timeouts).
    public var expiresAt: WallTime?
    /// When the case was opened.
    public var createdAt: WallTime

    /// Creates a case value.
    public init(
        id: Int64, guildID: UInt64, number: Int, type: CaseType, userID: UInt64, moderatorID: UInt64, reason: String,
        isValid: Bool = true, isProcessed: Bool = false, expiresAt: WallTime? = nil, createdAt: WallTime
    ) {
        self.id = id
        self.guildID = guildID
        self.number = number
        self.type = type
        self.userID = userID
        self.moderatorID = moderatorID
        self.reason = reason
        self.isValid = isValid
        self.isProcessed = isProcessed
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }
}

/// A case to open: everything but the number and id, which the store assigns.
public struct NewModerationCase: Sendable, Hashable {
    /// The guild.
    public var guildID: UInt64
    /// What was done.
    public var type: CaseType
    /// The member or user acted on.
    public var userID: UInt64
    /// The moderator who acted.
    public var moderatorID: UInt64
    /// The reason (cut to 2,000 characters when stored).
    public var reason: String
    /// When the action ends by itself, if it does.
    public var expiresAt: WallTime?

    /// Creates a case description.
    public init(guildID: UInt64, type: CaseType, userID: UInt64, moderatorID: UInt64, reason: String, expiresAt: WallTime? = nil) {
        self.guildID = guildID
        self.type = type
        self.userID = userID
        self.moderatorID = moderatorID
        self.reason = reason
        self.expiresAt = expiresAt
    }
}

/// Which cases a search returns (`cases search -type ban -user @m -mod @x`); nil fields match everything.
public struct CaseFilter: Sendable, Hashable {
    /// Only this type.
    public var type: CaseType?
    /// Only cases about this user.
    public var userID: UInt64?
    /// Only cases by this moderator.
    public var moderatorID: UInt64?

    /// Creates a filter.
    public init(type: CaseType? = nil, userID: UInt64? = nil, moderatorID: UInt64? = nil) {
        self.type = type
        self.userID = userID
        self.moderatorID = moderatorID
    }
}
