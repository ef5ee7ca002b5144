import ApusCore
import Foundation

/// The interaction side of the control API: scripted members start interactions, and tests read what the bot
/// answered.
///
/// - `POST /_sim/interactions/command` `{"name":"poll","subcommand_path":["create"],"options":[{"name":"q","value":"?"}],
///   "channel_id":"1","user_id":"2","dm":false,"response_window":3,"token_lifetime":900}`
/// - `POST /_sim/interactions/autocomplete` the same plus `"focused":"option","text":"par"`
/// - `POST /_sim/interactions/button` `{"message_id":"1","custom_id":"x","channel_id"?:"1","user_id"?:"2"}`
/// - `POST /_sim/interactions/select` the same plus `"values":["a"]`
/// - `POST /_sim/interactions/modal` `{"custom_id":"x","user_id":"2","fields":[{"name":"field","value":"text"}]}`
/// - `GET /_sim/interactions/responses?id=N`: `{"acknowledged":Bool,"responses":[…]}`
///
/// Starting answers `{"id","token","type","guild_id","channel_id","user_id","interaction":{…}}`, or 400
/// `{"message"}` naming why the member could not do it.
extension SimulatorControlAPI {
    /// Answers a `/_sim/interactions/…` route, or nil when `route` is not one.
    func handleInteractions(method: String, route: String, request: SimulatorHTTPRequest) -> SimulatorHTTPResponse? {
        guard route.hasPrefix("/interactions/") else { return nil }
        let rest = simulator.rest
        if method == "GET", route == "/interactions/responses" {
            guard let id = request.controlQueryItems["id"].flatMap(UInt64.init) else {
                return Self.jsonResponse(400, ["message": "expected ?id="])
            }
            return Self.jsonResponse(200, [
                "acknowledged": rest.isInteractionAcknowledged(id: id),
                "responses": rest.interactionResponses(id: id).map(Self.json(response:)),
            ])
        }
        guard method == "POST" else { return nil }
        let body = Self.jsonObject(request.body) ?? [:]
        let channelID = Self.snowflake(body["channel_id"])
        let userID = Self.snowflake(body["user_id"])
        var timing = SimulatedInteractionTiming()
        if let seconds = body["response_window"] as? Double { timing.responseWindow = .secondsDouble(max(0, seconds)) }
        if let seconds = body["token_lifetime"] as? Double { timing.tokenLifetime = .secondsDouble(max(0, seconds)) }
        let started: Result<ScriptedInteraction, ScriptedInteractionError>
        switch route {
        case "/interactions/command", "/interactions/autocomplete":
            guard let name = body["name"] as? String else { return Self.jsonResponse(400, ["message": "expected \"name\""]) }
            let path = body["subcommand_path"] as? [String] ?? []
            let options = Self.options(body["options"])
            if route == "/interactions/command" {
                started = Result { () throws(ScriptedInteractionError) in
                    try rest.runCommand(
                        name, subcommandPath: path, options: options, channelID: channelID, userID: userID,
                        inDirectMessage: body["dm"] as? Bool ?? false, timing: timing)
                }
            } else {
                guard let focused = body["focused"] as? String else {
                    return Self.jsonResponse(400, ["message": "expected \"focused\" and \"text\""])
                }
                started = Result { () throws(ScriptedInteractionError) in
                    try rest.requestAutocomplete(
                        name, subcommandPath: path, focusedOption: focused, partialText: body["text"] as? String ?? "",
                        options: options, channelID: channelID, userID: userID, inDirectMessage: body["dm"] as? Bool ?? false,
                        timing: timing)
                }
            }
        case "/interactions/button", "/interactions/select":
            guard let messageID = Self.snowflake(body["message_id"]), let customID = body["custom_id"] as? String else {
                return Self.jsonResponse(400, ["message": "expected \"message_id\" and \"custom_id\""])
            }
            if route == "/interactions/button" {
                started = Result { () throws(ScriptedInteractionError) in
                    try rest.clickButton(messageID: messageID, customID: customID, channelID: channelID, userID: userID, timing: timing)
                }
            } else {
                let values = body["values"] as? [String] ?? []
                started = Result { () throws(ScriptedInteractionError) in
                    try rest.chooseSelect(
                        messageID: messageID, customID: customID, values: values, channelID: channelID, userID: userID,
                        timing: timing)
                }
            }
        case "/interactions/modal":
            guard let customID = body["custom_id"] as? String, let userID else {
                return Self.jsonResponse(400, ["message": "expected \"custom_id\" and \"user_id\""])
            }
            let fields = Self.options(body["fields"])
            started = Result { () throws(ScriptedInteractionError) in
                try rest.submitModal(customID: customID, fields: fields, userID: userID, timing: timing)
            }
        default:
            return nil
        }
        switch started {
        case .failure(let error):
            return Self.jsonResponse(400, ["message": error.description])
        case .success(let interaction):
            var object: [String: Any] = [
                "id": String(interaction.id), "token": interaction.token, "type": interaction.type,
                "channel_id": String(interaction.channelID), "user_id": String(interaction.userID),
                "interaction": Self.jsonObject(Array(interaction.json.utf8)) ?? [:],
            ]
            object["guild_id"] = interaction.guildID.map { String($0) }
            return Self.jsonResponse(200, object)
        }
    }

    /// A snowflake given as a string or a number.
    private static func snowflake(_ value: Any?) -> UInt64? {
        if let text = value as? String { return UInt64(text) }
        if let number = value as? Int, number >= 0 { return UInt64(number) }
        return nil
    }

    /// Options given as `[{"name","value"}]` (order kept) or as an object (sorted by name).
    private static func options(_ value: Any?) -> [ScriptedOption] {
        if let list = value as? [[String: Any]] {
            return list.compactMap { item in
                guard let name = item["name"] as? String, let value = item["value"] else { return nil }
                return ScriptedOption(name, text(value))
            }
        }
        if let object = value as? [String: Any] {
            return object.keys.sorted().compactMap { key in object[key].map { ScriptedOption(key, text($0)) } }
        }
        return []
    }

    /// A JSON value as option text: strings as they are, booleans as `true`/`false`, numbers in decimal.
    private static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        if let number = value as? NSNumber {
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        }
        return "\(value)"
    }

    static func json(response: SimulatedInteractionResponse) -> [String: Any] {
        var object: [String: Any] = [
            "kind": response.kind.rawValue, "status": response.status, "ephemeral": response.ephemeral,
            "body": response.body, "time_ns": response.time.nanoseconds,
        ]
        object["callback_type"] = response.callbackType
        object["code"] = response.errorCode
        object["message_id"] = response.messageID.map { String($0) }
        return object
    }
}
