import Foundation

/// Slash commands and autocomplete requests started by scripted members. Only registered commands (bulk
/// overwrite or create) can be run; options are checked against the registered definition and converted to its
/// types, with `resolved` data for user, role, channel and mentionable options.
extension SimulatorREST {
    /// A member runs `/name [subcommandPath…] options…` in `channelID` (default: the first text channel), or in
    /// their DM with the bot when `inDirectMessage` is true (global commands only). Dispatches INTERACTION_CREATE.
    public func runCommand(
        _ name: String, subcommandPath: [String] = [], options: [ScriptedOption] = [], channelID: UInt64? = nil,
        userID: UInt64? = nil, inDirectMessage: Bool = false, timing: SimulatedInteractionTiming = .init()
    ) throws(ScriptedInteractionError) -> ScriptedInteraction {
        try startCommand(
            name, subcommandPath: subcommandPath, options: options, focused: nil, channelID: channelID, userID: userID,
            inDirectMessage: inDirectMessage, timing: timing)
    }

    /// A member types `partialText` into option `focusedOption` of `/name [subcommandPath…]` (other options as
    /// already filled in); the option must have `autocomplete: true`. Dispatches an autocomplete INTERACTION_CREATE.
    public func requestAutocomplete(
        _ name: String, subcommandPath: [String] = [], focusedOption: String, partialText: String,
        options: [ScriptedOption] = [], channelID: UInt64? = nil, userID: UInt64? = nil, inDirectMessage: Bool = false,
        timing: SimulatedInteractionTiming = .init()
    ) throws(ScriptedInteractionError) -> ScriptedInteraction {
        try startCommand(
            name, subcommandPath: subcommandPath, options: options + [ScriptedOption(focusedOption, partialText)],
            focused: focusedOption, channelID: channelID, userID: userID, inDirectMessage: inDirectMessage, timing: timing)
    }

    private func startCommand(
        _ name: String, subcommandPath: [String], options: [ScriptedOption], focused: String?, channelID: UInt64?,
        userID: UInt64?, inDirectMessage: Bool, timing: SimulatedInteractionTiming
    ) throws(ScriptedInteractionError) -> ScriptedInteraction {
        let built = world.withState { worldState -> Result<(record: InteractionRecord, object: [String: Any]), ScriptedInteractionError> in
            let place: ScriptedPlace
            switch scriptedPlace(&worldState, channelID: channelID, userID: userID, inDirectMessage: inDirectMessage) {
            case .failure(let error): return .failure(error)
            case .success(let found): place = found
            }
            let guildID = place.guild?.id
            let candidates = worldState.commands.filter { $0.name == name && ($0.guildID == nil || $0.guildID == guildID) }
            // A guild command shadows a global one of the same name.
            guard let command = candidates.first(where: { $0.guildID != nil }) ?? candidates.first,
                let definition = JSONValue.parse(Array(command.json.utf8)), (definition["type"]?.integerValue ?? 1) == 1
            else { return .failure(.unknownCommand(name)) }
            var resolved: [String: [String: Any]] = [:]
            let leaf: [Any]
            switch commandOptions(
                worldState, definition: definition, path: subcommandPath, given: options, focused: focused,
                guild: place.guild, resolved: &resolved)
            {
            case .failure(let error): return .failure(error)
            case .success(let values): leaf = values
            }
            var data: [String: Any] = [
                "id": String(command.id), "name": name, "type": 1, "options": leaf,
            ]
            if let commandGuild = command.guildID { data["guild_id"] = String(commandGuild) }
            if !resolved.isEmpty { data["resolved"] = resolved }
            return .success(scriptedEnvelope(
                &worldState, place: place, type: focused == nil ? 2 : 4, data: data, message: nil, timing: timing))
        }
        switch built {
        case .failure(let error): throw error
        case .success(let value): return dispatchScripted(value)
        }
    }

    /// Walks the sub-command path and converts the given options by the definition; returns the `options` array.
    private func commandOptions(
        _ worldState: WorldState, definition: JSONValue, path: [String], given: [ScriptedOption], focused: String?,
        guild: WorldGuild?, resolved: inout [String: [String: Any]]
    ) -> Result<[Any], ScriptedInteractionError> {
        var definitions = definition["options"]?.arrayValue ?? []
        var chain: [(name: String, type: Int)] = []
        for step in path {
            guard let next = definitions.first(where: {
                $0["name"]?.stringValue == step && [1, 2].contains($0["type"]?.integerValue ?? 0)
            }) else { return .failure(.unknownSubcommand(path)) }
            chain.append((step, Int(next["type"]?.integerValue ?? 1)))
            definitions = next["options"]?.arrayValue ?? []
        }
        if definitions.contains(where: { [1, 2].contains($0["type"]?.integerValue ?? 0) }) {
            return .failure(.unknownSubcommand(path))
        }
        var values: [Any] = []
        for option in given {
            guard let spec = definitions.first(where: { $0["name"]?.stringValue == option.name }) else {
                return .failure(.unknownOption(option.name))
            }
            let type = Int(spec["type"]?.integerValue ?? 3)
            var item: [String: Any] = ["name": option.name, "type": type]
            if option.name == focused {
                guard spec["autocomplete"]?.boolValue == true else { return .failure(.notAutocomplete(option.name)) }
                item["value"] = option.value
                item["focused"] = true
            } else {
                switch convert(worldState, option, type: type, guild: guild, resolved: &resolved) {
                case .failure(let error): return .failure(error)
                case .success(let value): item["value"] = value
                }
            }
            values.append(item)
        }
        if focused == nil {
            for spec in definitions where spec["required"]?.boolValue == true {
                let specName = spec["name"]?.stringValue ?? ""
                if !given.contains(where: { $0.name == specName }) { return .failure(.missingOption(specName)) }
            }
        }
        for step in chain.reversed() {
            values = [["name": step.name, "type": step.type, "options": values] as [String: Any]]
        }
        return .success(values)
    }

    private func convert(
        _ worldState: WorldState, _ option: ScriptedOption, type: Int, guild: WorldGuild?,
        resolved: inout [String: [String: Any]]
    ) -> Result<Any, ScriptedInteractionError> {
        let invalid = { (reason: String) in ScriptedInteractionError.invalidValue(option: option.name, value: option.value, reason: reason) }
        switch type {
        case 3: return .success(option.value)
        case 4:
            guard let number = Int64(option.value) else { return .failure(invalid("not an integer")) }
            return .success(number)
        case 10:
            guard let number = Double(option.value), number.isFinite else { return .failure(invalid("not a number")) }
            return .success(number)
        case 5:
            guard let flag = Bool(option.value) else { return .failure(invalid("not true or false")) }
            return .success(flag)
        case 6, 7, 8, 9:
            guard let snowflake = UInt64(option.value), let kind = ResolvableKind(optionType: type),
                resolve(worldState, snowflake: snowflake, kind: kind, guild: guild, into: &resolved)
            else { return .failure(invalid("names no such user, role or channel")) }
            return .success(option.value)
        default:
            return .failure(invalid("option type \(type) cannot be scripted"))
        }
    }

    /// Builds a slash-command INTERACTION_CREATE `d` for `/commandName` used by `userID` (a non-bot member when nil)
    /// in `channelID` (the first text channel when nil), and registers it without a kind (no callback-type checks,
    /// no time limits) and without checking the command is registered. Nil when the channel or user is unknown.
    /// Prefer ``runCommand(_:subcommandPath:options:channelID:userID:inDirectMessage:timing:)``.
    public func makeCommandInteraction(
        commandName: String, channelID: UInt64? = nil, userID: UInt64? = nil
    ) -> (guildID: UInt64, json: String)? {
        let built = world.withState { worldState -> (InteractionRecord, [String: Any])? in
            guard case .success(let place) = scriptedPlace(&worldState, channelID: channelID, userID: userID, inDirectMessage: false),
                let guild = place.guild
            else { return nil }
            let commandID = worldState.commands.first { $0.name == commandName }?.id
                ?? worldState.nextID(unixMilliseconds: world.nowUnixMilliseconds())
            let data: [String: Any] = ["id": String(commandID), "name": commandName, "type": 1, "guild_id": String(guild.id)]
            var (record, object) = scriptedEnvelope(
                &worldState, place: place, type: 2, data: data, message: nil, timing: SimulatedInteractionTiming())
            record.type = nil
            record.createdAt = nil
            record.userID = nil
            object["guild"] = nil
            return (record, object)
        }
        guard let (record, object) = built, let guildID = record.guildID else { return nil }
        register(record)
        return (guildID, JSONText.string(object))
    }
}
