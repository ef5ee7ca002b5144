import ApusModel

/// A guild member as the cache keeps it. The user's own fields live in one shared ``CachedUser`` record, attached to
/// the value that lookups return.
public struct CachedMember: Sendable, Hashable {
    /// The guild.
    public var guildID: Snowflake
    /// The member's user id.
    public var userID: Snowflake
    /// The member's role ids as Discord last sent them (without the `@everyone` role).
    public var roleIDs: [Snowflake]
    /// The guild nickname, if set.
    public var nick: String?
    /// When the member joined, at one-second precision.
    public var joinedAt: DiscordTimestamp?
    /// When the member's timeout ends, at one-second precision (nil when not timed out).
    public var communicationDisabledUntil: DiscordTimestamp?
    /// Whether the member has not yet passed membership screening.
    public var isPending: Bool
    /// The member flags (`flags`).
    public var flags: Int
    /// The shared user record, when users are cached.
    public var user: CachedUser?

    /// Creates a cached member.
    public init(
        guildID: Snowflake, userID: Snowflake, roleIDs: [Snowflake], nick: String? = nil, joinedAt: DiscordTimestamp? = nil,
        communicationDisabledUntil: DiscordTimestamp? = nil, isPending: Bool = false, flags: Int = 0, user: CachedUser? = nil
    ) {
        self.guildID = guildID
        self.userID = userID
        self.roleIDs = roleIDs
        self.nick = nick
        self.joinedAt = joinedAt
        self.communicationDisabledUntil = communicationDisabledUntil
        self.isPending = isPending
        self.flags = flags
        self.user = user
    }

    /// The name to show in the guild: nickname, else global name, else username (nil when the user is not cached
    /// and there is no nickname).
    public var displayName: String? { nick ?? user?.displayName }
}

/// Stored form of a member: 23 bytes (stride 24) plus a blob in the guild's arena holding the role list (one varint
/// ordinal per role, see ``RoleOrdinals``), the nickname and the timeout end. With three roles, no nickname and no
/// timeout: 24 + 6 + ~8 (index) ≈ 38 bytes.
struct MemberRecord: IDKeyedRecord {
    /// The user id.
    var userID: UInt64
    /// Role ordinals, nickname and timeout end, packed.
    var blob: BlobRef
    /// Joined-at, seconds since the Discord epoch (0 = unknown).
    var joinedAt: UInt32
    /// Monotonic second of the last write (for age bounds).
    var writtenAt: UInt32
    /// Member flags (Discord's member flags fit in 16 bits today; higher bits are dropped).
    var flags: UInt16
    /// Bit 0: pending.
    var bits: UInt8

    var key: UInt64 { userID }

    /// Packs roles (as ordinals), nickname and timeout end.
    static func pack(roles: [Snowflake], nick: String?, timeoutUntil: UInt32, ordinals: inout RoleOrdinals) -> [UInt8] {
        var writer = PackedFieldsWriter()
        writer.append(numbers: roles.map { ordinals.ordinal(of: $0.rawValue) })
        writer.append(nick)
        writer.append(number: UInt64(timeoutUntil))
        return writer.bytes
    }

    /// Rebuilds the public value (without the user record).
    func cachedMember(guildID: UInt64, in arena: ByteArena, ordinals: RoleOrdinals) -> CachedMember {
        var reader = PackedFieldsReader(arena.blob(blob))
        let roles = reader.readNumbers().compactMap { ordinals.roleID(of: $0) }.map(Snowflake.init(rawValue:))
        let nick = reader.readString()
        let timeout = UInt32(truncatingIfNeeded: reader.readNumber())
        return CachedMember(
            guildID: Snowflake(guildID), userID: Snowflake(userID), roleIDs: roles, nick: nick,
            joinedAt: CacheClock.timestamp(discordSeconds: joinedAt),
            communicationDisabledUntil: CacheClock.timestamp(discordSeconds: timeout),
            isPending: bits & 1 != 0, flags: Int(flags)
        )
    }
}

/// The member fields every member-carrying event shares, extracted once.
struct MemberFields: Sendable {
    var userID: UInt64
    var roles: [Snowflake]
    var nick: String?
    var joinedAt: DiscordTimestamp?
    var communicationDisabledUntil: DiscordTimestamp?
    var pending: Bool?
    var flags: Int?
    var user: User?

    init(_ member: GuildMember, userID: UInt64) {
        self.userID = userID
        roles = member.roles
        nick = member.nick
        joinedAt = member.joinedAt
        communicationDisabledUntil = member.communicationDisabledUntil
        pending = member.pending
        flags = member.flags
        user = member.user
    }

    init(_ event: GuildMemberAdd, userID: UInt64) {
        self.userID = userID
        roles = event.roles
        nick = event.nick
        joinedAt = event.joinedAt
        communicationDisabledUntil = event.communicationDisabledUntil
        pending = event.pending
        flags = event.flags
        user = event.user
    }

    init(_ event: GuildMemberUpdate) {
        userID = event.user.id.rawValue
        roles = event.roles
        nick = event.nick
        joinedAt = event.joinedAt
        communicationDisabledUntil = event.communicationDisabledUntil
        pending = event.pending
        flags = event.flags
        user = event.user
    }

    /// The record for these fields, its blob appended to `arena`.
    func record(in arena: inout ByteArena, ordinals: inout RoleOrdinals, writtenAt: UInt32) -> MemberRecord {
        let packed = MemberRecord.pack(
            roles: roles, nick: nick, timeoutUntil: CacheClock.discordSeconds(communicationDisabledUntil),
            ordinals: &ordinals
        )
        return MemberRecord(
            userID: userID, blob: arena.append(packed), joinedAt: CacheClock.discordSeconds(joinedAt),
            writtenAt: writtenAt, flags: UInt16(truncatingIfNeeded: flags ?? 0), bits: pending == true ? 1 : 0
        )
    }
}
