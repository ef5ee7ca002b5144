/// A MESSAGE_UPDATE body: like a message, but only id and channel_id are guaranteed.
public struct MessageUpdate: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `channel_id`
    public var channelID: Snowflake
    /// `guild_id`
    public var guildID: Snowflake?
    /// `author`
    public var author: User?
    /// `member`
    public var member: GuildMember?
    /// `content`
    public var content: String?
    /// `timestamp`
    public var timestamp: DiscordTimestamp?
    /// `edited_timestamp`
    public var editedTimestamp: DiscordTimestamp?
    /// `tts`
    public var tts: Bool?
    /// `mention_everyone`
    public var mentionEveryone: Bool?
    /// `mentions`
    public var mentions: [MentionedUser]?
    /// `mention_roles`
    public var mentionRoles: [Snowflake]?
    /// `attachments`
    public var attachments: [Attachment]?
    /// `embeds`
    public var embeds: [Embed]?
    /// `pinned`
    public var pinned: Bool?
    /// `type`
    public var `type`: MessageType?
    /// `flags`
    public var flags: Int?
    /// `components`
    public var components: RawJSON?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedGuildID: Snowflake? = nil
        var decodedAuthor: User? = nil
        var decodedMember: GuildMember? = nil
        var decodedContent: String? = nil
        var decodedTimestamp: DiscordTimestamp? = nil
        var decodedEditedTimestamp: DiscordTimestamp? = nil
        var decodedTts: Bool? = nil
        var decodedMentionEveryone: Bool? = nil
        var decodedMentions: [MentionedUser]? = nil
        var decodedMentionRoles: [Snowflake]? = nil
        var decodedAttachments: [Attachment]? = nil
        var decodedEmbeds: [Embed]? = nil
        var decodedPinned: Bool? = nil
        var decodedType: MessageType? = nil
        var decodedFlags: Int? = nil
        var decodedComponents: RawJSON? = nil
        var idValue: Snowflake?
        var channelIDValue: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "channel_id":
                do { channelIDValue = try reader.decode() } catch { throw error.prefixingPath("channel_id") }
            case "guild_id":
                do { decodedGuildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "author":
                do { try reader.decodeNullable(into: &decodedAuthor) } catch { throw error.prefixingPath("author") }
            case "member":
                do { try reader.decodeNullable(into: &decodedMember) } catch { throw error.prefixingPath("member") }
            case "content":
                do { decodedContent = try reader.decodeNullable() } catch { throw error.prefixingPath("content") }
            case "timestamp":
                do { decodedTimestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("timestamp") }
            case "edited_timestamp":
                do { decodedEditedTimestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("edited_timestamp") }
            case "tts":
                do { decodedTts = try reader.decodeNullable() } catch { throw error.prefixingPath("tts") }
            case "mention_everyone":
                do { decodedMentionEveryone = try reader.decodeNullable() } catch { throw error.prefixingPath("mention_everyone") }
            case "mentions":
                do { decodedMentions = try reader.decodeNullable() } catch { throw error.prefixingPath("mentions") }
            case "mention_roles":
                do { decodedMentionRoles = try reader.decodeNullable() } catch { throw error.prefixingPath("mention_roles") }
            case "attachments":
                do { decodedAttachments = try reader.decodeNullable() } catch { throw error.prefixingPath("attachments") }
            case "embeds":
                do { decodedEmbeds = try reader.decodeNullable() } catch { throw error.prefixingPath("embeds") }
            case "pinned":
                do { decodedPinned = try reader.decodeNullable() } catch { throw error.prefixingPath("pinned") }
            case "type":
                do { decodedType = try reader.decodeNullable() } catch { throw error.prefixingPath("type") }
            case "flags":
                do { decodedFlags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "components":
                do { decodedComponents = try reader.decodeNullable() } catch { throw error.prefixingPath("components") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.channelID = try reader.require(channelIDValue, "channel_id")
        self.guildID = decodedGuildID
        self.author = decodedAuthor
        self.member = decodedMember
        self.content = decodedContent
        self.timestamp = decodedTimestamp
        self.editedTimestamp = decodedEditedTimestamp
        self.tts = decodedTts
        self.mentionEveryone = decodedMentionEveryone
        self.mentions = decodedMentions
        self.mentionRoles = decodedMentionRoles
        self.attachments = decodedAttachments
        self.embeds = decodedEmbeds
        self.pinned = decodedPinned
        self.`type` = decodedType
        self.flags = decodedFlags
        self.components = decodedComponents
    }
}
