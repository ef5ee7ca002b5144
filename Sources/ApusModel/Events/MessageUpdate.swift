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
                do { self.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "author":
                do { self.author = try reader.decodeNullable() } catch { throw error.prefixingPath("author") }
            case "member":
                do { self.member = try reader.decodeNullable() } catch { throw error.prefixingPath("member") }
            case "content":
                do { self.content = try reader.decodeNullable() } catch { throw error.prefixingPath("content") }
            case "timestamp":
                do { self.timestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("timestamp") }
            case "edited_timestamp":
                do { self.editedTimestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("edited_timestamp") }
            case "tts":
                do { self.tts = try reader.decodeNullable() } catch { throw error.prefixingPath("tts") }
            case "mention_everyone":
                do { self.mentionEveryone = try reader.decodeNullable() } catch { throw error.prefixingPath("mention_everyone") }
            case "mentions":
                do { self.mentions = try reader.decodeNullable() } catch { throw error.prefixingPath("mentions") }
            case "mention_roles":
                do { self.mentionRoles = try reader.decodeNullable() } catch { throw error.prefixingPath("mention_roles") }
            case "attachments":
                do { self.attachments = try reader.decodeNullable() } catch { throw error.prefixingPath("attachments") }
            case "embeds":
                do { self.embeds = try reader.decodeNullable() } catch { throw error.prefixingPath("embeds") }
            case "pinned":
                do { self.pinned = try reader.decodeNullable() } catch { throw error.prefixingPath("pinned") }
            case "type":
                do { self.type = try reader.decodeNullable() } catch { throw error.prefixingPath("type") }
            case "flags":
                do { self.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "components":
                do { self.components = try reader.decodeNullable() } catch { throw error.prefixingPath("components") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.channelID = try reader.require(channelIDValue, "channel_id")
    }
}
