/// Usage lines following the original bot's `generate_usage` (§4.1): `<required>`, `[optional]`, the positional
/// flag as `[reason]`, required flags as `-name`, optional flags as `[-a | -b]`, and the parameter-name substitutions
/// (user, target, member, username → `@member`; search_term → `CIA`; channel → `#general`; comic_id → `1337`).
public enum UsageFormatter {
    /// The usage of `command` under its qualified name (e.g. "levels set"), without a prefix.
    public static func usage(of command: Command, qualifiedName: String) -> String {
        var usage = qualifiedName
        if command.isGroup && command.handler == nil {
            return usage + " <" + command.subcommands.map(\.name).joined(separator: "|") + ">"
        }
        var flagSet: FlagSet?
        for parameter in command.parameters {
            if case .flags(let set) = parameter.kind {
                flagSet = set
                continue
            }
            let shown = substitution(for: parameter.name)
            if parameter.isRequired {
                usage += " " + (shown == parameter.name ? "<\(parameter.name)>" : shown)
            } else {
                usage += " [\(shown)]"
            }
        }
        if let flagSet {
            if let positional = flagSet.positional { usage += " [\(positional.name)]" }
            for flag in flagSet.flags where flag.isRequired { usage += " \(flagSet.prefix)\(flag.name)" }
            let optional = flagSet.flags.filter { !$0.isRequired }.map { flagSet.prefix + $0.name }
            if !optional.isEmpty { usage += " [" + optional.joined(separator: " | ") + "]" }
        }
        return usage
    }

    /// The placeholder shown for a parameter name.
    public static func substitution(for name: String) -> String {
        switch name {
        case "user", "target", "member", "username": "@member"
        case "search_term": "CIA"
        case "channel": "#general"
        case "comic_id": "1337"
        default: name
        }
    }
}
