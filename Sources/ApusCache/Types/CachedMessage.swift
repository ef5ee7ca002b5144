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

    /// Creates a cached message.
    public init(
        id: Snowflake, channelID: Snowflake, guildID: Snowflake?, authorID: Snowflake, content: String,
        timestamp: DiscordTimestamp, editedTimestamp: DiscordTimestamp? = nil, attachmentURLs: [String] = [],
        referencedMessageID: Snowflake? = nil
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
    }
}

/// Stored form of a message: 24 bytes plus a blob in its shard's arena holding the content, the timestamp's offset
/// from the id's creation time (0 for Discord's messages: one byte), the edit time, the referenced message id and the
/// attachment URLs. A 137-character message without attachments costs about 24 + 143 bytes plus ~10 % slack.
struct MessageRecord: Sendable {
    var id: UInt64
    var authorID: UInt64
    /// Content, timestamps, reference and attachment URLs, packed.
    var blob: BlobRef
    /// Monotonic second of the last write.
    var writtenAt: UInt32

    /// The fields kept in the blob.
    struct Details {
        var content: String
        var timestamp: Int64
        var editedTimestamp: Int64?
        var referencedMessageID: UInt64?
        var attachmentURLs: [String]
    }

    /// Microseconds since the Unix epoch at which a snowflake was created.
    static func creationMicroseconds(_ id: UInt64) -> Int64 {
        Int64(truncatingIfNeeded: Snowflake(id).timestampMilliseconds) &* 1000
    }

    static func pack(id: UInt64, _ details: Details) -> [UInt8] {
        var writer = PackedFieldsWriter()
        writer.append(details.content)
        writer.append(number: zigzag(details.timestamp &- creationMicroseconds(id)))
        writer.append(number: details.editedTimestamp.map { zigzag($0 &- details.timestamp) &+ 1 } ?? 0)
        writer.append(number: details.referencedMessageID ?? 0)
        for url in details.attachmentURLs { writer.append(url) }
        return writer.bytes
    }

    func details(in arena: ByteArena) -> Details {
        var reader = PackedFieldsReader(arena.blob(blob))
        let content = reader.readString() ?? ""
        let timestamp = Self.creationMicroseconds(id) &+ Self.unzigzag(reader.readNumber())
        let edited = reader.readNumber()
        let reference = reader.readNumber()
        var urls: [String] = []
        while let url = reader.readString() { urls.append(url) }
        return Details(
            content: content, timestamp: timestamp, editedTimestamp: edited == 0 ? nil : timestamp &+ Self.unzigzag(edited - 1),
            referencedMessageID: reference == 0 ? nil : reference, attachmentURLs: urls
        )
    }

    func cachedMessage(channelID: UInt64, guildID: UInt64, in arena: ByteArena) -> CachedMessage {
        let details = details(in: arena)
        return CachedMessage(
            id: Snowflake(id), channelID: Snowflake(channelID), guildID: guildID == 0 ? nil : Snowflake(guildID),
            authorID: Snowflake(authorID), content: details.content,
            timestamp: DiscordTimestamp(microsecondsSinceEpoch: details.timestamp),
            editedTimestamp: details.editedTimestamp.map { DiscordTimestamp(microsecondsSinceEpoch: $0) },
            attachmentURLs: details.attachmentURLs, referencedMessageID: details.referencedMessageID.map(Snowflake.init(rawValue:))
        )
    }

    private static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    private static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
}
