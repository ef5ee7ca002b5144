/// A channel of any type, threads included (fields vary by type; only id and type are always present).
public struct Channel: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `type`
    public var `type`: ChannelType
    /// `guild_id`
    public var guildID: Snowflake?
    /// `position`
    public var position: Int?
    /// `permission_overwrites`
    public var permissionOverwrites: [PermissionOverwrite]?
    /// `name`
    public var name: String?
    /// `topic`
    public var topic: String?
    /// `nsfw`
    public var nsfw: Bool?
    /// `last_message_id`
    public var lastMessageID: Snowflake?
    /// `bitrate`
    public var bitrate: Int?
    /// `user_limit`
    public var userLimit: Int?
    /// `rate_limit_per_user`
    public var rateLimitPerUser: Int?
    /// `recipients`
    public var recipients: [User]?
    /// `icon`
    public var icon: String?
    /// `owner_id`
    public var ownerID: Snowflake?
    /// `application_id`
    public var applicationID: Snowflake?
    /// `parent_id`
    public var parentID: Snowflake?
    /// `last_pin_timestamp`
    public var lastPinTimestamp: DiscordTimestamp?
    /// `rtc_region`
    public var rtcRegion: String?
    /// `video_quality_mode`
    public var videoQualityMode: Int?
    /// `message_count`
    public var messageCount: Int?
    /// `member_count`
    public var memberCount: Int?
    /// `thread_metadata`
    public var threadMetadata: ThreadMetadata?
    /// `member`
    public var member: ThreadMember?
    /// `default_auto_archive_duration`
    public var defaultAutoArchiveDuration: Int?
    /// `permissions`
    public var permissions: Permissions?
    /// `flags`
    public var flags: Int?
    /// `total_message_sent`
    public var totalMessageSent: Int?
    /// `available_tags`
    public var availableTags: [ForumTag]?
    /// `applied_tags`
    public var appliedTags: [Snowflake]?
    /// `default_thread_rate_limit_per_user`
    public var defaultThreadRateLimitPerUser: Int?
    /// `default_sort_order`
    public var defaultSortOrder: Int?
    /// `default_forum_layout`
    public var defaultForumLayout: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var typeValue: ChannelType?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "type":
                do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
            case "guild_id":
                do { self.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "position":
                do { self.position = try reader.decodeNullable() } catch { throw error.prefixingPath("position") }
            case "permission_overwrites":
                do { self.permissionOverwrites = try reader.decodeNullable() } catch { throw error.prefixingPath("permission_overwrites") }
            case "name":
                do { self.name = try reader.decodeNullable() } catch { throw error.prefixingPath("name") }
            case "topic":
                do { self.topic = try reader.decodeNullable() } catch { throw error.prefixingPath("topic") }
            case "nsfw":
                do { self.nsfw = try reader.decodeNullable() } catch { throw error.prefixingPath("nsfw") }
            case "last_message_id":
                do { self.lastMessageID = try reader.decodeNullable() } catch { throw error.prefixingPath("last_message_id") }
            case "bitrate":
                do { self.bitrate = try reader.decodeNullable() } catch { throw error.prefixingPath("bitrate") }
            case "user_limit":
                do { self.userLimit = try reader.decodeNullable() } catch { throw error.prefixingPath("user_limit") }
            case "rate_limit_per_user":
                do { self.rateLimitPerUser = try reader.decodeNullable() } catch { throw error.prefixingPath("rate_limit_per_user") }
            case "recipients":
                do { self.recipients = try reader.decodeNullable() } catch { throw error.prefixingPath("recipients") }
            case "icon":
                do { self.icon = try reader.decodeNullable() } catch { throw error.prefixingPath("icon") }
            case "owner_id":
                do { self.ownerID = try reader.decodeNullable() } catch { throw error.prefixingPath("owner_id") }
            case "application_id":
                do { self.applicationID = try reader.decodeNullable() } catch { throw error.prefixingPath("application_id") }
            case "parent_id":
                do { self.parentID = try reader.decodeNullable() } catch { throw error.prefixingPath("parent_id") }
            case "last_pin_timestamp":
                do { self.lastPinTimestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("last_pin_timestamp") }
            case "rtc_region":
                do { self.rtcRegion = try reader.decodeNullable() } catch { throw error.prefixingPath("rtc_region") }
            case "video_quality_mode":
                do { self.videoQualityMode = try reader.decodeNullable() } catch { throw error.prefixingPath("video_quality_mode") }
            case "message_count":
                do { self.messageCount = try reader.decodeNullable() } catch { throw error.prefixingPath("message_count") }
            case "member_count":
                do { self.memberCount = try reader.decodeNullable() } catch { throw error.prefixingPath("member_count") }
            case "thread_metadata":
                do { self.threadMetadata = try reader.decodeNullable() } catch { throw error.prefixingPath("thread_metadata") }
            case "member":
                do { self.member = try reader.decodeNullable() } catch { throw error.prefixingPath("member") }
            case "default_auto_archive_duration":
                do { self.defaultAutoArchiveDuration = try reader.decodeNullable() } catch { throw error.prefixingPath("default_auto_archive_duration") }
            case "permissions":
                do { self.permissions = try reader.decodeNullable() } catch { throw error.prefixingPath("permissions") }
            case "flags":
                do { self.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "total_message_sent":
                do { self.totalMessageSent = try reader.decodeNullable() } catch { throw error.prefixingPath("total_message_sent") }
            case "available_tags":
                do { self.availableTags = try reader.decodeNullable() } catch { throw error.prefixingPath("available_tags") }
            case "applied_tags":
                do { self.appliedTags = try reader.decodeNullable() } catch { throw error.prefixingPath("applied_tags") }
            case "default_thread_rate_limit_per_user":
                do { self.defaultThreadRateLimitPerUser = try reader.decodeNullable() } catch { throw error.prefixingPath("default_thread_rate_limit_per_user") }
            case "default_sort_order":
                do { self.defaultSortOrder = try reader.decodeNullable() } catch { throw error.prefixingPath("default_sort_order") }
            case "default_forum_layout":
                do { self.defaultForumLayout = try reader.decodeNullable() } catch { throw error.prefixingPath("default_forum_layout") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.type = try reader.require(typeValue, "type")
    }
}
