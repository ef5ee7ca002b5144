import ApusHTTP
import ApusModel

/// Turns command definitions into the application-command payloads of a bulk overwrite.
public enum SlashPayloadBuilder {
    /// Discord's largest safe integer for integer options (2^53).
    static let integerLimit = 9_007_199_254_740_992

    /// The payload of one (validated) command.
    public static func payload(for command: Command) -> ApplicationCommandPayload {
        let options: [JSONValue] = command.isGroup
            ? command.subcommands.filter { $0.availability.allowsSlash }.map(subcommandOption)
            : SlashOptionFlattener.options(of: command).map(option)
        return ApplicationCommandPayload(
            name: command.name, description: command.description, type: 1, options: options.isEmpty ? nil : options,
            defaultMemberPermissions: command.defaultMemberPermissions.map { String($0.rawValue) },
            contexts: command.guildOnly || command.checks.contains(where: { if case .guildOnly = $0 { true } else { false } })
                ? [0] : nil
        )
    }

    private static func subcommandOption(_ command: Command) -> JSONValue {
        var object: [String: JSONValue] = [
            "type": .number(Double(command.isGroup ? ApplicationCommandOptionType.subCommandGroup.rawValue
                : ApplicationCommandOptionType.subCommand.rawValue)),
            "name": .string(command.name), "description": .string(command.description),
        ]
        let options: [JSONValue] = command.isGroup
            ? command.subcommands.filter { $0.availability.allowsSlash }.map(subcommandOption)
            : SlashOptionFlattener.options(of: command).map(option)
        if !options.isEmpty { object["options"] = .array(options) }
        return .object(object)
    }

    private static func option(_ spec: SlashOptionSpec) -> JSONValue {
        var object: [String: JSONValue] = [
            "type": .number(Double(optionType(spec.kind).rawValue)), "name": .string(spec.name),
            "description": .string(spec.description),
        ]
        if spec.isRequired { object["required"] = .bool(true) }
        if spec.autocompletes { object["autocomplete"] = .bool(true) }
        switch spec.kind {
        case .channel(let types) where !types.isEmpty:
            object["channel_types"] = .array(types.map { .number(Double($0.rawValue)) })
        case .integer(let range?):
            object["min_value"] = .number(Double(max(range.lowerBound, -integerLimit)))
            object["max_value"] = .number(Double(min(range.upperBound, integerLimit)))
        case .number(let range?):
            object["min_value"] = .number(range.lowerBound)
            object["max_value"] = .number(range.upperBound)
        case .string(let maxLength), .text(let maxLength):
            object["max_length"] = .number(Double(min(maxLength, 6000)))
        case .choice(let choices):
            object["choices"] = .array(choices.map { .object(["name": .string($0.name), "value": .string($0.value)]) })
        default:
            break
        }
        return .object(object)
    }

    /// The slash option type of a parameter kind.
    static func optionType(_ kind: ParameterKind) -> ApplicationCommandOptionType {
        switch kind {
        case .member, .user: .user
        case .channel: .channel
        case .role: .role
        case .integer: .integer
        case .number: .number
        case .boolean: .boolean
        case .string, .text, .choice, .duration, .flags: .string
        case .attachment: .attachment
        }
    }
}
