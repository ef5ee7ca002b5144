import Foundation
@testable import ApusModel

/// Field-by-field comparisons of decoded models against `JSONSerialization` output.
extension Checker {
    mutating func user(_ user: User?, _ json: Any?, _ path: String) {
        guard let object = json as? [String: Any], !object.isEmpty else {
            return expect(user == nil, "\(path): unexpected user")
        }
        guard let user else { return expect(false, "\(path): user missing") }
        id(user.id, object["id"], "\(path).id")
        string(user.username, object["username"], "\(path).username")
        string(user.globalName, object["global_name"], "\(path).global_name")
        string(user.avatar, object["avatar"], "\(path).avatar")
    }

    mutating func member(_ member: GuildMember?, _ json: Any?, _ path: String) {
        guard let object = json as? [String: Any] else { return expect(member == nil, "\(path): unexpected member") }
        guard let member else { return expect(false, "\(path): member missing") }
        count(member.roles.count, object["roles"], "\(path).roles")
        for (index, role) in member.roles.enumerated() {
            id(role, (object["roles"] as? [Any])?[index], "\(path).roles[\(index)]")
        }
        string(member.nick, object["nick"], "\(path).nick")
        if object["user"] != nil { user(member.user, object["user"], "\(path).user") }
    }

    mutating func role(_ role: Role, _ json: Any?, _ path: String) {
        let object = json as? [String: Any] ?? [:]
        id(role.id, object["id"], "\(path).id")
        string(role.name, object["name"], "\(path).name")
        int(role.position, object["position"], "\(path).position")
        int(role.color, object["color"], "\(path).color")
    }

    mutating func channel(_ channel: Channel, _ json: Any?, _ path: String) {
        let object = json as? [String: Any] ?? [:]
        id(channel.id, object["id"], "\(path).id")
        int(channel.type.rawValue, object["type"], "\(path).type")
        string(channel.name, object["name"], "\(path).name")
        id(channel.guildID, object["guild_id"], "\(path).guild_id")
        id(channel.parentID, object["parent_id"], "\(path).parent_id")
        count(channel.permissionOverwrites?.count, object["permission_overwrites"], "\(path).permission_overwrites")
    }

    mutating func emoji(_ emoji: Emoji, _ json: Any?, _ path: String) {
        let object = json as? [String: Any] ?? [:]
        id(emoji.id, object["id"], "\(path).id")
        string(emoji.name, object["name"], "\(path).name")
    }

    mutating func message(_ message: Message, _ json: Any?, _ path: String) {
        let object = json as? [String: Any] ?? [:]
        id(message.id, object["id"], "\(path).id")
        id(message.channelID, object["channel_id"], "\(path).channel_id")
        id(message.guildID, object["guild_id"], "\(path).guild_id")
        string(message.content, object["content"], "\(path).content")
        user(message.author, object["author"], "\(path).author")
        member(message.member, object["member"], "\(path).member")
        int(message.type.rawValue, object["type"], "\(path).type")
        count(message.mentions.count, object["mentions"], "\(path).mentions")
        for (index, mention) in message.mentions.enumerated() {
            let mentionJSON = (object["mentions"] as? [Any])?[index] as? [String: Any]
            id(mention.id, mentionJSON?["id"], "\(path).mentions[\(index)].id")
            string(mention.username, mentionJSON?["username"], "\(path).mentions[\(index)].username")
        }
        count(message.mentionRoles.count, object["mention_roles"], "\(path).mention_roles")
        count(message.attachments.count, object["attachments"], "\(path).attachments")
        for (index, attachment) in message.attachments.enumerated() {
            let attachmentJSON = (object["attachments"] as? [Any])?[index] as? [String: Any]
            id(attachment.id, attachmentJSON?["id"], "\(path).attachments[\(index)].id")
            string(attachment.url, attachmentJSON?["url"], "\(path).attachments[\(index)].url")
        }
        count(message.embeds.count, object["embeds"], "\(path).embeds")
        for (index, embed) in message.embeds.enumerated() {
            let embedJSON = (object["embeds"] as? [Any])?[index] as? [String: Any]
            string(embed.title, embedJSON?["title"], "\(path).embeds[\(index)].title")
            string(embed.description, embedJSON?["description"], "\(path).embeds[\(index)].description")
            count(embed.fields?.count, embedJSON?["fields"], "\(path).embeds[\(index)].fields")
        }
        count(message.reactions?.count, object["reactions"], "\(path).reactions")
        if let timestamp = object["timestamp"] as? String {
            expect(DiscordTimestamp(iso8601: timestamp) == message.timestamp, "\(path).timestamp")
        }
        if let referenced = object["referenced_message"] as? [String: Any] {
            if let boxed = message.referencedMessage {
                self.message(boxed.value, referenced, "\(path).referenced_message")
            } else {
                expect(false, "\(path).referenced_message missing")
            }
        }
    }

    mutating func guild(_ guild: Guild, _ json: Any?, _ path: String) {
        let object = json as? [String: Any] ?? [:]
        id(guild.id, object["id"], "\(path).id")
        string(guild.name, object["name"], "\(path).name")
        id(guild.ownerID, object["owner_id"], "\(path).owner_id")
        count(guild.roles.count, object["roles"], "\(path).roles")
        for (index, role) in guild.roles.enumerated() { self.role(role, (object["roles"] as? [Any])?[index], "\(path).roles[\(index)]") }
        count(guild.emojis.count, object["emojis"], "\(path).emojis")
        count(guild.channels?.count, object["channels"], "\(path).channels")
        for (index, channel) in (guild.channels ?? []).enumerated() {
            self.channel(channel, (object["channels"] as? [Any])?[index], "\(path).channels[\(index)]")
        }
        count(guild.threads?.count, object["threads"], "\(path).threads")
        count(guild.members?.count, object["members"], "\(path).members")
        for (index, member) in (guild.members ?? []).enumerated() {
            self.member(member, (object["members"] as? [Any])?[index], "\(path).members[\(index)]")
        }
        count(guild.presences?.count, object["presences"], "\(path).presences")
        count(guild.voiceStates?.count, object["voice_states"], "\(path).voice_states")
        int(guild.memberCount, object["member_count"], "\(path).member_count")
    }

    mutating func interaction(_ interaction: Interaction, _ json: Any?, _ path: String) {
        let object = json as? [String: Any] ?? [:]
        id(interaction.id, object["id"], "\(path).id")
        id(interaction.applicationID, object["application_id"], "\(path).application_id")
        int(interaction.type.rawValue, object["type"], "\(path).type")
        string(interaction.token, object["token"], "\(path).token")
        id(interaction.guildID, object["guild_id"], "\(path).guild_id")
        let data = object["data"] as? [String: Any]
        string(interaction.data?.name, data?["name"], "\(path).data.name")
        string(interaction.data?.customID, data?["custom_id"], "\(path).data.custom_id")
        count(interaction.data?.options?.count, data?["options"], "\(path).data.options")
        if let resolved = data?["resolved"] as? [String: Any] {
            expect(interaction.data?.resolved?.users?.count ?? 0 == (resolved["users"] as? [String: Any])?.count ?? 0,
                   "\(path).data.resolved.users")
            expect(interaction.data?.resolved?.members?.count ?? 0 == (resolved["members"] as? [String: Any])?.count ?? 0,
                   "\(path).data.resolved.members")
        }
        if object["member"] != nil { member(interaction.member, object["member"], "\(path).member") }
        if object["user"] != nil { user(interaction.user, object["user"], "\(path).user") }
    }
}
