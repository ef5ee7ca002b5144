/// Application command routes (global and per guild).
extension SimulatorREST {
    func commandRoute(_ match: RESTRouteMatch, call: RESTCall, body: RESTBody) -> RESTOutcome {
        guard match.id("application_id") == configuration.applicationID else {
            return RESTOutcome(RESTResponses.error(403, code: 50001, message: "Missing Access"))
        }
        let guildID = match.id("guild_id")
        return world.withState { state in
            if let guildID, state.guild(guildID) == nil { return RESTOutcome(RESTResponses.unknown(.guild)) }
            switch match.method {
            case "GET":
                let commands = state.commands.filter { $0.guildID == guildID }
                return RESTOutcome(RESTResponses.json(200, commands.compactMap { JSONValue.parse(Array($0.json.utf8))?.foundation }))
            case "PUT":
                guard let list = body.json?.arrayValue else {
                    return RESTOutcome(RESTResponses.invalidFormBody([
                        ValidationIssue(path: [], code: "LIST_TYPE_CONVERT", message: "Only iterables may be used in a ListType")
                    ]))
                }
                let previous = state.commands.filter { $0.guildID == guildID }
                state.commands.removeAll { $0.guildID == guildID }
                var created: [Any] = []
                for item in list {
                    let name = item["name"]?.stringValue ?? ""
                    let kind = item["type"]?.integerValue ?? 1
                    let kept = previous.first { $0.name == name && (JSONValue.parse(Array($0.json.utf8))?["type"]?.integerValue ?? 1) == kind }
                    let command = store(&state, item, guildID: guildID, keepingID: kept?.id)
                    created.append(JSONValue.parse(Array(command.json.utf8))?.foundation ?? [:])
                }
                return RESTOutcome(RESTResponses.json(200, created))
            default:
                guard let item = body.json, item.objectValue != nil else {
                    return RESTOutcome(RESTResponses.invalidFormBody([
                        ValidationIssue(path: [], code: "MODEL_TYPE_CONVERT", message: "Only dictionaries may be used in a ModelType")
                    ]))
                }
                let name = item["name"]?.stringValue ?? ""
                let existing = state.commands.first { $0.guildID == guildID && $0.name == name }
                state.commands.removeAll { $0.guildID == guildID && $0.name == name }
                let command = store(&state, item, guildID: guildID, keepingID: existing?.id)
                let status = existing == nil ? 201 : 200
                return RESTOutcome(RESTResponses.json(status, JSONValue.parse(Array(command.json.utf8))?.foundation ?? [:]))
            }
        }
    }

    /// Stores a command as sent, with the server-owned fields (id, application_id, version, guild_id) filled in from
    /// the template's defaults.
    private func store(_ state: inout WorldState, _ item: JSONValue, guildID: UInt64?, keepingID: UInt64?) -> WorldCommand {
        let now = world.nowUnixMilliseconds()
        let id = keepingID ?? state.nextID(unixMilliseconds: now)
        var object = world.renderer.templates.object("application_command")
        for (key, value) in item.objectValue ?? [:] { object[key] = value.foundation }
        object["id"] = String(id)
        object["application_id"] = String(configuration.applicationID)
        object["version"] = String(state.nextID(unixMilliseconds: now))
        if let guildID { object["guild_id"] = String(guildID) } else { object.removeValue(forKey: "guild_id") }
        let command = WorldCommand(id: id, guildID: guildID, name: item["name"]?.stringValue ?? "", json: JSONText.string(object))
        state.commands.append(command)
        return command
    }
}
