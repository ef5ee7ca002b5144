import ApusCore
import Foundation

/// Interaction callbacks, follow-ups and the original response.
extension SimulatorREST {
    /// A known interaction: where it happened and how it was answered so far.
    struct InteractionRecord: Sendable {
        var id: UInt64
        var token: String
        var channelID: UInt64?
        var guildID: UInt64?
        var acknowledged = false
        var originalMessageID: UInt64?
    }

    func interactionRoute(_ match: RESTRouteMatch, call: RESTCall, body: RESTBody) -> RESTOutcome {
        let token = match.parameters["interaction_token"] ?? ""
        if match.template.hasPrefix("/interactions/") {
            return callback(interactionID: match.id("interaction_id"), token: token, body: body, now: call.now)
        }
        guard match.id("application_id") == configuration.applicationID,
            var record = state.withLock({ $0.interactions.values.first { $0.token == token } })
        else { return RESTOutcome(RESTResponses.unknown(.webhook)) }
        if match.key == "POST /webhooks/{application_id}/{interaction_token}" {
            return world.withState { worldState in
                guard let channelID = record.channelID, let located = worldState.channel(channelID) else {
                    return RESTOutcome(RESTResponses.unknown(.channel))
                }
                let guild = located.guildIndex.map { worldState.guilds[$0] }
                switch createMessage(
                    &worldState, guild: guild, channel: located.channel, body: body, now: call.now,
                    webhookID: configuration.applicationID)
                {
                case .failure(let rejection): return RESTOutcome(rejection.response)
                case .success(let outcome): return outcome
                }
            }
        }
        let messageParameter = match.parameters["message_id"] ?? ""
        let messageID = messageParameter == "@original" ? record.originalMessageID : UInt64(messageParameter)
        return world.withState { worldState in
            guard let messageID, let channelID = record.channelID,
                let message = worldState.message(channelID: channelID, id: messageID), message.webhookID != nil
            else { return RESTOutcome(RESTResponses.unknown(.message)) }
            switch match.method {
            case "GET": return RESTOutcome(RESTResponses.json(200, render(worldState, message, forGateway: false)))
            case "PATCH": return editMessage(&worldState, message, body: body)
            default:
                worldState.removeMessage(channelID: channelID, id: messageID)
                if messageID == record.originalMessageID {
                    record.originalMessageID = nil
                    let updated = record
                    state.withLock { $0.interactions[updated.id] = updated }
                }
                var deleted: [String: Any] = ["id": String(messageID), "channel_id": String(channelID)]
                if let guildID = message.guildID { deleted["guild_id"] = String(guildID) }
                return RESTOutcome(
                    RESTResponses.noContent(),
                    dispatches: [RESTDispatch(event: "MESSAGE_DELETE", guildID: message.guildID, json: JSONText.string(deleted))])
            }
        }
    }

    private func callback(interactionID: UInt64?, token: String, body: RESTBody, now: MonotonicTime) -> RESTOutcome {
        guard let interactionID, var record = state.withLock({ $0.interactions[interactionID] }), record.token == token else {
            return RESTOutcome(RESTResponses.unknown(.interaction))
        }
        guard !record.acknowledged else {
            return RESTOutcome(RESTResponses.error(400, code: 40060, message: "Interaction has already been acknowledged."))
        }
        guard let type = body["type"]?.integerValue else {
            return RESTOutcome(RESTResponses.invalidFormBody([
                ValidationIssue(path: ["type"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
            ]))
        }
        var outcome = RESTOutcome(RESTResponses.noContent())
        if type == 4 || type == 5, let channelID = record.channelID {
            let data = body["data"] ?? .object([:])
            let messageBody = RESTBody(json: type == 5 ? .object(["content": .string("")]) : data, files: body.files)
            let result = world.withState { worldState -> Result<RESTOutcome, RESTRejection> in
                guard let located = worldState.channel(channelID) else {
                    return .failure(RESTRejection(response: RESTResponses.unknown(.channel)))
                }
                let guild = located.guildIndex.map { worldState.guilds[$0] }
                if type == 5 {
                    // A deferred response shows a "thinking" placeholder (flag LOADING) until edited.
                    let wallNow = world.nowUnixMilliseconds()
                    var message = WorldMessage(
                        id: worldState.nextID(unixMilliseconds: wallNow), channelID: channelID, guildID: guild?.id,
                        authorID: configuration.botUserID, content: "", timestampMilliseconds: wallNow)
                    message.flags = 1 << 7 | Int(data["flags"]?.integerValue ?? 0) & (1 << 6)
                    message.webhookID = configuration.applicationID
                    message.applicationID = configuration.applicationID
                    worldState.store(message)
                    let event = JSONText.string(render(worldState, message, forGateway: true))
                    return .success(RESTOutcome(
                        RESTResponses.noContent(),
                        dispatches: [RESTDispatch(event: "MESSAGE_CREATE", guildID: guild?.id, json: event)]))
                }
                return createMessage(
                    &worldState, guild: guild, channel: located.channel, body: messageBody, now: now,
                    webhookID: configuration.applicationID)
            }
            switch result {
            case .failure(let rejection): return RESTOutcome(rejection.response)
            case .success(let created):
                outcome.dispatches = created.dispatches
                if let json = created.dispatches.first.flatMap({ JSONValue.parse(Array($0.json.utf8)) }) {
                    record.originalMessageID = json["id"]?.snowflake
                }
            }
        } else if ![1, 6, 7, 8, 9, 10, 12].contains(type) {
            return RESTOutcome(RESTResponses.invalidFormBody([
                ValidationIssue(path: ["type"], code: "BASE_TYPE_CHOICES", message: "Value must be one of (1, 4, 5, 6, 7, 8, 9, 10, 12).")
            ]))
        }
        record.acknowledged = true
        let updated = record
        state.withLock { $0.interactions[updated.id] = updated }
        return outcome
    }

    /// Registers an interaction so its callback and webhook routes work (e.g. one the gateway side dispatched).
    public func registerInteraction(id: UInt64, token: String, channelID: UInt64?, guildID: UInt64?) {
        state.withLock {
            $0.interactions[id] = InteractionRecord(id: id, token: token, channelID: channelID, guildID: guildID)
        }
    }

    /// Builds a slash-command INTERACTION_CREATE `d` for `/commandName` used by `userID` (a non-bot member when nil)
    /// in `channelID` (the first text channel when nil), and registers it. Nil when the channel or user is unknown.
    public func makeCommandInteraction(
        commandName: String, channelID: UInt64? = nil, userID: UInt64? = nil
    ) -> (guildID: UInt64, json: String)? {
        let now = world.nowUnixMilliseconds()
        let built = world.withState { worldState -> (UInt64, UInt64, String, [String: Any])? in
            guard let channelID = channelID ?? worldState.guilds.first?.channels.first(where: { $0.kind == .text })?.id,
                let located = worldState.channel(channelID), let guildIndex = located.guildIndex
            else { return nil }
            let guild = worldState.guilds[guildIndex]
            guard let member = userID.flatMap({ guild.member($0) })
                ?? guild.members.first(where: { $0.userID != configuration.botUserID })
            else { return nil }
            let id = worldState.nextID(unixMilliseconds: now)
            let token = "aW50ZXJhY3Rpb246\(id):" + String(id &* 0x9E37_79B9_7F4A_7C15, radix: 36)
            let commandID = worldState.commands.first { $0.name == commandName }?.id ?? worldState.nextID(unixMilliseconds: now)
            var memberObject = world.renderer.member(member, user: worldState.users[member.userID])
            memberObject["permissions"] = String(
                SimulatorPermission.inChannel(guild: guild, channel: located.channel, memberUserID: member.userID, roleIDs: member.roleIDs))
            let object: [String: Any] = [
                "id": String(id), "application_id": String(configuration.applicationID), "type": 2,
                "data": ["id": String(commandID), "name": commandName, "type": 1, "guild_id": String(guild.id)],
                "guild_id": String(guild.id), "channel_id": String(channelID),
                "channel": world.renderer.channel(located.channel, users: worldState.users), "member": memberObject,
                "token": token, "version": 1, "app_permissions": String(botPermissions(guild: guild, channel: located.channel)),
                "locale": "en-US", "guild_locale": "en-US", "entitlements": [Any](),
                "authorizing_integration_owners": ["0": String(guild.id)], "context": 0,
                "attachment_size_limit": 10_485_760,
            ]
            return (id, guild.id, token, object)
        }
        guard let (id, guildID, token, object) = built else { return nil }
        registerInteraction(id: id, token: token, channelID: UInt64(object["channel_id"] as? String ?? ""), guildID: guildID)
        return (guildID, JSONText.string(object))
    }
}
