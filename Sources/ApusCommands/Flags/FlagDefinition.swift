/// One flag of a ``FlagSet``: `-name value`, with aliases, a kind, a default, and what happens when it repeats.
public struct FlagDefinition: Sendable {
    /// What a flag given more than once does.
    public enum Repetition: Sendable, Hashable {
        /// A second occurrence is an error (discord.py's `TooManyFlags`).
        case single
        /// The last occurrence wins.
        case lastWins
        /// Every occurrence is kept, in order.
        case list
    }

    /// The canonical name (lower case).
    public var name: String
    /// Other names (lower case).
    public var aliases: [String]
    /// The description (slash option description and help).
    public var description: String
    /// How the value is converted (`.boolean` flags need no value).
    public var kind: ParameterKind
    /// Whether the flag must be given.
    public var isRequired: Bool
    /// The value when the flag is absent.
    public var defaultValue: ArgumentValue?
    /// Repetition rule.
    public var repetition: Repetition

    /// Creates a flag.
    public init(
        _ name: String, aliases: [String] = [], _ description: String, kind: ParameterKind, required: Bool = false,
        default defaultValue: ArgumentValue? = nil, repetition: Repetition = .single
    ) {
        self.name = name.lowercased()
        self.aliases = aliases.map { $0.lowercased() }
        self.description = description
        self.kind = kind
        self.isRequired = required
        self.defaultValue = defaultValue
        self.repetition = repetition
    }

    /// Whether the flag is boolean (an empty value means true).
    public var isBoolean: Bool {
        if case .boolean = kind { return true }
        return false
    }
}
