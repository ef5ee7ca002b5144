/// The six dispatches of the ingest mix, shaped like the corpus payloads of those events.
enum DispatchFrames {
    typealias J = WorkloadJSON

    /// A guild member object; `includeUser` adds the nested `user` (GUILD_CREATE, reactions, typing).
    static func memberObject(_ member: GeneratedWorld.Member, includeUser: Bool, avatarHash: String) -> String {
        var fields = ""
        if includeUser { fields += "\"user\":\(userObject(member, avatarHash: avatarHash))," }
        fields += "\"roles\":\(J.ids(member.roles)),\"nick\":\(member.nick.map(J.quoted) ?? "null"),"
            + "\"avatar\":null,\"banner\":null,\"premium_since\":null,"
            + "\"joined_at\":\(J.timestamp(milliseconds: member.joinedAtMilliseconds)),\"deaf\":false,\"mute\":false,"
            + "\"pending\":false,\"flags\":0,\"communication_disabled_until\":null"
        return "{\(fields)}"
    }

    /// A user object.
    static func userObject(_ member: GeneratedWorld.Member, avatarHash: String) -> String {
        "{\"id\":\(J.id(member.userID)),\"username\":\(J.quoted(member.username)),"
            + "\"global_name\":\(member.globalName.map(J.quoted) ?? "null"),\"discriminator\":\"0\","
            + "\"avatar\":\"\(avatarHash)\",\"public_flags\":0,\"flags\":0,\"avatar_decoration_data\":null,"
            + "\"collectibles\":null,\"primary_guild\":null}"
    }

    /// The body of a MESSAGE_CREATE / MESSAGE_UPDATE (a whole message object).
    static func message(
        id: UInt64, channelID: UInt64, guild: GeneratedWorld.Guild, author: GeneratedWorld.Member,
        content: String, timestampMilliseconds: UInt64, editedMilliseconds: UInt64?,
        mentions: [GeneratedWorld.Member], attachments: [String], embeds: [String], text: inout TextSource
    ) -> String {
        let mentionObjects = mentions.map { mentioned in
            let user = userObject(mentioned, avatarHash: text.imageHash())
            let member = memberObject(mentioned, includeUser: false, avatarHash: "")
            return String(user.dropLast()) + ",\"member\":\(member)}"
        }
        return "{\"type\":0,\"tts\":false,\"timestamp\":\(J.timestamp(milliseconds: timestampMilliseconds)),"
            + "\"pinned\":false,\"mentions\":[\(mentionObjects.joined(separator: ","))],\"mention_roles\":[],"
            + "\"mention_everyone\":false,\"member\":\(memberObject(author, includeUser: false, avatarHash: "")),"
            + "\"id\":\(J.id(id)),\"flags\":0,\"embeds\":[\(embeds.joined(separator: ","))],"
            + "\"edited_timestamp\":\(editedMilliseconds.map { J.timestamp(milliseconds: $0) } ?? "null"),"
            + "\"content\":\(J.quoted(content)),\"components\":[],\"channel_type\":0,"
            + "\"channel_id\":\(J.id(channelID)),\"author\":\(userObject(author, avatarHash: text.imageHash())),"
            + "\"attachments\":[\(attachments.joined(separator: ","))],\"guild_id\":\(J.id(guild.id)),"
            + "\"nonce\":\"\(text.random64())\"}"
    }

    /// An attachment object.
    static func attachment(id: UInt64, channelID: UInt64, text: inout TextSource) -> String {
        let filename = text.slug(words: 2) + ".png"
        let size = 1_000 + Int(text.random64() % 5_000_000)
        let url = "https://cdn.discordapp.com/attachments/\(channelID)/\(id)/\(filename)?ex=\(text.token(length: 8))"
        return "{\"id\":\(J.id(id)),\"filename\":\(J.quoted(filename)),\"size\":\(size),\"url\":\(J.quoted(url)),"
            + "\"proxy_url\":\(J.quoted(url.replacingPrefix("https://cdn.", with: "https://media."))),"
            + "\"width\":\(200 + size % 1800),\"height\":\(100 + size % 1000),\"content_type\":\"image/png\","
            + "\"placeholder\":\"\(text.token(length: 24))\",\"placeholder_version\":1}"
    }

    /// A rich embed object.
    static func embed(text: inout TextSource) -> String {
        "{\"type\":\"rich\",\"title\":\(J.quoted(text.title(words: 4))),\"description\":\(J.quoted(text.sentence())),"
            + "\"url\":\"https://example.com/\(text.token(length: 10))\",\"color\":\(text.random64() % 16_777_215),"
            + "\"footer\":{\"text\":\(J.quoted(text.title(words: 2)))},\"fields\":[]}"
    }

    static func typingStart(channelID: UInt64, guild: GeneratedWorld.Guild, member: GeneratedWorld.Member,
                            seconds: UInt64, text: inout TextSource) -> String {
        "{\"user_id\":\(J.id(member.userID)),\"timestamp\":\(seconds),"
            + "\"member\":\(memberObject(member, includeUser: true, avatarHash: text.imageHash())),"
            + "\"channel_id\":\(J.id(channelID)),\"guild_id\":\(J.id(guild.id))}"
    }

    static func reactionAdd(messageID: UInt64, channelID: UInt64, guild: GeneratedWorld.Guild,
                            member: GeneratedWorld.Member, emoji: (id: UInt64?, name: String), authorID: UInt64,
                            text: inout TextSource) -> String {
        "{\"user_id\":\(J.id(member.userID)),\"type\":0,\"message_id\":\(J.id(messageID)),"
            + "\"message_author_id\":\(J.id(authorID)),"
            + "\"member\":\(memberObject(member, includeUser: true, avatarHash: text.imageHash())),"
            + "\"emoji\":{\"name\":\(J.quoted(emoji.name)),\"id\":\(emoji.id.map(J.id) ?? "null")},"
            + "\"channel_id\":\(J.id(channelID)),\"burst\":false,\"guild_id\":\(J.id(guild.id))}"
    }

    static func presenceUpdate(guild: GeneratedWorld.Guild, member: GeneratedWorld.Member, status: String,
                               activities: [(type: Int, name: String)], text: inout TextSource) -> String {
        let activityObjects = activities.map { activity in
            "{\"type\":\(activity.type),\"name\":\(J.quoted(activity.name)),\"id\":\"\(text.token(length: 16))\","
                + "\"created_at\":\(1_700_000_000_000 + text.random64() % 100_000_000_000)}"
        }
        return "{\"user\":{\"id\":\(J.id(member.userID))},\"status\":\"\(status)\","
            + "\"client_status\":{\"desktop\":\"\(status)\"},\"guild_id\":\(J.id(guild.id)),"
            + "\"activities\":[\(activityObjects.joined(separator: ","))]}"
    }

    static func memberUpdate(guild: GeneratedWorld.Guild, member: GeneratedWorld.Member, text: inout TextSource) -> String {
        let body = memberObject(member, includeUser: true, avatarHash: text.imageHash())
        return String(body.dropLast()) + ",\"guild_id\":\(J.id(guild.id))}"
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
