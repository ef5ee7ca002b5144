import ApusModel

/// A member's presence as the cache keeps it: status and custom status text (what status-role plugins read).
public struct CachedPresence: Sendable, Hashable {
    /// The guild.
    public var guildID: Snowflake
    /// The user.
    public var userID: Snowflake
    /// The overall status.
    public var status: PresenceStatus
    /// The custom status text (`state` of the custom-status activity), if any.
    public var customStatus: String?

    /// Creates a cached presence.
    public init(guildID: Snowflake, userID: Snowflake, status: PresenceStatus, customStatus: String? = nil) {
        self.guildID = guildID
        self.userID = userID
        self.status = status
        self.customStatus = customStatus
    }
}

/// Stored form of a presence: 24 bytes (stride) plus the custom status text in the guild arena when set.
struct PresenceRecord: IDKeyedRecord {
    var userID: UInt64
    /// Custom status text, packed (0 = none).
    var blob: BlobRef
    /// Monotonic second of the last write.
    var writtenAt: UInt32
    /// 0 offline, 1 online, 2 idle, 3 dnd, 4 invisible, 5 unknown.
    var status: UInt8

    var key: UInt64 { userID }

    static func code(_ status: PresenceStatus?) -> UInt8 {
        switch status {
        case .none, .offline: 0
        case .online: 1
        case .idle: 2
        case .doNotDisturb: 3
        case .invisible: 4
        case .unknown: 5
        }
    }

    static func status(_ code: UInt8) -> PresenceStatus {
        switch code {
        case 1: .online
        case 2: .idle
        case 3: .doNotDisturb
        case 4: .invisible
        case 5: .unknown("unknown")
        default: .offline
        }
    }

    /// The custom status text of a presence: the `state` of its activity of type custom (4).
    static func customStatus(of presence: Presence) -> String? {
        presence.activities?.first { $0.type.rawValue == 4 }?.state
    }

    func cachedPresence(guildID: UInt64, in arena: ByteArena) -> CachedPresence {
        var reader = PackedFieldsReader(arena.blob(blob))
        return CachedPresence(
            guildID: Snowflake(guildID), userID: Snowflake(userID), status: Self.status(status),
            customStatus: blob == 0 ? nil : reader.readString()
        )
    }
}
