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

/// Stored form of a member: 20 bytes (stride 20: the user id is kept as two 32-bit halves so that the record needs
/// only 4-byte alignment) plus a blob in the guild's arena holding the role list (one varint ordinal per role, see
/// ``RoleOrdinals``), the nickname, the timeout end and the member flags with the pending bit. With three roles, no
/// nickname, no timeout and no flags: 20 + 8 + 2.5 (index) ≈ 31 bytes.
struct MemberRecord: IDKeyedRecord {
    /// The user id's low 32 bits.
    var userIDLow: UInt32
    /// The user id's high 32 bits.
    var userIDHigh: UInt32
    /// Role ordinals, nickname, timeout end, flags and pending, packed.
    var blob: BlobRef
    /// Joined-at, seconds since the Discord epoch (0 = unknown).
    var joinedAt: UInt32
    /// Monotonic second of the last write (for age bounds).
    var writtenAt: UInt32

    init(userID: UInt64, blob: BlobRef, joinedAt: UInt32, writtenAt: UInt32) {
        userIDLow = UInt32(truncatingIfNeeded: userID)
        userIDHigh = UInt32(truncatingIfNeeded: userID >> 32)
        self.blob = blob
        self.joinedAt = joinedAt
        self.writtenAt = writtenAt
    }

    /// The user id.
    var userID: UInt64 { UInt64(userIDHigh) << 32 | UInt64(userIDLow) }
    var key: UInt64 { userID }

    /// The blob's fields.
    struct Details: Equatable {
        var roleOrdinals: [UInt32]
        var nick: String?
        /// Seconds since the Discord epoch (0 = none).
        var timeoutUntil: UInt32
        var flags: UInt64
        var isPending: Bool
    }

    /// Packs roles (as ordinals), nickname, timeout end, flags and pending.
    static func pack(
        roles: [Snowflake], nick: String?, timeoutUntil: UInt32, flags: Int, isPending: Bool, ordinals: inout RoleOrdinals
    ) -> [UInt8] {
        pack(Details(
            roleOrdinals: roles.map { ordinals.ordinal(of: $0.rawValue) }, nick: nick, timeoutUntil: timeoutUntil,
            flags: UInt64(clamping: Swift.max(0, flags)), isPending: isPending
        ))
    }

    /// Packs the blob's fields.
    static func pack(_ details: Details) -> [UInt8] {
        var writer = PackedFieldsWriter()
        writer.append(numbers: details.roleOrdinals)
        writer.append(details.nick)
        writer.append(number: UInt64(details.timeoutUntil))
        // One byte for the usual flags 0: the flags shifted left once, the pending bit below them (flags above
        // 2^63 are dropped; Discord's member flags use the low bits).
        writer.append(number: details.flags << 1 | (details.isPending ? 1 : 0))
        return writer.bytes
    }

    /// Reads the blob's fields.
    func details(in arena: ByteArena) -> Details {
        var reader = PackedFieldsReader(arena.blob(blob))
        let roles = reader.readNumbers()
        let nick = reader.readString()
        let timeout = UInt32(truncatingIfNeeded: reader.readNumber())
        let flagsAndPending = reader.readNumber()
        return Details(
            roleOrdinals: roles, nick: nick, timeoutUntil: timeout, flags: flagsAndPending >> 1,
            isPending: flagsAndPending & 1 != 0
        )
    }

    /// Rebuilds the public value (without the user record).
    func cachedMember(guildID: UInt64, in arena: ByteArena, ordinals: RoleOrdinals) -> CachedMember {
        let details = details(in: arena)
        let roles = details.roleOrdinals.compactMap { ordinals.roleID(of: $0) }.map(Snowflake.init(rawValue:))
        return CachedMember(
            guildID: Snowflake(guildID), userID: Snowflake(userID), roleIDs: roles, nick: details.nick,
            joinedAt: CacheClock.timestamp(discordSeconds: joinedAt),
            communicationDisabledUntil: CacheClock.timestamp(discordSeconds: details.timeoutUntil),
            isPending: details.isPending, flags: Int(truncatingIfNeeded: details.flags)
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
            flags: flags ?? 0, isPending: pending == true, ordinals: &ordinals
        )
        return MemberRecord(
            userID: userID, blob: arena.append(packed), joinedAt: CacheClock.discordSeconds(joinedAt), writtenAt: writtenAt
        )
    }
}
