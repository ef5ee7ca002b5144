/// A command definition that Discord (or the prefix router) would reject, found when the ``CommandTree`` is built.
public enum CommandDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A command, option or choice name breaks Discord's rules (`^[-_\p{L}\p{N}]{1,32}$`, lower case).
    case invalidName(path: String, name: String)
    /// A description is empty or longer than 100 characters.
    case invalidDescription(path: String, length: Int)
    /// More than 25 options on one command.
    case tooManyOptions(path: String, count: Int)
    /// More than 25 choices, or a choice name or value of the wrong length.
    case invalidChoices(path: String, detail: String)
    /// Two commands, aliases, subcommands or options share a name.
    case duplicateName(path: String, name: String)
    /// Subcommands nested deeper than Discord allows (command → group → subcommand).
    case nestingTooDeep(path: String)
    /// A rest-of-line, flags parameter is not the last parameter.
    case restParameterNotLast(path: String, parameter: String)
    /// A group with parameters (parameters belong to subcommands).
    case groupWithParameters(path: String)
    /// More than 100 slash commands.
    case tooManyCommands(count: Int)
    /// A range or length limit that can never be satisfied.
    case invalidLimit(path: String, parameter: String)

    /// What is wrong, naming the command path.
    public var description: String {
        switch self {
        case .invalidName(let path, let name):
            "\(path): name '\(name)' must be 1-32 lower-case letters, digits, '-' or '_'"
        case .invalidDescription(let path, let length):
            "\(path): description must be 1-100 characters (has \(length))"
        case .tooManyOptions(let path, let count): "\(path): \(count) options (at most 25)"
        case .invalidChoices(let path, let detail): "\(path): \(detail)"
        case .duplicateName(let path, let name): "\(path): the name '\(name)' is used twice"
        case .nestingTooDeep(let path): "\(path): subcommands can only be nested two levels deep"
        case .restParameterNotLast(let path, let parameter): "\(path): '\(parameter)' takes the rest of the line and must be last"
        case .groupWithParameters(let path): "\(path): a group cannot have parameters; give them to its subcommands"
        case .tooManyCommands(let count): "\(count) slash commands (at most 100)"
        case .invalidLimit(let path, let parameter): "\(path): '\(parameter)' has an empty range or a length limit outside 1-6000"
        }
    }
}
