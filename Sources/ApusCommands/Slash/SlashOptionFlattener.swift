/// One slash option derived from a parameter or a flag.
struct SlashOptionSpec: Sendable {
    var name: String
    var description: String
    var kind: ParameterKind
    var isRequired: Bool
    var autocompletes = false
}

/// Turns a command's parameters into slash options: a flags parameter becomes its positional flag plus one option per
/// flag (like discord.py hybrid commands); required options come first, otherwise in definition order.
enum SlashOptionFlattener {
    /// The options of a leaf command.
    static func options(of command: Command) -> [SlashOptionSpec] {
        var options: [SlashOptionSpec] = []
        for parameter in command.parameters {
            if case .flags(let set) = parameter.kind {
                for flag in [set.positional].compactMap({ $0 }) + set.flags {
                    options.append(SlashOptionSpec(name: flag.name, description: flag.description, kind: flag.kind, isRequired: flag.isRequired))
                }
            } else {
                options.append(SlashOptionSpec(
                    name: parameter.name, description: parameter.description, kind: parameter.kind,
                    isRequired: parameter.isRequired, autocompletes: parameter.autocompletes
                ))
            }
        }
        return options.filter(\.isRequired) + options.filter { !$0.isRequired }
    }
}
