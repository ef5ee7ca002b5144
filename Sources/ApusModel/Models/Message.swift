/// A message in a channel (REST responses and MESSAGE_CREATE).
///
/// `Message` is a copy-on-write value: its fields live in one heap box, so handing a message from the decoder to the
/// event enum, the queue and a handler copies a pointer instead of several hundred bytes and every field's
/// reference count. Mutating a shared copy copies the box first, as with `Array`.
public struct Message: Sendable, Hashable, JSONDecodable {
    /// The stored fields (one allocation per message).
    @usableFromInline struct Fields: Sendable, Hashable {
        /// `id`
        @usableFromInline var id: Snowflake
        /// `channel_id`
        @usableFromInline var channelID: Snowflake
        /// `guild_id`
        @usableFromInline var guildID: Snowflake?
        /// `author`
        @usableFromInline var author: User
        /// `member`
        @usableFromInline var member: GuildMember?
        /// `content`
        @usableFromInline var content: String
        /// `timestamp`
        @usableFromInline var timestamp: DiscordTimestamp
        /// `edited_timestamp`
        @usableFromInline var editedTimestamp: DiscordTimestamp?
        /// `tts`
        @usableFromInline var tts: Bool
        /// `mention_everyone`
        @usableFromInline var mentionEveryone: Bool
        /// `mentions`
        @usableFromInline var mentions: [MentionedUser]
        /// `mention_roles`
        @usableFromInline var mentionRoles: [Snowflake]
        /// `mention_channels`
        @usableFromInline var mentionChannels: [ChannelMention]?
        /// `attachments`
        @usableFromInline var attachments: [Attachment]
        /// `embeds`
        @usableFromInline var embeds: [Embed]
        /// `reactions`
        @usableFromInline var reactions: [Reaction]?
        /// `nonce`
        @usableFromInline var nonce: MessageNonce?
        /// `pinned`
        @usableFromInline var pinned: Bool
        /// `webhook_id`
        @usableFromInline var webhookID: Snowflake?
        /// `type`
        @usableFromInline var `type`: MessageType
        /// `activity`
        @usableFromInline var activity: MessageActivity?
        /// `application_id`
        @usableFromInline var applicationID: Snowflake?
        /// `message_reference`
        @usableFromInline var messageReference: MessageReference?
        /// `flags`
        @usableFromInline var flags: Int?
        /// `referenced_message`
        @usableFromInline var referencedMessage: Indirect<Message>?
        /// `interaction_metadata`
        @usableFromInline var interactionMetadata: Indirect<MessageInteractionMetadata>?
        /// `thread`
        @usableFromInline var thread: Indirect<Channel>?
        /// `components`
        @usableFromInline var components: RawJSON?
        /// `sticker_items`
        @usableFromInline var stickerItems: [StickerItem]?
        /// `poll`
        @usableFromInline var poll: RawJSON?
        /// `position`
        @usableFromInline var position: Int?

        /// Decodes from JSON; unknown keys are skipped.
        init(from reader: inout JSONReader) throws(JSONDecodingError) {
            var idValue: Snowflake?
            var channelIDValue: Snowflake?
            var authorValue: User?
            var contentValue: String?
            var timestampValue: DiscordTimestamp?
            var ttsValue: Bool?
            var mentionEveryoneValue: Bool?
            var mentionsValue: [MentionedUser]?
            var mentionRolesValue: [Snowflake]?
            var attachmentsValue: [Attachment]?
            var embedsValue: [Embed]?
            var pinnedValue: Bool?
            var typeValue: MessageType?
            try reader.beginObject()
            while let key = try reader.nextKey() {
                switch key {
                case "id":
                    do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
                case "channel_id":
                    do { channelIDValue = try reader.decode() } catch { throw error.prefixingPath("channel_id") }
                case "guild_id":
                    do { self.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
                case "author":
                    do { authorValue = try reader.decode() } catch { throw error.prefixingPath("author") }
                case "member":
                    do { self.member = try reader.decodeNullable() } catch { throw error.prefixingPath("member") }
                case "content":
                    do { contentValue = try reader.decode() } catch { throw error.prefixingPath("content") }
                case "timestamp":
                    do { timestampValue = try reader.decode() } catch { throw error.prefixingPath("timestamp") }
                case "edited_timestamp":
                    do { self.editedTimestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("edited_timestamp") }
                case "tts":
                    do { ttsValue = try reader.decode() } catch { throw error.prefixingPath("tts") }
                case "mention_everyone":
                    do { mentionEveryoneValue = try reader.decode() } catch { throw error.prefixingPath("mention_everyone") }
                case "mentions":
                    do { mentionsValue = try reader.decode() } catch { throw error.prefixingPath("mentions") }
                case "mention_roles":
                    do { mentionRolesValue = try reader.decode() } catch { throw error.prefixingPath("mention_roles") }
                case "mention_channels":
                    do { self.mentionChannels = try reader.decodeNullable() } catch { throw error.prefixingPath("mention_channels") }
                case "attachments":
                    do { attachmentsValue = try reader.decode() } catch { throw error.prefixingPath("attachments") }
                case "embeds":
                    do { embedsValue = try reader.decode() } catch { throw error.prefixingPath("embeds") }
                case "reactions":
                    do { self.reactions = try reader.decodeNullable() } catch { throw error.prefixingPath("reactions") }
                case "nonce":
                    do { self.nonce = try reader.decodeNullable() } catch { throw error.prefixingPath("nonce") }
                case "pinned":
                    do { pinnedValue = try reader.decode() } catch { throw error.prefixingPath("pinned") }
                case "webhook_id":
                    do { self.webhookID = try reader.decodeNullable() } catch { throw error.prefixingPath("webhook_id") }
                case "type":
                    do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
                case "activity":
                    do { self.activity = try reader.decodeNullable() } catch { throw error.prefixingPath("activity") }
                case "application_id":
                    do { self.applicationID = try reader.decodeNullable() } catch { throw error.prefixingPath("application_id") }
                case "message_reference":
                    do { self.messageReference = try reader.decodeNullable() } catch { throw error.prefixingPath("message_reference") }
                case "flags":
                    do { self.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
                case "referenced_message":
                    do { self.referencedMessage = try reader.decodeNullable() } catch { throw error.prefixingPath("referenced_message") }
                case "interaction_metadata":
                    do { self.interactionMetadata = try reader.decodeNullable() } catch { throw error.prefixingPath("interaction_metadata") }
                case "thread":
                    do { self.thread = try reader.decodeNullable() } catch { throw error.prefixingPath("thread") }
                case "components":
                    do { self.components = try reader.decodeNullable() } catch { throw error.prefixingPath("components") }
                case "sticker_items":
                    do { self.stickerItems = try reader.decodeNullable() } catch { throw error.prefixingPath("sticker_items") }
                case "poll":
                    do { self.poll = try reader.decodeNullable() } catch { throw error.prefixingPath("poll") }
                case "position":
                    do { self.position = try reader.decodeNullable() } catch { throw error.prefixingPath("position") }
                default: try reader.skipValue()
                }
            }
            self.id = try reader.require(idValue, "id")
            self.channelID = try reader.require(channelIDValue, "channel_id")
            self.author = try reader.require(authorValue, "author")
            self.content = try reader.require(contentValue, "content")
            self.timestamp = try reader.require(timestampValue, "timestamp")
            self.tts = try reader.require(ttsValue, "tts")
            self.mentionEveryone = try reader.require(mentionEveryoneValue, "mention_everyone")
            self.mentions = try reader.require(mentionsValue, "mentions")
            self.mentionRoles = try reader.require(mentionRolesValue, "mention_roles")
            self.attachments = try reader.require(attachmentsValue, "attachments")
            self.embeds = try reader.require(embedsValue, "embeds")
            self.pinned = try reader.require(pinnedValue, "pinned")
            self.type = try reader.require(typeValue, "type")
        }
    }

    /// The heap box behind the copy-on-write value.
    // `@unchecked Sendable` is sound: the box is mutated only through `uniqueStorage()`, which first copies it unless
    // this value holds the only reference, so a box reachable from more than one value (or thread) is never written.
    @usableFromInline final class Storage: @unchecked Sendable {
        @usableFromInline var fields: Fields

        @usableFromInline init(_ fields: Fields) {
            self.fields = fields
        }
    }

    @usableFromInline var storage: Storage

    /// Returns the box, copied first if another value shares it.
    @inlinable mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// `id`
    @inlinable public var id: Snowflake {
        get { storage.fields.id }
        set { uniqueStorage().fields.id = newValue }
    }
    /// `channel_id`
    @inlinable public var channelID: Snowflake {
        get { storage.fields.channelID }
        set { uniqueStorage().fields.channelID = newValue }
    }
    /// `guild_id`
    @inlinable public var guildID: Snowflake? {
        get { storage.fields.guildID }
        set { uniqueStorage().fields.guildID = newValue }
    }
    /// `author`
    @inlinable public var author: User {
        get { storage.fields.author }
        set { uniqueStorage().fields.author = newValue }
    }
    /// `member`
    @inlinable public var member: GuildMember? {
        get { storage.fields.member }
        set { uniqueStorage().fields.member = newValue }
    }
    /// `content`
    @inlinable public var content: String {
        get { storage.fields.content }
        set { uniqueStorage().fields.content = newValue }
    }
    /// `timestamp`
    @inlinable public var timestamp: DiscordTimestamp {
        get { storage.fields.timestamp }
        set { uniqueStorage().fields.timestamp = newValue }
    }
    /// `edited_timestamp`
    @inlinable public var editedTimestamp: DiscordTimestamp? {
        get { storage.fields.editedTimestamp }
        set { uniqueStorage().fields.editedTimestamp = newValue }
    }
    /// `tts`
    @inlinable public var tts: Bool {
        get { storage.fields.tts }
        set { uniqueStorage().fields.tts = newValue }
    }
    /// `mention_everyone`
    @inlinable public var mentionEveryone: Bool {
        get { storage.fields.mentionEveryone }
        set { uniqueStorage().fields.mentionEveryone = newValue }
    }
    /// `mentions`
    @inlinable public var mentions: [MentionedUser] {
        get { storage.fields.mentions }
        set { uniqueStorage().fields.mentions = newValue }
    }
    /// `mention_roles`
    @inlinable public var mentionRoles: [Snowflake] {
        get { storage.fields.mentionRoles }
        set { uniqueStorage().fields.mentionRoles = newValue }
    }
    /// `mention_channels`
    @inlinable public var mentionChannels: [ChannelMention]? {
        get { storage.fields.mentionChannels }
        set { uniqueStorage().fields.mentionChannels = newValue }
    }
    /// `attachments`
    @inlinable public var attachments: [Attachment] {
        get { storage.fields.attachments }
        set { uniqueStorage().fields.attachments = newValue }
    }
    /// `embeds`
    @inlinable public var embeds: [Embed] {
        get { storage.fields.embeds }
        set { uniqueStorage().fields.embeds = newValue }
    }
    /// `reactions`
    @inlinable public var reactions: [Reaction]? {
        get { storage.fields.reactions }
        set { uniqueStorage().fields.reactions = newValue }
    }
    /// `nonce`
    @inlinable public var nonce: MessageNonce? {
        get { storage.fields.nonce }
        set { uniqueStorage().fields.nonce = newValue }
    }
    /// `pinned`
    @inlinable public var pinned: Bool {
        get { storage.fields.pinned }
        set { uniqueStorage().fields.pinned = newValue }
    }
    /// `webhook_id`
    @inlinable public var webhookID: Snowflake? {
        get { storage.fields.webhookID }
        set { uniqueStorage().fields.webhookID = newValue }
    }
    /// `type`
    @inlinable public var `type`: MessageType {
        get { storage.fields.`type` }
        set { uniqueStorage().fields.`type` = newValue }
    }
    /// `activity`
    @inlinable public var activity: MessageActivity? {
        get { storage.fields.activity }
        set { uniqueStorage().fields.activity = newValue }
    }
    /// `application_id`
    @inlinable public var applicationID: Snowflake? {
        get { storage.fields.applicationID }
        set { uniqueStorage().fields.applicationID = newValue }
    }
    /// `message_reference`
    @inlinable public var messageReference: MessageReference? {
        get { storage.fields.messageReference }
        set { uniqueStorage().fields.messageReference = newValue }
    }
    /// `flags`
    @inlinable public var flags: Int? {
        get { storage.fields.flags }
        set { uniqueStorage().fields.flags = newValue }
    }
    /// `referenced_message`
    @inlinable public var referencedMessage: Indirect<Message>? {
        get { storage.fields.referencedMessage }
        set { uniqueStorage().fields.referencedMessage = newValue }
    }
    /// `interaction_metadata`
    @inlinable public var interactionMetadata: Indirect<MessageInteractionMetadata>? {
        get { storage.fields.interactionMetadata }
        set { uniqueStorage().fields.interactionMetadata = newValue }
    }
    /// `thread`
    @inlinable public var thread: Indirect<Channel>? {
        get { storage.fields.thread }
        set { uniqueStorage().fields.thread = newValue }
    }
    /// `components`
    @inlinable public var components: RawJSON? {
        get { storage.fields.components }
        set { uniqueStorage().fields.components = newValue }
    }
    /// `sticker_items`
    @inlinable public var stickerItems: [StickerItem]? {
        get { storage.fields.stickerItems }
        set { uniqueStorage().fields.stickerItems = newValue }
    }
    /// `poll`
    @inlinable public var poll: RawJSON? {
        get { storage.fields.poll }
        set { uniqueStorage().fields.poll = newValue }
    }
    /// `position`
    @inlinable public var position: Int? {
        get { storage.fields.position }
        set { uniqueStorage().fields.position = newValue }
    }

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        storage = Storage(try Fields(from: &reader))
    }

    public static func == (lhs: Message, rhs: Message) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }
}
