import ApusCore

/// Channel and message routes.
extension SimulatorREST {
    /// The most characters a message's content may have.
    static let maxContentLength = 2000
    /// How long a nonce sent with `enforce_nonce: true` deduplicates creates by the same author. Discord documents
    /// "the past few minutes" without a number; the simulator uses 3 minutes.
    static let enforcedNonceWindowMilliseconds: UInt64 = 180_000
    /// The longest string nonce Discord accepts.
    static let maxNonceLength = 25

    func messageRoute(_ match: RESTRouteMatch, call: RESTCall, body: RESTBody) -> RESTOutcome {
        world.withState { state in
            let located: (guild: WorldGuild?, channel: WorldChannel)
            switch visibleChannel(state, match.id("channel_id")) {
            case .failure(let rejection): return RESTOutcome(rejection.response)
            case .success(let found): located = found
            }
            let (guild, channel) = located
            switch match.key {
            case "GET /channels/{channel_id}":
                return RESTOutcome(RESTResponses.json(200, world.renderer.channel(channel, users: state.users)))
            case "POST /channels/{channel_id}/messages":
                var needed = SimulatorPermission.sendMessages
                if !body.files.isEmpty { needed |= SimulatorPermission.attachFiles }
                guard botHas(needed, guild: guild, channel: channel) else { return RESTOutcome(RESTResponses.missingPermissions()) }
                switch createMessage(&state, guild: guild, channel: channel, body: body, now: call.now) {
                case .failure(let rejection): return RESTOutcome(rejection.response)
                case .success(let outcome): return outcome
                }
            case "GET /channels/{channel_id}/messages":
                guard botHas(SimulatorPermission.readMessageHistory, guild: guild, channel: channel) else {
                    return RESTOutcome(RESTResponses.json(200, [Any]()))
                }
                return RESTOutcome(RESTResponses.json(200, listMessages(state, channelID: channel.id, query: call.query)))
            case "POST /channels/{channel_id}/typing":
                guard botHas(SimulatorPermission.sendMessages, guild: guild, channel: channel) else {
                    return RESTOutcome(RESTResponses.missingPermissions())
                }
                var typing: [String: Any] = [
                    "channel_id": String(channel.id), "user_id": String(configuration.botUserID),
                    "timestamp": Int(world.nowUnixMilliseconds() / 1000),
                ]
                if let guild { typing["guild_id"] = String(guild.id) }
                return RESTOutcome(
                    RESTResponses.noContent(),
                    dispatches: [RESTDispatch(event: "TYPING_START", guildID: guild?.id, json: JSONText.string(typing))])
            case "POST /channels/{channel_id}/messages/bulk-delete":
                return bulkDelete(&state, guild: guild, channel: channel, body: body)
            default:
                return singleMessageRoute(&state, match: match, guild: guild, channel: channel, body: body)
            }
        }
    }

    private func singleMessageRoute(
        _ state: inout WorldState, match: RESTRouteMatch, guild: WorldGuild?, channel: WorldChannel, body: RESTBody
    ) -> RESTOutcome {
        guard let messageID = match.id("message_id"), let message = state.message(channelID: channel.id, id: messageID) else {
            return RESTOutcome(RESTResponses.unknown(.message))
        }
        switch match.method {
        case "GET":
            guard botHas(SimulatorPermission.readMessageHistory, guild: guild, channel: channel) else {
                return RESTOutcome(RESTResponses.missingPermissions())
            }
            return RESTOutcome(RESTResponses.json(200, render(state, message, forGateway: false)))
        case "PATCH":
            guard message.authorID == configuration.botUserID || message.applicationID == configuration.applicationID else {
                return RESTOutcome(RESTResponses.error(403, code: 50005, message: "Cannot edit a message authored by another user"))
            }
            return editMessage(&state, message, body: body)
        default:
            let own = message.authorID == configuration.botUserID
            guard own || botHas(SimulatorPermission.manageMessages, guild: guild, channel: channel) else {
                return RESTOutcome(RESTResponses.missingPermissions())
            }
            state.removeMessage(channelID: channel.id, id: message.id)
            var deleted: [String: Any] = ["id": String(message.id), "channel_id": String(channel.id)]
            if let guild { deleted["guild_id"] = String(guild.id) }
            return RESTOutcome(
                RESTResponses.noContent(),
                dispatches: [RESTDispatch(event: "MESSAGE_DELETE", guildID: guild?.id, json: JSONText.string(deleted))])
        }
    }

    /// Stores a message from the bot (or, with `webhookID`, from the application's webhook) and dispatches it.
    func createMessage(
        _ state: inout WorldState, guild: WorldGuild?, channel: WorldChannel, body: RESTBody, now: MonotonicTime,
        webhookID: UInt64? = nil
    ) -> Result<RESTOutcome, RESTRejection> {
        if let problem = Self.contentProblem(body) { return .failure(problem) }
        let content = body["content"]?.stringValue ?? ""
        let hasOther = !(body["embeds"]?.arrayValue ?? []).isEmpty || !(body["components"]?.arrayValue ?? []).isEmpty
            || !(body["sticker_ids"]?.arrayValue ?? []).isEmpty || !body.files.isEmpty
            || (body["poll"].map { !$0.isNull } ?? false)
        guard !content.isEmpty || hasOther else {
            return .failure(RESTRejection(response: RESTResponses.error(400, code: 50006, message: "Cannot send an empty message")))
        }
        let wallNow = world.nowUnixMilliseconds()
        let nonce = body["nonce"].flatMap { $0.stringValue ?? $0.integerValue.map { String($0) } }
        if let nonce, nonce.count > Self.maxNonceLength {
            return .failure(RESTRejection(response: RESTResponses.invalidFormBody([
                ValidationIssue(path: ["nonce"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length.")
            ])))
        }
        let enforced = nonce.flatMap { body["enforce_nonce"]?.boolValue == true ? WorldNonceKey(authorID: webhookID ?? configuration.botUserID, nonce: $0) : nil }
        if let enforced {
            // Discord: a create with the same nonce by the same author within the past few minutes returns that
            // message and creates nothing.
            state.enforcedNonces = state.enforcedNonces.filter {
                wallNow < $0.value.createdMilliseconds &+ Self.enforcedNonceWindowMilliseconds
            }
            if let earlier = state.enforcedNonces[enforced],
                let existing = state.message(channelID: earlier.channelID, id: earlier.messageID)
            {
                return .success(RESTOutcome(RESTResponses.json(200, render(state, existing, forGateway: false))))
            }
        }
        var message = WorldMessage(
            id: state.nextID(unixMilliseconds: wallNow), channelID: channel.id, guildID: guild?.id,
            authorID: configuration.botUserID, content: content, timestampMilliseconds: wallNow)
        message.tts = body["tts"]?.boolValue ?? false
        message.flags = Int(body["flags"]?.integerValue ?? 0) & (1 << 2 | 1 << 6 | 1 << 12 | 1 << 15)
        message.embedsJSON = body["embeds"]?.text ?? "[]"
        message.componentsJSON = body["components"]?.text ?? "[]"
        message.nonce = nonce
        if let webhookID {
            message.webhookID = webhookID
            message.applicationID = configuration.applicationID
        }
        for file in body.files.sorted(by: { $0.index < $1.index }) {
            message.attachments.append(WorldAttachment(
                id: state.nextID(unixMilliseconds: wallNow), filename: file.filename, size: file.size,
                contentType: file.contentType))
        }
        state.store(message)
        if let enforced {
            state.enforcedNonces[enforced] = (channel.id, message.id, wallNow)
        }
        let response = RESTResponses.json(200, render(state, message, forGateway: false))
        let event = JSONText.string(render(state, message, forGateway: true))
        return .success(RESTOutcome(response, dispatches: [RESTDispatch(event: "MESSAGE_CREATE", guildID: guild?.id, json: event)]))
    }

    /// Applies an edit (content, embeds, components, flags) and dispatches MESSAGE_UPDATE.
    func editMessage(_ state: inout WorldState, _ original: WorldMessage, body: RESTBody) -> RESTOutcome {
        if let problem = Self.contentProblem(body) { return RESTOutcome(problem.response) }
        var message = original
        if let content = body["content"] { message.content = content.stringValue ?? "" }
        if let embeds = body["embeds"] { message.embedsJSON = embeds.isNull ? "[]" : embeds.text }
        if let components = body["components"] { message.componentsJSON = components.isNull ? "[]" : components.text }
        if let flags = body["flags"]?.integerValue { message.flags = Int(flags) & (1 << 2) | (message.flags & ~(1 << 2)) }
        message.editedMilliseconds = world.nowUnixMilliseconds()
        state.removeMessage(channelID: message.channelID, id: message.id)
        state.store(message)
        let event = JSONText.string(render(state, message, forGateway: true))
        return RESTOutcome(
            RESTResponses.json(200, render(state, message, forGateway: false)),
            dispatches: [RESTDispatch(event: "MESSAGE_UPDATE", guildID: message.guildID, json: event)])
    }

    /// The 2,000-character content rule (the OpenAPI document allows more than Discord accepts).
    static func contentProblem(_ body: RESTBody) -> RESTRejection? {
        if let content = body["content"]?.stringValue, content.count > maxContentLength {
            return RESTRejection(response: RESTResponses.invalidFormBody([
                ValidationIssue(path: ["content"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length.")
            ]))
        }
        if let content = body["content"], !content.isNull, content.stringValue == nil {
            return RESTRejection(response: RESTResponses.invalidFormBody([
                ValidationIssue(path: ["content"], code: "BASE_TYPE_STRING", message: "Could not interpret \"\(content.text)\" as string.")
            ]))
        }
        return nil
    }

    /// A stored message as JSON (with `guild_id`/`member` for the gateway).
    func render(_ state: WorldState, _ message: WorldMessage, forGateway: Bool) -> [String: Any] {
        let member = message.guildID.flatMap { state.guild($0)?.member(message.authorID) }
        return world.renderer.message(message, author: state.users[message.authorID], member: member, forGateway: forGateway)
    }

    private func listMessages(_ state: WorldState, channelID: UInt64, query: [String: String]) -> [[String: Any]] {
        let limit = min(100, max(1, Int(query["limit"] ?? "") ?? 50))
        guard let stored = state.messages[channelID] else { return [] }
        var ids = stored.order
        if let before = query["before"].flatMap({ UInt64($0) }) {
            ids = ids.filter { $0 < before }
            ids = Array(ids.suffix(limit))
        } else if let after = query["after"].flatMap({ UInt64($0) }) {
            ids = Array(ids.filter { $0 > after }.prefix(limit))
        } else if let around = query["around"].flatMap({ UInt64($0) }) {
            let older = ids.filter { $0 < around }.suffix(limit / 2)
            let newer = ids.filter { $0 >= around }.prefix(limit - older.count)
            ids = Array(older) + Array(newer)
        } else {
            ids = Array(ids.suffix(limit))
        }
        return ids.reversed().compactMap { stored.byID[$0] }.map { render(state, $0, forGateway: false) }
    }

    private func bulkDelete(_ state: inout WorldState, guild: WorldGuild?, channel: WorldChannel, body: RESTBody) -> RESTOutcome {
        guard let guild else { return RESTOutcome(RESTResponses.error(403, code: 50003, message: "Cannot execute action on a DM channel")) }
        guard botHas(SimulatorPermission.manageMessages, guild: guild, channel: channel) else {
            return RESTOutcome(RESTResponses.missingPermissions())
        }
        let ids = (body["messages"]?.arrayValue ?? []).compactMap(\.snowflake)
        guard (2...100).contains(ids.count) else {
            return RESTOutcome(RESTResponses.invalidFormBody([
                ValidationIssue(path: ["messages"], code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 2 and 100 in length.")
            ]))
        }
        let deleted = ids.filter { state.removeMessage(channelID: channel.id, id: $0) != nil }
        let event: [String: Any] = ["ids": deleted.map(String.init), "channel_id": String(channel.id), "guild_id": String(guild.id)]
        return RESTOutcome(
            RESTResponses.noContent(),
            dispatches: deleted.isEmpty ? [] : [RESTDispatch(event: "MESSAGE_DELETE_BULK", guildID: guild.id, json: JSONText.string(event))])
    }
}
