import ApusCore
import Foundation

/// Interaction callbacks, follow-ups and the original response, with Discord's rules: one initial response
/// (a second → 400 code 40060), the callback types each interaction type allows (→ 400 otherwise), the response
/// window (late → 404 code 10062) and the token lifetime (late → 401 code 50027), on the simulator's clock.
/// Every call is recorded per interaction (see ``interactionResponses(id:)``).
extension SimulatorREST {
    func interactionRoute(_ match: RESTRouteMatch, call: RESTCall, body: RESTBody) -> RESTOutcome {
        let token = match.parameters["interaction_token"] ?? ""
        if match.template.hasPrefix("/interactions/") {
            let type = body["type"]?.integerValue.map { Int($0) }
            let outcome = callback(interactionID: match.id("interaction_id"), token: token, body: body, now: call.now)
            if let id = match.id("interaction_id"), state.withLock({ $0.interactions[id]?.token == token }) {
                recordInteractionResponse(
                    id: id, kind: .callback, callbackType: type, response: outcome.response, body: body,
                    messageID: outcome.response.status < 300 ? state.withLock { $0.interactions[id]?.originalMessageID } : nil,
                    now: call.now)
            }
            return outcome
        }
        guard match.id("application_id") == configuration.applicationID,
            let record = state.withLock({ $0.interactions.values.first { $0.token == token } })
        else { return RESTOutcome(RESTResponses.unknown(.webhook)) }
        let messageParameter = match.parameters["message_id"] ?? ""
        let kind: SimulatedInteractionResponse.Kind
        switch (match.method, messageParameter) {
        case ("POST", _): kind = .followUp
        case ("GET", _): kind = .getMessage
        case ("PATCH", "@original"): kind = .editOriginal
        case ("DELETE", "@original"): kind = .deleteOriginal
        case ("PATCH", _): kind = .editMessage
        default: kind = .deleteMessage
        }
        let outcome = webhookCall(match, record: record, messageParameter: messageParameter, body: body, now: call.now)
        let messageID = kind == .followUp
            ? JSONValue.parse(outcome.response.body)?["id"]?.snowflake
            : (messageParameter == "@original" ? record.originalMessageID : UInt64(messageParameter))
        recordInteractionResponse(
            id: record.id, kind: kind, response: outcome.response, body: body, messageID: messageID, now: call.now)
        return outcome
    }

    private func webhookCall(
        _ match: RESTRouteMatch, record: InteractionRecord, messageParameter: String, body: RESTBody, now: MonotonicTime
    ) -> RESTOutcome {
        if let createdAt = record.createdAt, now - createdAt > record.timing.tokenLifetime {
            return RESTOutcome(RESTResponses.error(401, code: 50027, message: "Invalid Webhook Token"))
        }
        // A kind-aware interaction has no webhook until its initial response, nor after a modal or autocomplete
        // answer (those carry no message).
        if record.type != nil, !record.acknowledged || [8, 9].contains(record.initialCallbackType ?? 0) {
            return RESTOutcome(RESTResponses.unknown(.webhook))
        }
        if match.key == "POST /webhooks/{application_id}/{interaction_token}" {
            return world.withState { worldState in
                guard let channelID = record.channelID, let located = worldState.channel(channelID) else {
                    return RESTOutcome(RESTResponses.unknown(.channel))
                }
                let guild = located.guildIndex.map { worldState.guilds[$0] }
                switch createMessage(
                    &worldState, guild: guild, channel: located.channel, body: body, now: now,
                    webhookID: configuration.applicationID)
                {
                case .failure(let rejection): return RESTOutcome(rejection.response)
                case .success(let outcome): return outcome
                }
            }
        }
        let messageID = messageParameter == "@original" ? record.originalMessageID : UInt64(messageParameter)
        return world.withState { worldState in
            // The original of a deferred update / update is the component's own message, not a webhook message.
            guard let messageID, let channelID = record.channelID,
                let message = worldState.message(channelID: channelID, id: messageID),
                message.webhookID != nil || messageID == record.originalMessageID
            else { return RESTOutcome(RESTResponses.unknown(.message)) }
            switch match.method {
            case "GET": return RESTOutcome(RESTResponses.json(200, render(worldState, message, forGateway: false)))
            case "PATCH": return editMessage(&worldState, message, body: body)
            default:
                worldState.removeMessage(channelID: channelID, id: messageID)
                if messageID == record.originalMessageID {
                    state.withLock { $0.interactions[record.id]?.originalMessageID = nil }
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
        // Check and reserve the initial response under one lock, so two concurrent callbacks cannot both pass.
        let reserved = state.withLock { state -> Result<(record: InteractionRecord, type: Int), RESTRejection> in
            guard let interactionID, let record = state.interactions[interactionID], record.token == token else {
                return .failure(RESTRejection(response: RESTResponses.unknown(.interaction)))
            }
            guard !record.acknowledged else {
                return .failure(RESTRejection(
                    response: RESTResponses.error(400, code: 40060, message: "Interaction has already been acknowledged.")))
            }
            if let createdAt = record.createdAt, now - createdAt > record.timing.responseWindow {
                return .failure(RESTRejection(response: RESTResponses.unknown(.interaction)))
            }
            switch Self.callbackTypeProblem(body["type"], interactionType: record.type) {
            case .failure(let rejection): return .failure(rejection)
            case .success(let type):
                state.interactions[interactionID]?.acknowledged = true
                return .success((record, type))
            }
        }
        let record: InteractionRecord
        let type: Int
        switch reserved {
        case .failure(let rejection): return RESTOutcome(rejection.response)
        case .success(let value): (record, type) = (value.record, value.type)
        }
        switch performCallback(type: type, record: record, body: body, now: now) {
        case .failure(let rejection):
            state.withLock { $0.interactions[record.id]?.acknowledged = false }
            return RESTOutcome(rejection.response)
        case .success(let (outcome, originalMessageID, modalCustomID)):
            state.withLock { state in
                state.interactions[record.id]?.initialCallbackType = type
                state.interactions[record.id]?.originalMessageID = originalMessageID
                if let modalCustomID { state.interactions[record.id]?.openedModalCustomID = modalCustomID }
            }
            return outcome
        }
    }

    /// The callback type of `value`, or the 400 Discord answers when it is missing, unknown or not allowed for
    /// `interactionType`.
    private static func callbackTypeProblem(_ value: JSONValue?, interactionType: Int?) -> Result<Int, RESTRejection> {
        guard let type = value?.integerValue.map({ Int($0) }) else {
            return .failure(RESTRejection(response: RESTResponses.invalidFormBody([
                ValidationIssue(path: ["type"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
            ])))
        }
        guard [1, 4, 5, 6, 7, 8, 9, 10, 12].contains(type) else {
            return .failure(RESTRejection(response: RESTResponses.invalidFormBody([
                ValidationIssue(path: ["type"], code: "BASE_TYPE_CHOICES", message: "Value must be one of (1, 4, 5, 6, 7, 8, 9, 10, 12).")
            ])))
        }
        guard allowedCallbackTypes(forInteractionType: interactionType).contains(type) else {
            return .failure(RESTRejection(response: RESTResponses.invalidFormBody([
                ValidationIssue(
                    path: ["type"], code: "INTERACTION_RESPONSE_TYPE_INVALID",
                    message: "Interaction response type \(type) is not valid for interaction type \(interactionType ?? 0).")
            ])))
        }
        return .success(type)
    }

    /// Carries out an accepted callback: the reply or placeholder message, the component message update, the
    /// choices check or the modal. Returns the outcome, the original message id and the opened modal's custom id.
    private func performCallback(
        type: Int, record: InteractionRecord, body: RESTBody, now: MonotonicTime
    ) -> Result<(RESTOutcome, UInt64?, String?), RESTRejection> {
        let data = body["data"] ?? .object([:])
        var outcome = RESTOutcome(RESTResponses.noContent())
        switch type {
        case 4, 5:
            guard let channelID = record.channelID else { return .success((outcome, nil, nil)) }
            switch initialMessage(type: type, channelID: channelID, data: data, files: body.files, now: now) {
            case .failure(let rejection): return .failure(rejection)
            case .success(let created):
                outcome.dispatches = created.dispatches
                let json = created.dispatches.first.flatMap { JSONValue.parse(Array($0.json.utf8)) }
                return .success((outcome, json?["id"]?.snowflake, nil))
            }
        case 6, 7:
            guard record.type == nil || record.componentMessageID != nil else {
                return .failure(RESTRejection(response: RESTResponses.invalidFormBody([
                    ValidationIssue(path: ["type"], code: "INTERACTION_RESPONSE_TYPE_INVALID",
                                    message: "This interaction has no message to update.")
                ])))
            }
            if type == 7, let messageID = record.componentMessageID, let channelID = record.channelID {
                let edited = world.withState { worldState -> RESTOutcome? in
                    guard let message = worldState.message(channelID: channelID, id: messageID) else { return nil }
                    return editMessage(&worldState, message, body: RESTBody(json: data, files: body.files))
                }
                guard let edited else { return .failure(RESTRejection(response: RESTResponses.unknown(.message))) }
                guard edited.response.status == 200 else { return .failure(RESTRejection(response: edited.response)) }
                outcome.dispatches = edited.dispatches
            }
            return .success((outcome, record.componentMessageID, nil))
        case 8:
            guard (data["choices"]?.arrayValue ?? []).count <= 25 else {
                return .failure(RESTRejection(response: RESTResponses.invalidFormBody([
                    ValidationIssue(path: ["data", "choices"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length.")
                ])))
            }
            return .success((outcome, nil, nil))
        case 9:
            guard let customID = data["custom_id"]?.stringValue, !customID.isEmpty, customID.count <= 100,
                let title = data["title"]?.stringValue, !title.isEmpty, title.count <= 45,
                let rows = data["components"]?.arrayValue, (1...5).contains(rows.count)
            else {
                return .failure(RESTRejection(response: RESTResponses.invalidFormBody([
                    ValidationIssue(path: ["data"], code: "MODAL_INVALID",
                                    message: "A modal needs custom_id (1-100), title (1-45) and 1-5 components.")
                ])))
            }
            return .success((outcome, nil, customID))
        default:
            return .success((outcome, record.originalMessageID, nil))
        }
    }

    /// The message of a reply (type 4) or the "thinking…" placeholder of a deferral (type 5).
    private func initialMessage(
        type: Int, channelID: UInt64, data: JSONValue, files: [RESTUploadedFile], now: MonotonicTime
    ) -> Result<RESTOutcome, RESTRejection> {
        world.withState { worldState -> Result<RESTOutcome, RESTRejection> in
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
                &worldState, guild: guild, channel: located.channel, body: RESTBody(json: data, files: files), now: now,
                webhookID: configuration.applicationID)
        }
    }

    /// Registers an interaction so its callback and webhook routes work (e.g. one the gateway side dispatched).
    /// Such an interaction has no type: any known callback type is accepted and no time limit applies.
    public func registerInteraction(id: UInt64, token: String, channelID: UInt64?, guildID: UInt64?) {
        state.withLock {
            $0.interactions[id] = InteractionRecord(id: id, token: token, channelID: channelID, guildID: guildID)
        }
    }

    /// Stores a fully described interaction record (scripted interactions).
    func register(_ record: InteractionRecord) {
        state.withLock { $0.interactions[record.id] = record }
    }
}
