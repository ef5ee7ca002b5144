/// A message in a channel (REST responses and MESSAGE_CREATE).
public struct Message: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `channel_id`
    public var channelID: Snowflake
    /// `guild_id`
    public var guildID: Snowflake?
    /// `author`
    public var author: User
    /// `member`
    public var member: GuildMember?
    /// `content`
    public var content: String
    /// `timestamp`
    public var timestamp: DiscordTimestamp
    /// `edited_timestamp`
    public var editedTimestamp: DiscordTimestamp?
    /// `tts`
    public var tts: Bool
    /// `mention_everyone`
    public var mentionEveryone: Bool
    /// `mentions`
    public var mentions: [MentionedUser]
    /// `mention_roles`
    public var mentionRoles: [Snowflake]
    /// `mention_channels`
    public var mentionChannels: [ChannelMention]?
    /// `attachments`
    public var attachments: [Attachment]
    /// `embeds`
    public var embeds: [Embed]
    /// `reactions`
    public var reactions: [Reaction]?
    /// `nonce`
    public var nonce: MessageNonce?
    /// `pinned`
    public var pinned: Bool
    /// `webhook_id`
    public var webhookID: Snowflake?
    /// `type`
    public var `type`: MessageType
    /// `activity`
    public var activity: MessageActivity?
    /// `application_id`
    public var applicationID: Snowflake?
    /// `message_reference`
    public var messageReference: MessageReference?
    /// `flags`
    public var flags: Int?
    /// `referenced_message`
    public var referencedMessage: Indirect<Message>?
    /// `interaction_metadata`
    public var interactionMetadata: Indirect<MessageInteractionMetadata>?
    /// `thread`
    public var thread: Indirect<Channel>?
    /// `components`
    public var components: RawJSON?
    /// `sticker_items`
    public var stickerItems: [StickerItem]?
    /// `poll`
    public var poll: RawJSON?
    /// `position`
    public var position: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
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
