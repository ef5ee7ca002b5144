import Foundation

/// The parts every scripted interaction shares: where it happens, who starts it, and the INTERACTION_CREATE
/// envelope (member or user, app_permissions, locales, token, version…) shaped like the corpus samples.
extension SimulatorREST {
    /// Where a scripted interaction happens and who starts it.
    struct ScriptedPlace {
        var guild: WorldGuild?
        var channel: WorldChannel
        var user: WorldUser
        var member: WorldMember?
    }

    /// Finds the channel (default: the first text channel; with `inDirectMessage`, the user's DM with the bot,
    /// opened if needed) and the user (default: the first non-bot member).
    func scriptedPlace(
        _ worldState: inout WorldState, channelID: UInt64?, userID: UInt64?, inDirectMessage: Bool
    ) -> Result<ScriptedPlace, ScriptedInteractionError> {
        if inDirectMessage {
            let fallback = worldState.guilds.first?.members.first { $0.userID != configuration.botUserID }?.userID
            guard let userID = userID ?? fallback, userID != configuration.botUserID, let user = worldState.users[userID]
            else { return .failure(.unknownMember(userID)) }
            if let existing = worldState.dmChannels.values.first(where: { $0.recipientIDs.contains(userID) }) {
                return .success(ScriptedPlace(guild: nil, channel: existing, user: user, member: nil))
            }
            let channel = WorldChannel(
                id: worldState.nextID(unixMilliseconds: world.nowUnixMilliseconds()), kind: .dm, guildID: nil, name: "",
                position: 0, parentID: nil, recipientIDs: [userID, configuration.botUserID])
            worldState.dmChannels[channel.id] = channel
            return .success(ScriptedPlace(guild: nil, channel: channel, user: user, member: nil))
        }
        let defaultChannel = worldState.guilds.first?.channels.first { $0.kind == .text }?.id
        guard let channelID = channelID ?? defaultChannel, let located = worldState.channel(channelID) else {
            return .failure(.unknownChannel(channelID))
        }
        guard let guildIndex = located.guildIndex else {
            let other = located.channel.recipientIDs.first { $0 != configuration.botUserID }
            guard let userID = userID ?? other, located.channel.recipientIDs.contains(userID),
                let user = worldState.users[userID]
            else { return .failure(.unknownMember(userID)) }
            return .success(ScriptedPlace(guild: nil, channel: located.channel, user: user, member: nil))
        }
        let guild = worldState.guilds[guildIndex]
        let fallback = guild.members.first { $0.userID != configuration.botUserID }?.userID
        guard let userID = userID ?? fallback, let member = guild.member(userID), let user = worldState.users[userID]
        else { return .failure(.unknownMember(userID)) }
        return .success(ScriptedPlace(guild: guild, channel: located.channel, user: user, member: member))
    }

    /// Builds the INTERACTION_CREATE `d` and its record (not yet stored).
    func scriptedEnvelope(
        _ worldState: inout WorldState, place: ScriptedPlace, type: Int, data: [String: Any], message: [String: Any]?,
        timing: SimulatedInteractionTiming
    ) -> (record: InteractionRecord, object: [String: Any]) {
        let id = worldState.nextID(unixMilliseconds: world.nowUnixMilliseconds())
        let token = "aW50ZXJhY3Rpb246\(id):" + String(id &* 0x9E37_79B9_7F4A_7C15, radix: 36)
        var object: [String: Any] = [
            "id": String(id), "application_id": String(configuration.applicationID), "type": type, "data": data,
            "channel_id": String(place.channel.id), "channel": world.renderer.channel(place.channel, users: worldState.users),
            "token": token, "version": 1, "locale": "en-US", "entitlements": [Any](),
            "attachment_size_limit": 10_485_760,
        ]
        if let guild = place.guild, let member = place.member {
            var memberObject = world.renderer.member(member, user: place.user)
            memberObject["permissions"] = String(SimulatorPermission.inChannel(
                guild: guild, channel: place.channel, memberUserID: member.userID, roleIDs: member.roleIDs))
            object["member"] = memberObject
            object["guild_id"] = String(guild.id)
            object["guild"] = ["id": String(guild.id), "locale": "en-US", "features": [Any]()]
            object["guild_locale"] = "en-US"
            object["app_permissions"] = String(botPermissions(guild: guild, channel: place.channel))
            object["authorizing_integration_owners"] = ["0": String(guild.id)]
            object["context"] = 0
        } else {
            object["user"] = world.renderer.user(place.user)
            object["app_permissions"] = String(SimulatorPermission.viewChannel | SimulatorPermission.sendMessages
                | SimulatorPermission.embedLinks | SimulatorPermission.attachFiles | SimulatorPermission.readMessageHistory
                | SimulatorPermission.addReactions)
            object["authorizing_integration_owners"] = ["0": String(place.user.id)]
            object["context"] = 1
        }
        if let message { object["message"] = message }
        let record = InteractionRecord(
            id: id, token: token, channelID: place.channel.id, guildID: place.guild?.id, type: type, userID: place.user.id,
            createdAt: timeSource.now(), timing: timing)
        return (record, object)
    }

    /// Stores the record, dispatches INTERACTION_CREATE and returns the handle.
    func dispatchScripted(_ built: (record: InteractionRecord, object: [String: Any])) -> ScriptedInteraction {
        register(built.record)
        let json = JSONText.string(built.object)
        sink.dispatch(event: "INTERACTION_CREATE", guildID: built.record.guildID, json: json)
        return ScriptedInteraction(
            id: built.record.id, token: built.record.token, type: built.record.type ?? 0, guildID: built.record.guildID,
            channelID: built.record.channelID ?? 0, userID: built.record.userID ?? 0, json: json)
    }

    /// What a snowflake option or select value may name.
    enum ResolvableKind {
        case user, role, channel, mentionable

        /// For an option type (6 user, 7 channel, 8 role, 9 mentionable).
        init?(optionType: Int) {
            switch optionType {
            case 6: self = .user
            case 7: self = .channel
            case 8: self = .role
            case 9: self = .mentionable
            default: return nil
            }
        }

        /// For a select component type (5 user, 6 role, 7 mentionable, 8 channel).
        init?(componentType: Int) {
            switch componentType {
            case 5: self = .user
            case 6: self = .role
            case 7: self = .mentionable
            case 8: self = .channel
            default: return nil
            }
        }
    }

    /// Adds the `resolved` entry for `snowflake`; false when it names nothing of `kind`.
    func resolve(
        _ worldState: WorldState, snowflake: UInt64, kind: ResolvableKind, guild: WorldGuild?,
        into resolved: inout [String: [String: Any]]
    ) -> Bool {
        let key = String(snowflake)
        if kind == .user || kind == .mentionable, let user = worldState.users[snowflake] {
            resolved["users", default: [:]][key] = world.renderer.user(user)
            if let guild, let member = guild.member(snowflake) {
                var memberObject = world.renderer.memberWithoutUser(member)
                memberObject["permissions"] = String(SimulatorPermission.base(
                    guild: guild, memberUserID: member.userID, roleIDs: member.roleIDs))
                resolved["members", default: [:]][key] = memberObject
            }
            return true
        }
        if kind == .role || kind == .mentionable, let role = guild?.role(snowflake) {
            resolved["roles", default: [:]][key] = world.renderer.role(role)
            return true
        }
        if kind == .channel, let located = worldState.channel(snowflake) {
            var channel: [String: Any] = [
                "id": key, "type": located.channel.kind.rawValue, "name": located.channel.name,
                "parent_id": located.channel.parentID.map { String($0) } ?? NSNull(),
            ]
            if let guild { channel["permissions"] = String(botPermissions(guild: guild, channel: located.channel)) }
            resolved["channels", default: [:]][key] = channel
            return true
        }
        return false
    }
}
