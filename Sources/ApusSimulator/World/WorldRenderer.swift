import Foundation

/// Fills the JSON templates with world state. Every function returns a fresh JSON object (`[String: Any]`).
struct WorldRenderer {
    let templates: JSONTemplates
    let applicationID: UInt64
    let botUserID: UInt64

    func user(_ user: WorldUser) -> [String: Any] {
        var object = templates.object("user")
        object["id"] = String(user.id)
        object["username"] = user.username
        object["global_name"] = user.globalName ?? NSNull()
        object["discriminator"] = user.bot ? "7281" : "0"
        if user.bot { object["bot"] = true }
        return object
    }

    func member(_ member: WorldMember, user: WorldUser?) -> [String: Any] {
        var object = memberWithoutUser(member)
        if let user { object["user"] = self.user(user) }
        return object
    }

    func memberWithoutUser(_ member: WorldMember) -> [String: Any] {
        var object = templates.object("member")
        object.removeValue(forKey: "user")
        object["nick"] = member.nick ?? NSNull()
        object["roles"] = member.roleIDs.map(String.init)
        object["joined_at"] = Snowflake.timestamp(unixMilliseconds: member.joinedAtMilliseconds)
        object["communication_disabled_until"] = member.communicationDisabledUntil ?? NSNull()
        return object
    }

    func role(_ role: WorldRole) -> [String: Any] {
        var object = templates.object("role")
        object["id"] = String(role.id)
        object["name"] = role.name
        object["permissions"] = String(role.permissions)
        object["position"] = role.position
        object["color"] = role.color
        if var colors = object["colors"] as? [String: Any] {
            colors["primary_color"] = role.color
            object["colors"] = colors
        }
        object["hoist"] = role.hoist
        object["managed"] = role.managed
        if role.managed { object["tags"] = ["bot_id": String(applicationID)] }
        return object
    }

    func channel(_ channel: WorldChannel, users: [UInt64: WorldUser]) -> [String: Any] {
        var object: [String: Any]
        switch channel.kind {
        case .dm:
            object = templates.object("dm_channel")
            object["recipients"] = channel.recipientIDs.compactMap { users[$0] }.map(user)
        case .voice:
            object = templates.object("voice_channel")
        case .text, .category:
            object = templates.object("channel")
            if channel.kind == .category {
                for key in ["topic", "last_message_id", "rate_limit_per_user", "nsfw"] { object.removeValue(forKey: key) }
            } else {
                object["topic"] = channel.topic ?? NSNull()
            }
        }
        object["id"] = String(channel.id)
        object["type"] = channel.kind.rawValue
        if channel.kind != .dm {
            object["name"] = channel.name
            object["position"] = channel.position
            object["parent_id"] = channel.parentID.map { String($0) } ?? NSNull()
            object["permission_overwrites"] = channel.overwrites.map { overwrite -> [String: Any] in
                [
                    "id": String(overwrite.id), "type": overwrite.isRole ? 0 : 1, "allow": String(overwrite.allow),
                    "deny": String(overwrite.deny),
                ]
            }
        }
        if let guildID = channel.guildID { object["guild_id"] = String(guildID) } else { object.removeValue(forKey: "guild_id") }
        if object["last_message_id"] != nil {
            object["last_message_id"] = channel.lastMessageID.map { String($0) } ?? NSNull()
        }
        return object
    }

    func presence(_ member: WorldMember) -> [String: Any] {
        var object = templates.object("presence")
        object["user"] = ["id": String(member.userID)]
        object["status"] = member.status
        object["client_status"] = member.status == "offline" ? [String: Any]() : ["desktop": member.status]
        return object
    }

    func message(_ message: WorldMessage, author: WorldUser?, member: WorldMember?, forGateway: Bool) -> [String: Any] {
        var object = templates.object("message")
        object["id"] = String(message.id)
        object["channel_id"] = String(message.channelID)
        object["content"] = message.content
        object["timestamp"] = Snowflake.timestamp(unixMilliseconds: message.timestampMilliseconds)
        object["edited_timestamp"] =
            message.editedMilliseconds.map { Snowflake.timestamp(unixMilliseconds: $0) } ?? NSNull()
        object["tts"] = message.tts
        object["flags"] = message.flags
        object["author"] = author.map(user) ?? ["id": String(message.authorID)]
        object["embeds"] = JSONText.parse(Array(message.embedsJSON.utf8)) ?? []
        object["components"] = JSONText.parse(Array(message.componentsJSON.utf8)) ?? []
        object["attachments"] = message.attachments.map { attachment(for: message, $0) }
        if !message.reactions.isEmpty {
            object["reactions"] = message.reactions.map { reaction -> [String: Any] in
                [
                    "emoji": Self.emojiObject(reaction.emoji), "count": reaction.userIDs.count,
                    "count_details": ["burst": 0, "normal": reaction.userIDs.count], "burst_colors": [Any](),
                    "me_burst": false, "burst_me": false, "burst_count": 0,
                    "me": reaction.userIDs.contains(botUserID),
                ]
            }
        }
        if let webhookID = message.webhookID { object["webhook_id"] = String(webhookID) }
        if let applicationID = message.applicationID { object["application_id"] = String(applicationID) }
        if let nonce = message.nonce { object["nonce"] = nonce }
        if forGateway, let guildID = message.guildID {
            object["guild_id"] = String(guildID)
            if let member, message.webhookID == nil { object["member"] = memberWithoutUser(member) }
        }
        if forGateway { object["channel_type"] = message.guildID == nil ? 1 : 0 }
        return object
    }

    func attachment(for message: WorldMessage, _ attachment: WorldAttachment) -> [String: Any] {
        var object = templates.object("attachment")
        let url = "https://cdn.discordapp.com/attachments/\(message.channelID)/\(attachment.id)/\(attachment.filename)"
        object["id"] = String(attachment.id)
        object["filename"] = attachment.filename
        object["size"] = attachment.size
        object["url"] = url
        object["proxy_url"] = url.replacingOccurrences(of: "cdn.discordapp.com", with: "media.discordapp.net")
        object["content_type"] = attachment.contentType
        return object
    }

    /// The emoji object for a reaction key: `name:id` for custom emojis, else the unicode text.
    static func emojiObject(_ key: String) -> [String: Any] {
        let parts = key.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, UInt64(parts[1]) != nil { return ["id": String(parts[1]), "name": String(parts[0])] }
        return ["id": NSNull(), "name": key]
    }
}
