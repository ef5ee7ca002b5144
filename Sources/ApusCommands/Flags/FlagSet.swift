/// A set of flags in the syntax of the moderation bots (§4.2): `-name value` tokens (a flag token is the prefix, a
/// name or alias, then a space), case-insensitive, an optional positional value (e.g. the reason) before the first
/// flag, boolean flags without a value, and an optional validation over the whole result.
public struct FlagSet: Sendable {
    /// The set's name (e.g. "BanFlags"), used in help.
    public var name: String
    /// The description used for the `flags` parameter.
    public var description: String
    /// The positional flag (its name, description, kind, default), if any.
    public var positional: FlagDefinition?
    /// The named flags.
    public var flags: [FlagDefinition]
    /// The flag prefix (`-`).
    public var prefix: String
    /// Whether text without any flag token is ignored (true) or a "too many arguments" error (false).
    public var ignoreExtra: Bool
    /// A check over the converted flags; returns a user-facing message to reject them.
    public var validate: (@Sendable (ParsedFlags) -> String?)?

    /// Creates a flag set.
    public init(
        name: String, description: String = "Options", positional: FlagDefinition? = nil, flags: [FlagDefinition],
        prefix: String = "-", ignoreExtra: Bool = false, validate: (@Sendable (ParsedFlags) -> String?)? = nil
    ) {
        self.name = name
        self.description = description
        self.positional = positional
        self.flags = flags
        self.prefix = prefix
        self.ignoreExtra = ignoreExtra
        self.validate = validate
    }

    /// The flag a name or alias refers to (case-insensitive).
    public func flag(named name: String) -> FlagDefinition? {
        let wanted = name.lowercased()
        return flags.first { $0.name == wanted || $0.aliases.contains(wanted) }
    }

    /// Every name and alias, longest first (the order in which tokens are tried).
    var namesLongestFirst: [(spelling: [Character], canonical: String)] {
        var names: [(spelling: [Character], canonical: String)] = []
        for flag in flags {
            names.append((Array(flag.name), flag.name))
            for alias in flag.aliases { names.append((Array(alias), flag.name)) }
        }
        return names.sorted { $0.spelling.count > $1.spelling.count }
    }
}
