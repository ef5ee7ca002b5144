import Foundation
@testable import ApusModel

extension CorpusTests {
    static func compare(event: GatewayEvent, json: Any?, checker: inout Checker) {
        let object = json as? [String: Any] ?? [:]
        switch event {
        case .ready(let ready):
            checker.string(ready.sessionID, object["session_id"], "session_id")
            checker.user(ready.user, object["user"], "user")
            checker.count(ready.guilds.count, object["guilds"], "guilds")
        case .guildCreate(let guild), .guildUpdate(let guild):
            checker.guild(guild, json, "guild")
        case .guildDelete(let guild):
            checker.id(guild.id, object["id"], "id")
        case .channelCreate(let channel), .channelUpdate(let channel), .channelDelete(let channel),
             .threadCreate(let channel), .threadUpdate(let channel), .threadDelete(let channel):
            checker.channel(channel, json, "channel")
        case .guildRoleCreate(let event), .guildRoleUpdate(let event):
            checker.id(event.guildID, object["guild_id"], "guild_id")
            checker.role(event.role, object["role"], "role")
        case .guildRoleDelete(let event):
            checker.id(event.roleID, object["role_id"], "role_id")
        case .guildMemberAdd(let event):
            checker.id(event.guildID, object["guild_id"], "guild_id")
            checker.user(event.user, object["user"], "user")
            checker.count(event.roles.count, object["roles"], "roles")
        case .guildMemberUpdate(let event):
            checker.id(event.guildID, object["guild_id"], "guild_id")
            checker.user(event.user, object["user"], "user")
            checker.count(event.roles.count, object["roles"], "roles")
            checker.string(event.nick, object["nick"], "nick")
        case .guildMemberRemove(let event):
            checker.user(event.user, object["user"], "user")
        case .guildMembersChunk(let event):
            checker.count(event.members.count, object["members"], "members")
            checker.count(event.presences?.count, object["presences"], "presences")
            checker.int(event.chunkIndex, object["chunk_index"], "chunk_index")
        case .guildBanAdd(let event), .guildBanRemove(let event):
            checker.user(event.user, object["user"], "user")
        case .messageCreate(let message):
            checker.message(message, json, "message")
        case .messageUpdate(let update):
            checker.id(update.id, object["id"], "id")
            checker.string(update.content, object["content"], "content")
            checker.count(update.embeds?.count, object["embeds"], "embeds")
        case .messageDelete(let event):
            checker.id(event.id, object["id"], "id")
            checker.id(event.channelID, object["channel_id"], "channel_id")
        case .messageDeleteBulk(let event):
            checker.count(event.ids.count, object["ids"], "ids")
        case .messageReactionAdd(let event):
            checker.id(event.userID, object["user_id"], "user_id")
            checker.id(event.messageID, object["message_id"], "message_id")
            checker.emoji(event.emoji, object["emoji"], "emoji")
            checker.member(event.member, object["member"], "member")
        case .messageReactionRemove(let event):
            checker.id(event.userID, object["user_id"], "user_id")
            checker.emoji(event.emoji, object["emoji"], "emoji")
        case .messageReactionRemoveAll(let event):
            checker.id(event.messageID, object["message_id"], "message_id")
        case .messageReactionRemoveEmoji(let event):
            checker.emoji(event.emoji, object["emoji"], "emoji")
        case .typingStart(let event):
            checker.id(event.userID, object["user_id"], "user_id")
            checker.id(event.channelID, object["channel_id"], "channel_id")
        case .presenceUpdate(let presence):
            checker.id(presence.user.id, (object["user"] as? [String: Any])?["id"], "user.id")
            checker.string(presence.status?.rawValue, object["status"], "status")
            checker.count(presence.activities?.count, object["activities"], "activities")
        case .voiceStateUpdate(let state):
            checker.id(state.userID, object["user_id"], "user_id")
            checker.id(state.channelID, object["channel_id"], "channel_id")
            checker.string(state.sessionID, object["session_id"], "session_id")
        case .voiceServerUpdate(let event):
            checker.string(event.token, object["token"], "token")
            checker.string(event.endpoint, object["endpoint"], "endpoint")
        case .interactionCreate(let interaction):
            checker.interaction(interaction, json, "interaction")
        case .rateLimited(let event):
            checker.int(event.opcode, object["opcode"], "opcode")
        case .userUpdate(let user):
            checker.user(user, json, "user")
        case .guildEmojisUpdate(let event):
            checker.count(event.emojis.count, object["emojis"], "emojis")
        case .resumed:
            checker.expect(true, "resumed")
        case .unknown(_, let data):
            let reparsed = try? JSONSerialization.jsonObject(with: Data(data.bytes), options: [.fragmentsAllowed])
            checker.expect(reparsed != nil, "raw JSON re-parses")
        }
    }

    static func decodeREST(subject: String, bytes: [UInt8], json: Any, checker: inout Checker) throws(JSONDecodingError) {
        let array = json as? [Any] ?? []
        switch subject {
        case "rest-channel": checker.channel(try Channel(jsonBytes: bytes), json, "channel")
        case "rest-channel-list":
            let channels = try [Channel](jsonBytes: bytes)
            checker.count(channels.count, json, "channels")
            for (index, channel) in channels.enumerated() { checker.channel(channel, array[index], "channels[\(index)]") }
        case "rest-emoji": checker.emoji(try Emoji(jsonBytes: bytes), json, "emoji")
        case "rest-emoji-list":
            let emojis = try [Emoji](jsonBytes: bytes)
            checker.count(emojis.count, json, "emojis")
            for (index, emoji) in emojis.enumerated() { checker.emoji(emoji, array[index], "emojis[\(index)]") }
        case "rest-gateway-bot":
            let bot = try GatewayBot(jsonBytes: bytes)
            let object = json as? [String: Any] ?? [:]
            checker.string(bot.url, object["url"], "url")
            checker.int(bot.shards, object["shards"], "shards")
            let limit = object["session_start_limit"] as? [String: Any]
            checker.int(bot.sessionStartLimit.maxConcurrency, limit?["max_concurrency"], "max_concurrency")
        case "rest-guild-member": checker.member(try GuildMember(jsonBytes: bytes), json, "member")
        case "rest-guild-member-list":
            let members = try [GuildMember](jsonBytes: bytes)
            checker.count(members.count, json, "members")
            for (index, member) in members.enumerated() { checker.member(member, array[index], "members[\(index)]") }
        case "rest-guild": checker.guild(try Guild(jsonBytes: bytes), json, "guild")
        case "rest-guild-unavailable":
            checker.id(try UnavailableGuild(jsonBytes: bytes).id, (json as? [String: Any])?["id"], "id")
        case "rest-message": checker.message(try Message(jsonBytes: bytes), json, "message")
        case "rest-role": checker.role(try Role(jsonBytes: bytes), json, "role")
        case "rest-role-list":
            let roles = try [Role](jsonBytes: bytes)
            checker.count(roles.count, json, "roles")
            for (index, role) in roles.enumerated() { checker.role(role, array[index], "roles[\(index)]") }
        case "rest-user": checker.user(try User(jsonBytes: bytes), json, "user")
        case "rest-application":
            let application = try Application(jsonBytes: bytes)
            checker.id(application.id, (json as? [String: Any])?["id"], "id")
            checker.string(application.name, (json as? [String: Any])?["name"], "name")
        case "rest-ban":
            let ban = try Ban(jsonBytes: bytes)
            checker.user(ban.user, (json as? [String: Any])?["user"], "user")
        case "rest-voice-state":
            let state = try VoiceState(jsonBytes: bytes)
            checker.id(state.userID, (json as? [String: Any])?["user_id"], "user_id")
        case "rest-sticker":
            let sticker = try Sticker(jsonBytes: bytes)
            checker.id(sticker.id, (json as? [String: Any])?["id"], "id")
        case "rest-partial-guild-list":
            let guilds = try [PartialGuild](jsonBytes: bytes)
            checker.count(guilds.count, json, "guilds")
        default:
            // Objects Apus does not model (webhooks, invites, templates...): validated and kept verbatim.
            let raw = try RawJSON(jsonBytes: bytes)
            let reparsed = try? JSONSerialization.jsonObject(with: Data(raw.bytes), options: [.fragmentsAllowed])
            checker.expect(reparsed != nil, "raw JSON re-parses")
        }
    }

    static func decodeObject(subject: String, bytes: [UInt8], json: Any, checker: inout Checker) throws(JSONDecodingError) {
        let object = json as? [String: Any] ?? [:]
        switch subject {
        case "obj-activity":
            let activity = try Activity(jsonBytes: bytes)
            checker.string(activity.name, object["name"], "name")
            checker.int(activity.type.rawValue, object["type"], "type")
        case "obj-emoji-partial": checker.emoji(try Emoji(jsonBytes: bytes), json, "emoji")
        case "obj-interaction-resolved":
            let resolved = try ResolvedData(jsonBytes: bytes)
            checker.expect(resolved.users?.count ?? 0 == (object["users"] as? [String: Any])?.count ?? 0, "users")
        case "obj-presence-list":
            let presences = try [Presence](jsonBytes: bytes)
            checker.count(presences.count, json, "presences")
        default:
            _ = try RawJSON(jsonBytes: bytes)
        }
    }
}
