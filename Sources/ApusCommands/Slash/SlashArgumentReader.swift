import ApusModel

/// Reads slash-command options (with the interaction's resolved data) into the same ``ParsedArguments`` a prefix
/// invocation produces; string options still go through the converters (choices, durations, length limits).
enum SlashArgumentReader {
    /// The largest option value read as text (Discord caps strings at 6000 characters).
    static let maximumOptionBytes = 24_000

    /// Reads `options` for `command` into `arguments`.
    static func read(
        options: [ApplicationCommandInteractionOption], resolved: ResolvedData?, command: Command, usage: String,
        scope: ConversionScope, nowMicroseconds: Int64, into arguments: inout ParsedArguments
    ) async throws(CommandError) {
        var byName: [String: ApplicationCommandInteractionOption] = [:]
        for option in options { byName[option.name] = option }
        let context = Context(resolved: resolved, scope: scope, nowMicroseconds: nowMicroseconds)

        for parameter in command.parameters {
            if case .flags(let set) = parameter.kind {
                var positional: FlagConverter.RawValue?
                if let definition = set.positional, let option = byName[definition.name] {
                    positional = .converted(try await value(option, kind: definition.kind, name: definition.name, context: context))
                }
                var occurrences: [(flag: String, value: FlagConverter.RawValue)] = []
                for flag in set.flags {
                    guard let option = byName[flag.name] else { continue }
                    occurrences.append((flag.name, .converted(try await value(option, kind: flag.kind, name: flag.name, context: context))))
                }
                let flags = try await FlagConverter.convert(positional: positional, occurrences: occurrences, set: set, scope: scope)
                arguments.set(parameter.name, .flags(flags))
                continue
            }
            guard let option = byName[parameter.name] else {
                if parameter.isRequired { throw .missingArgument(parameter: parameter.name, usage: usage) }
                if let value = parameter.defaultValue { arguments.set(parameter.name, value) }
                continue
            }
            arguments.set(parameter.name, try await value(option, kind: parameter.kind, name: parameter.name, context: context))
        }
    }

    private struct Context {
        var resolved: ResolvedData?
        var scope: ConversionScope
        var nowMicroseconds: Int64
    }

    private static func value(
        _ option: ApplicationCommandInteractionOption, kind: ParameterKind, name: String, context: Context
    ) async throws(CommandError) -> ArgumentValue {
        guard let raw = option.value else { throw .missingArgument(parameter: name, usage: name) }
        guard raw.bytes.count <= maximumOptionBytes else { throw .inputTooLong(what: "value of `\(name)`", limit: 6000) }
        let bad = CommandError.badArgument(parameter: name, expected: kind.expectation, given: raw.string)
        switch kind {
        case .member:
            guard let id = try? Snowflake(jsonBytes: raw.bytes) else { throw bad }
            if let member = context.resolved?.members?[id],
               let converted = CommandMember(member, user: context.resolved?.users?[id], nowMicroseconds: context.nowMicroseconds) {
                return .member(converted)
            }
            if let guildID = context.scope.guildID, let member = await context.scope.lookup.member(id, in: guildID) {
                return .member(member)
            }
            throw .badArgument(parameter: name, expected: "a member of this server", given: context.resolved?.users?[id]?.username ?? raw.string)
        case .user:
            guard let id = try? Snowflake(jsonBytes: raw.bytes) else { throw bad }
            if let user = context.resolved?.users?[id] { return .user(CommandUser(user)) }
            if let user = await context.scope.lookup.user(id) { return .user(user) }
            throw bad
        case .channel(let types):
            guard let id = try? Snowflake(jsonBytes: raw.bytes) else { throw bad }
            var channel = await context.scope.lookup.channel(id)
            if channel == nil, let resolved = context.resolved?.channels?[id] { channel = CommandChannel(resolved) }
            guard let channel else { throw bad }
            if !types.isEmpty && !types.contains(channel.type) {
                throw .badArgument(parameter: name, expected: "a channel of another type", given: channel.name ?? raw.string)
            }
            return .channel(channel)
        case .role:
            guard let id = try? Snowflake(jsonBytes: raw.bytes) else { throw bad }
            if let role = context.resolved?.roles?[id] { return .role(CommandRole(role)) }
            if let guildID = context.scope.guildID, let role = await context.scope.lookup.guild(guildID)?.role(id) {
                return .role(role)
            }
            throw bad
        case .attachment:
            guard let id = try? Snowflake(jsonBytes: raw.bytes), let attachment = context.resolved?.attachments?[id] else { throw bad }
            return .attachment(CommandAttachment(attachment))
        case .integer(let range):
            guard let number = try? Int(jsonBytes: raw.bytes), range?.contains(number) ?? true else { throw bad }
            return .integer(number)
        case .number(let range):
            guard let number = try? Double(jsonBytes: raw.bytes), number.isFinite, range?.contains(number) ?? true else { throw bad }
            return .number(number)
        case .boolean:
            guard let flag = try? Bool(jsonBytes: raw.bytes) else { throw bad }
            return .boolean(flag)
        case .string, .text, .choice, .duration:
            guard let text = try? String(jsonBytes: raw.bytes) else { throw bad }
            return try await ArgumentConverter.convert(text, kind: kind, name: name, scope: context.scope)
        case .flags:
            throw bad
        }
    }
}
