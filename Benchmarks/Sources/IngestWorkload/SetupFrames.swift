/// The READY and GUILD_CREATE frames that define the generated world, shaped like the corpus payloads.
enum SetupFrames {
    typealias J = WorkloadJSON

    static func ready(world: GeneratedWorld, sequence: Int, text: inout TextSource) -> String {
        let guilds = world.guilds.map { "{\"id\":\(J.id($0.id)),\"unavailable\":true}" }.joined(separator: ",")
        let user = "{\"id\":\(J.id(world.botUserID)),\"username\":\"apus-bench\",\"global_name\":null,"
            + "\"discriminator\":\"0\",\"avatar\":null,\"bot\":true,\"verified\":true,\"mfa_enabled\":true,"
            + "\"flags\":0,\"public_flags\":0,\"email\":null}"
        let data = "{\"v\":10,\"user\":\(user),\"user_settings\":{},\"session_type\":\"normal\","
            + "\"session_id\":\"\(text.token(length: 32))\","
            + "\"resume_gateway_url\":\"wss://gateway-us-east1-b.discord.gg\",\"relationships\":[],"
            + "\"private_channels\":[],\"presences\":[],\"guilds\":[\(guilds)],\"guild_join_requests\":[],"
            + "\"geo_ordered_rtc_regions\":[\"us-east\"],\"shard\":[0,1],"
            + "\"application\":{\"id\":\(J.id(world.applicationID)),\"flags\":565248},\"_trace\":[\"[\\\"gateway-prd\\\"]\"]}"
        return envelope("READY", sequence: sequence, data: data)
    }

    static func guildCreate(guild: GeneratedWorld.Guild, sequence: Int, text: inout TextSource) -> String {
        var roles: [String] = []
        for (index, role) in guild.roles.enumerated() {
            roles.append(
                "{\"id\":\(J.id(role)),\"name\":\(J.quoted(guild.roleNames[index])),\"color\":\(index * 4099 % 16_777_215),"
                    + "\"hoist\":\(index % 5 == 1),\"icon\":null,\"unicode_emoji\":null,\"position\":\(index),"
                    + "\"permissions\":\"\(index == 0 ? "2248473465835073" : "1071698660929")\",\"managed\":false,"
                    + "\"mentionable\":\(index % 3 == 0),\"flags\":0}"
            )
        }
        var channels: [String] = []
        for (index, channel) in guild.channels.enumerated() {
            channels.append(
                "{\"id\":\(J.id(channel)),\"type\":0,\"name\":\(J.quoted(guild.channelNames[index])),"
                    + "\"position\":\(index),\"parent_id\":null,\"topic\":\(J.quoted(text.sentence())),\"nsfw\":false,"
                    + "\"last_message_id\":null,\"rate_limit_per_user\":0,\"permission_overwrites\":[],\"flags\":0}"
            )
        }
        let members = guild.members.map { member in
            DispatchFrames.memberObject(member, includeUser: true, avatarHash: text.imageHash())
        }
        let data = "{\"id\":\(J.id(guild.id)),\"name\":\(J.quoted(guild.name)),\"icon\":null,\"splash\":null,"
            + "\"discovery_splash\":null,\"banner\":null,\"description\":null,\"owner_id\":\(J.id(guild.ownerID)),"
            + "\"region\":\"deprecated\",\"afk_channel_id\":null,\"afk_timeout\":300,\"verification_level\":1,"
            + "\"default_message_notifications\":1,\"explicit_content_filter\":2,\"features\":[\"COMMUNITY\"],"
            + "\"mfa_level\":0,\"application_id\":null,\"system_channel_id\":\(J.id(guild.channels[0])),"
            + "\"system_channel_flags\":0,\"rules_channel_id\":null,\"vanity_url_code\":null,\"premium_tier\":1,"
            + "\"premium_subscription_count\":3,\"preferred_locale\":\"en-US\",\"public_updates_channel_id\":null,"
            + "\"nsfw_level\":0,\"premium_progress_bar_enabled\":false,\"max_members\":500000,\"max_video_channel_users\":25,"
            + "\"joined_at\":\"2025-01-01T00:00:00.000000+00:00\",\"large\":false,\"unavailable\":false,"
            + "\"member_count\":\(guild.members.count),\"voice_states\":[],\"threads\":[],\"presences\":[],"
            + "\"stage_instances\":[],\"guild_scheduled_events\":[],\"emojis\":[],\"stickers\":[],\"soundboard_sounds\":[],"
            + "\"roles\":[\(roles.joined(separator: ","))],\"channels\":[\(channels.joined(separator: ","))],"
            + "\"members\":[\(members.joined(separator: ","))]}"
        return envelope("GUILD_CREATE", sequence: sequence, data: data)
    }

    /// `{"t":…,"s":…,"op":0,"d":…}`.
    static func envelope(_ name: String, sequence: Int, data: String) -> String {
        "{\"t\":\"\(name)\",\"s\":\(sequence),\"op\":0,\"d\":\(data)}"
    }
}
