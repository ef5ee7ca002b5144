import Foundation

/// Button clicks, select choices and modal submits by scripted members. Only components present (and enabled) on
/// a message the bot sent can be used; a modal can be submitted only after the bot opened it for that user.
extension SimulatorREST {
    /// A member clicks the button `customID` on the bot's message `messageID` (in `channelID`, searched when nil).
    public func clickButton(
        messageID: UInt64, customID: String, channelID: UInt64? = nil, userID: UInt64? = nil,
        timing: SimulatedInteractionTiming = .init()
    ) throws(ScriptedInteractionError) -> ScriptedInteraction {
        try useComponent(messageID: messageID, customID: customID, values: nil, channelID: channelID, userID: userID, timing: timing)
    }

    /// A member chooses `values` in the select menu `customID` on the bot's message `messageID` (string options'
    /// values, or user/role/channel ids for those selects).
    public func chooseSelect(
        messageID: UInt64, customID: String, values: [String], channelID: UInt64? = nil, userID: UInt64? = nil,
        timing: SimulatedInteractionTiming = .init()
    ) throws(ScriptedInteractionError) -> ScriptedInteraction {
        try useComponent(messageID: messageID, customID: customID, values: values, channelID: channelID, userID: userID, timing: timing)
    }

    private func useComponent(
        messageID: UInt64, customID: String, values: [String]?, channelID: UInt64?, userID: UInt64?,
        timing: SimulatedInteractionTiming
    ) throws(ScriptedInteractionError) -> ScriptedInteraction {
        let built = world.withState { worldState -> Result<(record: InteractionRecord, object: [String: Any]), ScriptedInteractionError> in
            let channelIDs = channelID.map { [$0] } ?? Array(worldState.messages.keys)
            var found: WorldMessage?
            for candidate in channelIDs where found == nil { found = worldState.message(channelID: candidate, id: messageID) }
            guard let message = found else { return .failure(.unknownMessage(messageID)) }
            guard message.authorID == configuration.botUserID else { return .failure(.notBotMessage(messageID)) }
            let components = JSONValue.parse(Array(message.componentsJSON.utf8)) ?? .array([])
            guard let component = Self.findComponent(customID, in: components), component["disabled"]?.boolValue != true else {
                return .failure(.unknownCustomID(customID))
            }
            let place: ScriptedPlace
            switch scriptedPlace(&worldState, channelID: message.channelID, userID: userID, inDirectMessage: false) {
            case .failure(let error): return .failure(error)
            case .success(let found): place = found
            }
            let componentType = Int(component["type"]?.integerValue ?? 0)
            var data: [String: Any] = ["custom_id": customID, "component_type": componentType]
            switch (componentType, values) {
            case (2, nil): break
            case (2, _): return .failure(.invalidComponentUse("A button takes no values"))
            case (_, nil): return .failure(.invalidComponentUse("Select \(customID) needs values"))
            case (let type, let chosen?):
                let minimum = Int(component["min_values"]?.integerValue ?? 1)
                let maximum = Int(component["max_values"]?.integerValue ?? 1)
                guard (minimum...max(minimum, maximum)).contains(chosen.count), Set(chosen).count == chosen.count else {
                    return .failure(.invalidComponentUse("Select \(customID) takes \(minimum)-\(maximum) distinct values"))
                }
                if type == 3 {
                    let allowed = Set((component["options"]?.arrayValue ?? []).compactMap { $0["value"]?.stringValue })
                    if let bad = chosen.first(where: { !allowed.contains($0) }) {
                        return .failure(.invalidComponentUse("\(bad) is not an option of \(customID)"))
                    }
                } else {
                    guard let kind = ResolvableKind(componentType: type) else {
                        return .failure(.invalidComponentUse("Component \(customID) of type \(type) cannot be used"))
                    }
                    var resolved: [String: [String: Any]] = [:]
                    for value in chosen {
                        guard let snowflake = UInt64(value),
                            resolve(worldState, snowflake: snowflake, kind: kind, guild: place.guild, into: &resolved)
                        else { return .failure(.invalidComponentUse("\(value) names nothing \(customID) offers")) }
                    }
                    data["resolved"] = resolved
                }
                data["values"] = chosen
            }
            let rendered = render(worldState, message, forGateway: false)
            var built = scriptedEnvelope(&worldState, place: place, type: 3, data: data, message: rendered, timing: timing)
            built.record.componentMessageID = message.id
            return .success(built)
        }
        switch built {
        case .failure(let error): throw error
        case .success(let value): return dispatchScripted(value)
        }
    }

    /// A member submits the modal `customID` that the bot opened for them, with `fields` (field custom id → text;
    /// fields left out are submitted empty).
    public func submitModal(
        customID: String, fields: [ScriptedOption], userID: UInt64, timing: SimulatedInteractionTiming = .init()
    ) throws(ScriptedInteractionError) -> ScriptedInteraction {
        // The most recent interaction of this user whose answer opened that modal.
        let opener = state.withLock { state -> (InteractionRecord, [String])? in
            guard let record = state.interactions.values
                .filter({ $0.userID == userID && $0.openedModalCustomID == customID })
                .max(by: { $0.id < $1.id })
            else { return nil }
            let body = record.responses.last { $0.kind == .callback && $0.callbackType == 9 && $0.accepted }?.body ?? ""
            let rows = JSONValue.parse(Array(body.utf8))?["data"]?["components"]?.arrayValue ?? []
            let fieldIDs = rows.flatMap { row in
                (row["components"]?.arrayValue ?? [row["component"] ?? .null]).compactMap { $0["custom_id"]?.stringValue }
            }
            return (record, fieldIDs)
        }
        guard let (openerRecord, fieldIDs) = opener, let channelID = openerRecord.channelID else {
            throw .noOpenModal(customID: customID, userID: userID)
        }
        if let unknown = fields.first(where: { !fieldIDs.contains($0.name) }) { throw .unknownField(unknown.name) }
        let built = world.withState { worldState -> Result<(record: InteractionRecord, object: [String: Any]), ScriptedInteractionError> in
            let place: ScriptedPlace
            switch scriptedPlace(&worldState, channelID: channelID, userID: userID, inDirectMessage: false) {
            case .failure(let error): return .failure(error)
            case .success(let found): place = found
            }
            let rows: [Any] = fieldIDs.map { fieldID in
                let value = fields.last { $0.name == fieldID }?.value ?? ""
                return ["type": 1, "components": [["type": 4, "custom_id": fieldID, "value": value]]] as [String: Any]
            }
            let data: [String: Any] = ["custom_id": customID, "components": rows]
            let message = openerRecord.componentMessageID.flatMap { worldState.message(channelID: channelID, id: $0) }
            var built = scriptedEnvelope(
                &worldState, place: place, type: 5, data: data,
                message: message.map { render(worldState, $0, forGateway: false) }, timing: timing)
            built.record.componentMessageID = message?.id
            return .success(built)
        }
        switch built {
        case .failure(let error): throw error
        case .success(let value):
            state.withLock { $0.interactions[openerRecord.id]?.openedModalCustomID = nil }
            return dispatchScripted(value)
        }
    }

    /// The component with `customID` anywhere in a message's component tree.
    static func findComponent(_ customID: String, in value: JSONValue) -> JSONValue? {
        switch value {
        case .array(let items):
            for item in items { if let found = findComponent(customID, in: item) { return found } }
            return nil
        case .object(let object):
            if object["custom_id"]?.stringValue == customID { return value }
            for key in ["components", "component", "accessory"] {
                if let nested = object[key], let found = findComponent(customID, in: nested) { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
