/// A guild, including the extra fields GUILD_CREATE carries (joined_at, large, members, channels...).
public struct Guild: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `name`
    public var name: String
    /// `icon`
    public var icon: String?
    /// `splash`
    public var splash: String?
    /// `discovery_splash`
    public var discoverySplash: String?
    /// `owner`
    public var owner: Bool?
    /// `owner_id`
    public var ownerID: Snowflake
    /// `permissions`
    public var permissions: Permissions?
    /// `afk_channel_id`
    public var afkChannelID: Snowflake?
    /// `afk_timeout`
    public var afkTimeout: Int
    /// `widget_enabled`
    public var widgetEnabled: Bool?
    /// `widget_channel_id`
    public var widgetChannelID: Snowflake?
    /// `verification_level`
    public var verificationLevel: Int
    /// `default_message_notifications`
    public var defaultMessageNotifications: Int
    /// `explicit_content_filter`
    public var explicitContentFilter: Int
    /// `roles`
    public var roles: [Role]
    /// `emojis`
    public var emojis: [Emoji]
    /// `features`
    public var features: [String]
    /// `mfa_level`
    public var mfaLevel: Int
    /// `application_id`
    public var applicationID: Snowflake?
    /// `system_channel_id`
    public var systemChannelID: Snowflake?
    /// `system_channel_flags`
    public var systemChannelFlags: Int?
    /// `rules_channel_id`
    public var rulesChannelID: Snowflake?
    /// `max_presences`
    public var maxPresences: Int?
    /// `max_members`
    public var maxMembers: Int?
    /// `vanity_url_code`
    public var vanityURLCode: String?
    /// `description`
    public var description: String?
    /// `banner`
    public var banner: String?
    /// `premium_tier`
    public var premiumTier: Int
    /// `premium_subscription_count`
    public var premiumSubscriptionCount: Int?
    /// `preferred_locale`
    public var preferredLocale: String
    /// `public_updates_channel_id`
    public var publicUpdatesChannelID: Snowflake?
    /// `max_video_channel_users`
    public var maxVideoChannelUsers: Int?
    /// `approximate_member_count`
    public var approximateMemberCount: Int?
    /// `approximate_presence_count`
    public var approximatePresenceCount: Int?
    /// `nsfw_level`
    public var nsfwLevel: Int?
    /// `stickers`
    public var stickers: [Sticker]?
    /// `premium_progress_bar_enabled`
    public var premiumProgressBarEnabled: Bool?
    /// `safety_alerts_channel_id`
    public var safetyAlertsChannelID: Snowflake?
    /// `joined_at`
    public var joinedAt: DiscordTimestamp?
    /// `large`
    public var large: Bool?
    /// `unavailable`
    public var unavailable: Bool?
    /// `member_count`
    public var memberCount: Int?
    /// `voice_states`
    public var voiceStates: [VoiceState]?
    /// `members`
    public var members: [GuildMember]?
    /// `channels`
    public var channels: [Channel]?
    /// `threads`
    public var threads: [Channel]?
    /// `presences`
    public var presences: [Presence]?
    /// `stage_instances`
    public var stageInstances: RawJSON?
    /// `guild_scheduled_events`
    public var guildScheduledEvents: RawJSON?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var nameValue: String?
        var ownerIDValue: Snowflake?
        var afkTimeoutValue: Int?
        var verificationLevelValue: Int?
        var defaultMessageNotificationsValue: Int?
        var explicitContentFilterValue: Int?
        var rolesValue: [Role]?
        var emojisValue: [Emoji]?
        var featuresValue: [String]?
        var mfaLevelValue: Int?
        var premiumTierValue: Int?
        var preferredLocaleValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "icon":
                do { self.icon = try reader.decodeNullable() } catch { throw error.prefixingPath("icon") }
            case "splash":
                do { self.splash = try reader.decodeNullable() } catch { throw error.prefixingPath("splash") }
            case "discovery_splash":
                do { self.discoverySplash = try reader.decodeNullable() } catch { throw error.prefixingPath("discovery_splash") }
            case "owner":
                do { self.owner = try reader.decodeNullable() } catch { throw error.prefixingPath("owner") }
            case "owner_id":
                do { ownerIDValue = try reader.decode() } catch { throw error.prefixingPath("owner_id") }
            case "permissions":
                do { self.permissions = try reader.decodeNullable() } catch { throw error.prefixingPath("permissions") }
            case "afk_channel_id":
                do { self.afkChannelID = try reader.decodeNullable() } catch { throw error.prefixingPath("afk_channel_id") }
            case "afk_timeout":
                do { afkTimeoutValue = try reader.decode() } catch { throw error.prefixingPath("afk_timeout") }
            case "widget_enabled":
                do { self.widgetEnabled = try reader.decodeNullable() } catch { throw error.prefixingPath("widget_enabled") }
            case "widget_channel_id":
                do { self.widgetChannelID = try reader.decodeNullable() } catch { throw error.prefixingPath("widget_channel_id") }
            case "verification_level":
                do { verificationLevelValue = try reader.decode() } catch { throw error.prefixingPath("verification_level") }
            case "default_message_notifications":
                do { defaultMessageNotificationsValue = try reader.decode() } catch { throw error.prefixingPath("default_message_notifications") }
            case "explicit_content_filter":
                do { explicitContentFilterValue = try reader.decode() } catch { throw error.prefixingPath("explicit_content_filter") }
            case "roles":
                do { rolesValue = try reader.decode() } catch { throw error.prefixingPath("roles") }
            case "emojis":
                do { emojisValue = try reader.decode() } catch { throw error.prefixingPath("emojis") }
            case "features":
                do { featuresValue = try reader.decode() } catch { throw error.prefixingPath("features") }
            case "mfa_level":
                do { mfaLevelValue = try reader.decode() } catch { throw error.prefixingPath("mfa_level") }
            case "application_id":
                do { self.applicationID = try reader.decodeNullable() } catch { throw error.prefixingPath("application_id") }
            case "system_channel_id":
                do { self.systemChannelID = try reader.decodeNullable() } catch { throw error.prefixingPath("system_channel_id") }
            case "system_channel_flags":
                do { self.systemChannelFlags = try reader.decodeNullable() } catch { throw error.prefixingPath("system_channel_flags") }
            case "rules_channel_id":
                do { self.rulesChannelID = try reader.decodeNullable() } catch { throw error.prefixingPath("rules_channel_id") }
            case "max_presences":
                do { self.maxPresences = try reader.decodeNullable() } catch { throw error.prefixingPath("max_presences") }
            case "max_members":
                do { self.maxMembers = try reader.decodeNullable() } catch { throw error.prefixingPath("max_members") }
            case "vanity_url_code":
                do { self.vanityURLCode = try reader.decodeNullable() } catch { throw error.prefixingPath("vanity_url_code") }
            case "description":
                do { self.description = try reader.decodeNullable() } catch { throw error.prefixingPath("description") }
            case "banner":
                do { self.banner = try reader.decodeNullable() } catch { throw error.prefixingPath("banner") }
            case "premium_tier":
                do { premiumTierValue = try reader.decode() } catch { throw error.prefixingPath("premium_tier") }
            case "premium_subscription_count":
                do { self.premiumSubscriptionCount = try reader.decodeNullable() } catch { throw error.prefixingPath("premium_subscription_count") }
            case "preferred_locale":
                do { preferredLocaleValue = try reader.decode() } catch { throw error.prefixingPath("preferred_locale") }
            case "public_updates_channel_id":
                do { self.publicUpdatesChannelID = try reader.decodeNullable() } catch { throw error.prefixingPath("public_updates_channel_id") }
            case "max_video_channel_users":
                do { self.maxVideoChannelUsers = try reader.decodeNullable() } catch { throw error.prefixingPath("max_video_channel_users") }
            case "approximate_member_count":
                do { self.approximateMemberCount = try reader.decodeNullable() } catch { throw error.prefixingPath("approximate_member_count") }
            case "approximate_presence_count":
                do { self.approximatePresenceCount = try reader.decodeNullable() } catch { throw error.prefixingPath("approximate_presence_count") }
            case "nsfw_level":
                do { self.nsfwLevel = try reader.decodeNullable() } catch { throw error.prefixingPath("nsfw_level") }
            case "stickers":
                do { self.stickers = try reader.decodeNullable() } catch { throw error.prefixingPath("stickers") }
            case "premium_progress_bar_enabled":
                do { self.premiumProgressBarEnabled = try reader.decodeNullable() } catch { throw error.prefixingPath("premium_progress_bar_enabled") }
            case "safety_alerts_channel_id":
                do { self.safetyAlertsChannelID = try reader.decodeNullable() } catch { throw error.prefixingPath("safety_alerts_channel_id") }
            case "joined_at":
                do { self.joinedAt = try reader.decodeNullable() } catch { throw error.prefixingPath("joined_at") }
            case "large":
                do { self.large = try reader.decodeNullable() } catch { throw error.prefixingPath("large") }
            case "unavailable":
                do { self.unavailable = try reader.decodeNullable() } catch { throw error.prefixingPath("unavailable") }
            case "member_count":
                do { self.memberCount = try reader.decodeNullable() } catch { throw error.prefixingPath("member_count") }
            case "voice_states":
                do { self.voiceStates = try reader.decodeNullable() } catch { throw error.prefixingPath("voice_states") }
            case "members":
                do { self.members = try reader.decodeNullable() } catch { throw error.prefixingPath("members") }
            case "channels":
                do { self.channels = try reader.decodeNullable() } catch { throw error.prefixingPath("channels") }
            case "threads":
                do { self.threads = try reader.decodeNullable() } catch { throw error.prefixingPath("threads") }
            case "presences":
                do { self.presences = try reader.decodeNullable() } catch { throw error.prefixingPath("presences") }
            case "stage_instances":
                do { self.stageInstances = try reader.decodeNullable() } catch { throw error.prefixingPath("stage_instances") }
            case "guild_scheduled_events":
                do { self.guildScheduledEvents = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_scheduled_events") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.name = try reader.require(nameValue, "name")
        self.ownerID = try reader.require(ownerIDValue, "owner_id")
        self.afkTimeout = try reader.require(afkTimeoutValue, "afk_timeout")
        self.verificationLevel = try reader.require(verificationLevelValue, "verification_level")
        self.defaultMessageNotifications = try reader.require(defaultMessageNotificationsValue, "default_message_notifications")
        self.explicitContentFilter = try reader.require(explicitContentFilterValue, "explicit_content_filter")
        self.roles = try reader.require(rolesValue, "roles")
        self.emojis = try reader.require(emojisValue, "emojis")
        self.features = try reader.require(featuresValue, "features")
        self.mfaLevel = try reader.require(mfaLevelValue, "mfa_level")
        self.premiumTier = try reader.require(premiumTierValue, "premium_tier")
        self.preferredLocale = try reader.require(preferredLocaleValue, "preferred_locale")
    }
}
