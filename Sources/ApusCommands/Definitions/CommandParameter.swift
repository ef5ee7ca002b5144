import ApusModel

/// One parameter of a command: its name, description, kind and whether it is required.
///
/// ```swift
/// .member("target", "Who to ban")
/// .integer("level", "The new level", range: 0...1000)
/// .text("reason", "Why", required: false)
/// ```
public struct CommandParameter: Sendable {
    /// The name (lower case for slash commands).
    public var name: String
    /// The description (1-100 characters for slash commands).
    public var description: String
    /// What it accepts.
    public var kind: ParameterKind
    /// Whether it must be given.
    public var isRequired: Bool
    /// The value used when an optional parameter is omitted.
    public var defaultValue: ArgumentValue?
    /// Whether the slash option asks the bot for suggestions as the user types (`autocomplete: true`); register the
    /// suggestions with `ComponentRouter.onAutocomplete(command:option:_:)`. Not allowed together with choices.
    public var autocompletes = false

    /// Creates a parameter.
    public init(_ name: String, _ description: String, kind: ParameterKind, required: Bool = true, default defaultValue: ArgumentValue? = nil) {
        self.name = name
        self.description = description
        self.kind = kind
        self.isRequired = required && defaultValue == nil
        self.defaultValue = defaultValue
    }

    /// A guild member.
    public static func member(_ name: String, _ description: String, required: Bool = true) -> Self {
        Self(name, description, kind: .member, required: required)
    }

    /// A user.
    public static func user(_ name: String, _ description: String, required: Bool = true) -> Self {
        Self(name, description, kind: .user, required: required)
    }

    /// A channel of the given types (all types when empty).
    public static func channel(_ name: String, _ description: String, types: [ChannelType] = [], required: Bool = true) -> Self {
        Self(name, description, kind: .channel(types: types), required: required)
    }

    /// A role.
    public static func role(_ name: String, _ description: String, required: Bool = true) -> Self {
        Self(name, description, kind: .role, required: required)
    }

    /// An integer, optionally in a range.
    public static func integer(
        _ name: String, _ description: String, range: ClosedRange<Int>? = nil, required: Bool = true, default value: Int? = nil
    ) -> Self {
        Self(name, description, kind: .integer(range: range), required: required, default: value.map(ArgumentValue.integer))
    }

    /// A number, optionally in a range.
    public static func number(
        _ name: String, _ description: String, range: ClosedRange<Double>? = nil, required: Bool = true,
        default value: Double? = nil
    ) -> Self {
        Self(name, description, kind: .number(range: range), required: required, default: value.map(ArgumentValue.number))
    }

    /// A boolean.
    public static func boolean(_ name: String, _ description: String, required: Bool = true, default value: Bool? = nil) -> Self {
        Self(name, description, kind: .boolean, required: required, default: value.map(ArgumentValue.boolean))
    }

    /// One word or quoted string.
    public static func string(
        _ name: String, _ description: String, maxLength: Int = 100, required: Bool = true, default value: String? = nil
    ) -> Self {
        Self(name, description, kind: .string(maxLength: maxLength), required: required, default: value.map(ArgumentValue.string))
    }

    /// One of fixed choices.
    public static func choice(
        _ name: String, _ description: String, _ choices: [CommandChoice], required: Bool = true, default value: String? = nil
    ) -> Self {
        Self(name, description, kind: .choice(choices), required: required, default: value.map(ArgumentValue.string))
    }

    /// A duration read with `grammar`.
    public static func duration(_ name: String, _ description: String, grammar: DurationParser, required: Bool = true) -> Self {
        Self(name, description, kind: .duration(grammar), required: required)
    }

    /// An attachment.
    public static func attachment(_ name: String, _ description: String, required: Bool = true) -> Self {
        Self(name, description, kind: .attachment, required: required)
    }

    /// The rest of the line.
    public static func text(
        _ name: String, _ description: String, maxLength: Int = 2000, required: Bool = true, default value: String? = nil
    ) -> Self {
        Self(name, description, kind: .text(maxLength: maxLength), required: required, default: value.map(ArgumentValue.string))
    }

    /// A flag set (always last).
    public static func flags(_ flagSet: FlagSet, name: String = "flags") -> Self {
        Self(name, flagSet.description, kind: .flags(flagSet), required: false)
    }

    /// The same parameter, offering suggestions as the user types (slash commands).
    public func autocompleting() -> Self {
        var copy = self
        copy.autocompletes = true
        return copy
    }
}
