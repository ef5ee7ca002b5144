/// A message in a channel (REST responses and MESSAGE_CREATE).
///
/// `Message` is a copy-on-write value: its fields live in one heap box, so handing a message from the decoder to the
/// event enum, the queue and a handler copies a pointer instead of several hundred bytes and every field's
/// reference count. Mutating a shared copy copies the box first, as with `Array`.
public struct Message: Sendable, Hashable, JSONDecodable {
    /// The stored fields (one allocation per message).
    @usableFromInline struct Fields: Sendable, Hashable {
        /// `id`
        @usableFromInline var id: Snowflake = Snowflake(0)
        /// `channel_id`
        @usableFromInline var channelID: Snowflake = Snowflake(0)
        /// `guild_id`
        @usableFromInline var guildID: Snowflake?
        /// `author`
        @usableFromInline var author: User = User(emptyForDecoding: ())
        /// `member`
        @usableFromInline var member: GuildMember?
        /// `content`
        @usableFromInline var content: String = ""
        /// `timestamp`
        @usableFromInline var timestamp: DiscordTimestamp = DiscordTimestamp(microsecondsSinceEpoch: 0)
        /// `edited_timestamp`
        @usableFromInline var editedTimestamp: DiscordTimestamp?
        /// `tts`
        @usableFromInline var tts: Bool = false
        /// `mention_everyone`
        @usableFromInline var mentionEveryone: Bool = false
        /// `mentions`
        @usableFromInline var mentions: [MentionedUser] = []
        /// `mention_roles`
        @usableFromInline var mentionRoles: [Snowflake] = []
        /// `mention_channels`
        @usableFromInline var mentionChannels: [ChannelMention]?
        /// `attachments`
        @usableFromInline var attachments: [Attachment] = []
        /// `embeds`
        @usableFromInline var embeds: [Embed] = []
        /// `reactions`
        @usableFromInline var reactions: [Reaction]?
        /// `nonce`, stored without allocating when it is a string of digits.
        @usableFromInline var nonce: StoredNonce?
        /// `pinned`
        @usableFromInline var pinned: Bool = false
        /// `webhook_id`
        @usableFromInline var webhookID: Snowflake?
        /// `type`
        @usableFromInline var `type`: MessageType = .default
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
    }

    /// The heap box behind the copy-on-write value.
    // `@unchecked Sendable` is sound: the box is mutated only by `decode(from:)` before any value holds it, and
    // afterwards only through `uniqueStorage()`, which first copies it unless this value holds the only reference,
    // so a box reachable from more than one value (or thread) is never written.
    @usableFromInline final class Storage: @unchecked Sendable {
        // Exclusivity is not checked at run time: the box is written only by `decode(from:)` (before it is shared)
        // and through `uniqueStorage()` (never while another value shares it), and the accessors below only borrow,
        // so no two accesses can overlap. The dynamic check would otherwise cost two runtime calls per field access.
        @exclusivity(unchecked) @usableFromInline var fields: Fields

        @usableFromInline init(_ fields: Fields) {
            self.fields = fields
        }
    }

    @usableFromInline var storage: Storage

    // The accessors below borrow the field in the box (`_read`) instead of returning a copy, so that
    // `message.author.username` retains one string, not every reference in the author.

    /// Returns the box, copied first if another value shares it.
    @inlinable mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// `id`
    @inlinable public var id: Snowflake {
        _read { yield storage.fields.id }
        set { uniqueStorage().fields.id = newValue }
    }
    /// `channel_id`
    @inlinable public var channelID: Snowflake {
        _read { yield storage.fields.channelID }
        set { uniqueStorage().fields.channelID = newValue }
    }
    /// `guild_id`
    @inlinable public var guildID: Snowflake? {
        _read { yield storage.fields.guildID }
        set { uniqueStorage().fields.guildID = newValue }
    }
    /// `author`
    @inlinable public var author: User {
        _read { yield storage.fields.author }
        set { uniqueStorage().fields.author = newValue }
    }
    /// `member`
    @inlinable public var member: GuildMember? {
        _read { yield storage.fields.member }
        set { uniqueStorage().fields.member = newValue }
    }
    /// `content`
    @inlinable public var content: String {
        _read { yield storage.fields.content }
        set { uniqueStorage().fields.content = newValue }
    }
    /// `timestamp`
    @inlinable public var timestamp: DiscordTimestamp {
        _read { yield storage.fields.timestamp }
        set { uniqueStorage().fields.timestamp = newValue }
    }
    /// `edited_timestamp`
    @inlinable public var editedTimestamp: DiscordTimestamp? {
        _read { yield storage.fields.editedTimestamp }
        set { uniqueStorage().fields.editedTimestamp = newValue }
    }
    /// `tts`
    @inlinable public var tts: Bool {
        _read { yield storage.fields.tts }
        set { uniqueStorage().fields.tts = newValue }
    }
    /// `mention_everyone`
    @inlinable public var mentionEveryone: Bool {
        _read { yield storage.fields.mentionEveryone }
        set { uniqueStorage().fields.mentionEveryone = newValue }
    }
    /// `mentions`
    @inlinable public var mentions: [MentionedUser] {
        _read { yield storage.fields.mentions }
        set { uniqueStorage().fields.mentions = newValue }
    }
    /// `mention_roles`
    @inlinable public var mentionRoles: [Snowflake] {
        _read { yield storage.fields.mentionRoles }
        set { uniqueStorage().fields.mentionRoles = newValue }
    }
    /// `mention_channels`
    @inlinable public var mentionChannels: [ChannelMention]? {
        _read { yield storage.fields.mentionChannels }
        set { uniqueStorage().fields.mentionChannels = newValue }
    }
    /// `attachments`
    @inlinable public var attachments: [Attachment] {
        _read { yield storage.fields.attachments }
        set { uniqueStorage().fields.attachments = newValue }
    }
    /// `embeds`
    @inlinable public var embeds: [Embed] {
        _read { yield storage.fields.embeds }
        set { uniqueStorage().fields.embeds = newValue }
    }
    /// `reactions`
    @inlinable public var reactions: [Reaction]? {
        _read { yield storage.fields.reactions }
        set { uniqueStorage().fields.reactions = newValue }
    }
    /// `nonce`
    @inlinable public var nonce: MessageNonce? {
        get { storage.fields.nonce?.nonce }
        set { uniqueStorage().fields.nonce = newValue.map(StoredNonce.init) }
    }
    /// `pinned`
    @inlinable public var pinned: Bool {
        _read { yield storage.fields.pinned }
        set { uniqueStorage().fields.pinned = newValue }
    }
    /// `webhook_id`
    @inlinable public var webhookID: Snowflake? {
        _read { yield storage.fields.webhookID }
        set { uniqueStorage().fields.webhookID = newValue }
    }
    /// `type`
    @inlinable public var `type`: MessageType {
        _read { yield storage.fields.`type` }
        set { uniqueStorage().fields.`type` = newValue }
    }
    /// `activity`
    @inlinable public var activity: MessageActivity? {
        _read { yield storage.fields.activity }
        set { uniqueStorage().fields.activity = newValue }
    }
    /// `application_id`
    @inlinable public var applicationID: Snowflake? {
        _read { yield storage.fields.applicationID }
        set { uniqueStorage().fields.applicationID = newValue }
    }
    /// `message_reference`
    @inlinable public var messageReference: MessageReference? {
        _read { yield storage.fields.messageReference }
        set { uniqueStorage().fields.messageReference = newValue }
    }
    /// `flags`
    @inlinable public var flags: Int? {
        _read { yield storage.fields.flags }
        set { uniqueStorage().fields.flags = newValue }
    }
    /// `referenced_message`
    @inlinable public var referencedMessage: Indirect<Message>? {
        _read { yield storage.fields.referencedMessage }
        set { uniqueStorage().fields.referencedMessage = newValue }
    }
    /// `interaction_metadata`
    @inlinable public var interactionMetadata: Indirect<MessageInteractionMetadata>? {
        _read { yield storage.fields.interactionMetadata }
        set { uniqueStorage().fields.interactionMetadata = newValue }
    }
    /// `thread`
    @inlinable public var thread: Indirect<Channel>? {
        _read { yield storage.fields.thread }
        set { uniqueStorage().fields.thread = newValue }
    }
    /// `components`
    @inlinable public var components: RawJSON? {
        _read { yield storage.fields.components }
        set { uniqueStorage().fields.components = newValue }
    }
    /// `sticker_items`
    @inlinable public var stickerItems: [StickerItem]? {
        _read { yield storage.fields.stickerItems }
        set { uniqueStorage().fields.stickerItems = newValue }
    }
    /// `poll`
    @inlinable public var poll: RawJSON? {
        _read { yield storage.fields.poll }
        set { uniqueStorage().fields.poll = newValue }
    }
    /// `position`
    @inlinable public var position: Int? {
        _read { yield storage.fields.position }
        set { uniqueStorage().fields.position = newValue }
    }

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        let storage = Storage(Fields())
        try storage.decode(from: &reader)
        self.storage = storage
    }

    public static func == (lhs: Message, rhs: Message) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }
}
