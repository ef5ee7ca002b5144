import ApusModel

/// A message as the cache keeps it: only what plugins read (logging edits and deletes, snipe, starboard).
public struct CachedMessage: Sendable, Hashable {
    /// The message id.
    public var id: Snowflake
    /// The channel.
    public var channelID: Snowflake
    /// The guild (nil in DMs).
    public var guildID: Snowflake?
    /// The author's user id.
    public var authorID: Snowflake
    /// The text content.
    public var content: String
    /// When the message was sent.
    public var timestamp: DiscordTimestamp
    /// When it was last edited.
    public var editedTimestamp: DiscordTimestamp?
    /// The attachments' URLs.
    public var attachmentURLs: [String]
    /// The id of the message this one replies to or forwards.
    public var referencedMessageID: Snowflake?
    /// The users the message mentions (`mentions`), in Discord's order; what a ghost-ping logger reports when the
    /// message is deleted.
    public var mentionedUserIDs: [Snowflake]
    /// The roles the message mentions (`mention_roles`).
    public var mentionedRoleIDs: [Snowflake]

    /// Creates a cached message.
    public init(
        id: Snowflake, channelID: Snowflake, guildID: Snowflake?, authorID: Snowflake, content: String,
        timestamp: DiscordTimestamp, editedTimestamp: DiscordTimestamp? = nil, attachmentURLs: [String] = [],
        referencedMessageID: Snowflake? = nil, mentionedUserIDs: [Snowflake] = [], mentionedRoleIDs: [Snowflake] = []
    ) {
        self.id = id
        self.channelID = channelID
        self.guildID = guildID
        self.authorID = authorID
        self.content = content
        self.timestamp = timestamp
        self.editedTimestamp = editedTimestamp
        self.attachmentURLs = attachmentURLs
        self.referencedMessageID = referencedMessageID
        self.mentionedUserIDs = mentionedUserIDs
        self.mentionedRoleIDs = mentionedRoleIDs
    }
}

/// Stored form of a message: 24 bytes plus a blob in its shard's arena. The blob starts with one byte saying which
/// optional fields follow; then, only when present: the timestamp's offset from the id's creation time (Discord's
/// messages have none), the edit time, the referenced message id, the mentioned user and role ids (8 bytes each) and
/// the attachment URLs (see ``AttachmentURLCodec``); last, without a length, the content: its UTF-8 bytes, or, when
/// shorter, its byte count and its ``ChatTextCode`` bits. A plain 137-character English message costs about
/// 24 + 1 + 80 bytes plus array slack.
struct MessageRecord: Sendable {
    var id: UInt64
    var authorID: UInt64
    /// Content, timestamps, reference, mentions and attachment URLs, packed.
    var blob: BlobRef
    /// Monotonic second of the last write.
    var writtenAt: UInt32

    /// The fields kept in the blob.
    struct Details: Equatable {
        var content: String
        var timestamp: Int64
        var editedTimestamp: Int64?
        var referencedMessageID: UInt64?
        var attachmentURLs: [String]
        var mentionedUserIDs: [UInt64] = []
        var mentionedRoleIDs: [UInt64] = []
    }

    /// Bits of the blob's first byte: which optional fields are present and how the content is kept.
    private enum Present {
        static let timestampOffset: UInt8 = 1
        static let edited: UInt8 = 2
        static let reference: UInt8 = 4
        static let mentionedUsers: UInt8 = 8
        static let mentionedRoles: UInt8 = 16
        static let attachments: UInt8 = 32
        static let codedContent: UInt8 = 64
    }

    /// Microseconds since the Unix epoch at which a snowflake was created.
    static func creationMicroseconds(_ id: UInt64) -> Int64 {
        Int64(truncatingIfNeeded: Snowflake(id).timestampMilliseconds) &* 1000
    }

    /// Packs the fields of message `id` in channel `channelID` (the channel shortens attachment URLs); with
    /// `compressingContent`, the content is kept as ``ChatTextCode`` bits when that is shorter.
    static func pack(id: UInt64, channelID: UInt64, _ details: Details, compressingContent: Bool = true) -> [UInt8] {
        var content = details.content
        let coded = compressingContent ? content.withUTF8 { ChatTextCode.standard.encode($0) } : nil
        let offset = details.timestamp &- creationMicroseconds(id)
        var present: UInt8 = 0
        if offset != 0 { present |= Present.timestampOffset }
        if details.editedTimestamp != nil { present |= Present.edited }
        if details.referencedMessageID != nil { present |= Present.reference }
        if !details.mentionedUserIDs.isEmpty { present |= Present.mentionedUsers }
        if !details.mentionedRoleIDs.isEmpty { present |= Present.mentionedRoles }
        if !details.attachmentURLs.isEmpty { present |= Present.attachments }
        if coded != nil { present |= Present.codedContent }
        var writer = PackedFieldsWriter()
        writer.append(number: UInt64(present))
        if offset != 0 { writer.append(number: zigzag(offset)) }
        if let edited = details.editedTimestamp { writer.append(number: zigzag(edited &- details.timestamp)) }
        if let reference = details.referencedMessageID { writer.append(number: reference) }
        if !details.mentionedUserIDs.isEmpty { writer.append(ids: details.mentionedUserIDs) }
        if !details.mentionedRoleIDs.isEmpty { writer.append(ids: details.mentionedRoleIDs) }
        if !details.attachmentURLs.isEmpty {
            writer.append(number: UInt64(details.attachmentURLs.count))
            for url in details.attachmentURLs { AttachmentURLCodec.append(url, channelID: channelID, to: &writer) }
        }
        if let coded {
            writer.append(number: UInt64(content.utf8.count))
            writer.append(trailing: coded)
        } else {
            content.withUTF8 { writer.append(trailing: $0) }
        }
        return writer.bytes
    }

    /// Reads the blob's fields back (corrupt input reads as empty fields; it never traps).
    func details(in arena: ByteArena, channelID: UInt64) -> Details {
        var reader = PackedFieldsReader(arena.blob(blob))
        let present = UInt8(truncatingIfNeeded: reader.readNumber())
        var timestamp = Self.creationMicroseconds(id)
        if present & Present.timestampOffset != 0 { timestamp = timestamp &+ Self.unzigzag(reader.readNumber()) }
        var details = Details(
            content: "", timestamp: timestamp, editedTimestamp: nil, referencedMessageID: nil, attachmentURLs: []
        )
        if present & Present.edited != 0 { details.editedTimestamp = timestamp &+ Self.unzigzag(reader.readNumber()) }
        if present & Present.reference != 0 { details.referencedMessageID = reader.readNumber() }
        if present & Present.mentionedUsers != 0 { details.mentionedUserIDs = reader.readIDs() }
        if present & Present.mentionedRoles != 0 { details.mentionedRoleIDs = reader.readIDs() }
        if present & Present.attachments != 0 {
            let count = reader.readNumber()
            var urls: [String] = []
            while UInt64(urls.count) < count, let url = AttachmentURLCodec.read(from: &reader, channelID: channelID) {
                urls.append(url)
            }
            details.attachmentURLs = urls
        }
        if present & Present.codedContent != 0 {
            let count = reader.readNumber()
            let coded = reader.readRemaining()
            let bytes = count <= UInt64(coded.count) * 8 ? ChatTextCode.standard.decode(coded, count: Int(count)) : nil
            details.content = String(decoding: bytes ?? [], as: UTF8.self)
        } else {
            details.content = String(decoding: reader.readRemaining(), as: UTF8.self)
        }
        return details
    }

    /// The public value.
    func cachedMessage(channelID: UInt64, guildID: UInt64, in arena: ByteArena) -> CachedMessage {
        let details = details(in: arena, channelID: channelID)
        return CachedMessage(
            id: Snowflake(id), channelID: Snowflake(channelID), guildID: guildID == 0 ? nil : Snowflake(guildID),
            authorID: Snowflake(authorID), content: details.content,
            timestamp: DiscordTimestamp(microsecondsSinceEpoch: details.timestamp),
            editedTimestamp: details.editedTimestamp.map { DiscordTimestamp(microsecondsSinceEpoch: $0) },
            attachmentURLs: details.attachmentURLs,
            referencedMessageID: details.referencedMessageID.map(Snowflake.init(rawValue:)),
            mentionedUserIDs: details.mentionedUserIDs.map(Snowflake.init(rawValue:)),
            mentionedRoleIDs: details.mentionedRoleIDs.map(Snowflake.init(rawValue:))
        )
    }

    private static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    private static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
}
