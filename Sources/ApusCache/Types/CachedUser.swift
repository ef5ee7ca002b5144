import ApusModel

/// A user as the cache keeps it: only what plugins read.
public struct CachedUser: Sendable, Hashable {
    /// The user's id.
    public var id: Snowflake
    /// The unique username.
    public var username: String
    /// The display name, if set.
    public var globalName: String?
    /// The avatar hash (`a_`-prefixed when animated), if set.
    public var avatar: String?
    /// Whether the user is a bot.
    public var isBot: Bool

    /// Creates a cached user.
    public init(id: Snowflake, username: String, globalName: String? = nil, avatar: String? = nil, isBot: Bool = false) {
        self.id = id
        self.username = username
        self.globalName = globalName
        self.avatar = avatar
        self.isBot = isBot
    }

    /// The name to show: the global name when set, else the username.
    public var displayName: String { globalName ?? username }
}

/// Stored form of a user: 15 bytes (stride 16: id, blob reference, reference count, bits) plus a blob holding the
/// username, the global name and, last and without a length, the avatar (a 32-hex-digit hash as 16 binary bytes; the
/// kind lives in `bits`). Typical total with index and slack: ~60 bytes.
struct UserRecord: IDKeyedRecord {
    /// The user id.
    var id: UInt64
    /// Username, global name and avatar, packed.
    var blob: BlobRef
    /// How many cached memberships (plus the bot's own pin) refer to this user; the record is dropped at zero.
    var references: UInt16
    /// Bit 0: bot. Bit 1: pinned (the bot's own user, never dropped). Bits 2-3: avatar kind (``AvatarHash``).
    var bits: UInt8

    var key: UInt64 { id }
    var isBot: Bool { bits & 1 != 0 }
    var isPinned: Bool { bits & 2 != 0 }
    var avatarKind: UInt8 { (bits >> 2) & 3 }

    /// Packs a user's fields into a blob and returns it with the avatar kind for ``bits``.
    static func pack(username: String, globalName: String?, avatar: ImageHash?) -> (blob: [UInt8], avatarKind: UInt8) {
        var writer = PackedFieldsWriter()
        writer.append(username)
        writer.append(globalName)
        let (kind, payload) = AvatarHash.encode(avatar)
        writer.append(trailing: payload)
        return (writer.bytes, kind)
    }

    /// Sets the avatar kind bits.
    mutating func setAvatarKind(_ kind: UInt8) {
        bits = (bits & ~0b1100) | ((kind & 3) << 2)
    }

    /// Rebuilds the public value from the record and its arena.
    func cachedUser(in arena: ByteArena) -> CachedUser {
        var reader = PackedFieldsReader(arena.blob(blob))
        let username = reader.readString() ?? ""
        let globalName = reader.readString()
        let avatar = AvatarHash.decode(kind: avatarKind, reader.readRemaining())
        return CachedUser(id: Snowflake(id), username: username, globalName: globalName, avatar: avatar?.string, isBot: isBot)
    }
}

/// Binary encoding of avatar hashes: a hash in Discord's form (``ImageHash/value``) becomes its 16 bytes and a kind;
/// anything else is kept verbatim as UTF-8.
enum AvatarHash {
    static let none: UInt8 = 0
    static let still: UInt8 = 1
    static let animated: UInt8 = 2
    static let verbatim: UInt8 = 3

    /// Encodes an optional avatar hash as a kind and payload.
    static func encode(_ hash: ImageHash?) -> (kind: UInt8, payload: [UInt8]) {
        guard let hash else { return (none, []) }
        guard let value = hash.value else { return (verbatim, Array(hash.string.utf8)) }
        var payload = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            payload[index] = UInt8(truncatingIfNeeded: value.high >> (56 - 8 * UInt64(index)))
            payload[8 + index] = UInt8(truncatingIfNeeded: value.low >> (56 - 8 * UInt64(index)))
        }
        return (value.animated ? animated : still, payload)
    }

    /// Decodes what ``encode(_:)`` produced.
    static func decode(kind: UInt8, _ payload: ArraySlice<UInt8>) -> ImageHash? {
        switch kind {
        case still, animated:
            guard payload.count == 16 else { return nil }
            var high: UInt64 = 0
            var low: UInt64 = 0
            for (offset, byte) in payload.enumerated() {
                if offset < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
            }
            return ImageHash(high: high, low: low, animated: kind == animated)
        case verbatim:
            return ImageHash(String(decoding: payload, as: UTF8.self))
        default:
            return nil
        }
    }
}
