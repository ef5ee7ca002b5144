import ApusModel

/// One choice of a ``ParameterKind/choice(_:)`` parameter.
public struct CommandChoice: Sendable, Hashable {
    /// The name shown to users (1-100 characters).
    public var name: String
    /// The value handed to the handler.
    public var value: String

    /// Creates a choice; `value` defaults to `name`.
    public init(_ name: String, value: String? = nil) {
        self.name = name
        self.value = value ?? name
    }
}

/// What a parameter accepts and how its text is converted.
public indirect enum ParameterKind: Sendable {
    /// A guild member, from a mention, an id or a name (`name`, legacy `name#1234`, global name, nickname).
    case member
    /// A user, from a mention, an id, or a member's name.
    case user
    /// A channel from a mention, an id or a name; an empty list allows every type.
    case channel(types: [ChannelType])
    /// A role from a mention, an id or a name.
    case role
    /// An integer, optionally limited to a range.
    case integer(range: ClosedRange<Int>?)
    /// A number, optionally limited to a range.
    case number(range: ClosedRange<Double>?)
    /// A boolean with discord.py's `convert_bool` words.
    case boolean
    /// One word (or a quoted string) up to `maxLength` characters.
    case string(maxLength: Int)
    /// One of a fixed set of values, matched case-insensitively against names and values.
    case choice([CommandChoice])
    /// A duration read with a grammar.
    case duration(DurationParser)
    /// An attachment of the message (prefix) or an attachment option (slash).
    case attachment
    /// The rest of the line, unquoted, up to `maxLength` characters (prefix: must be the last parameter).
    case text(maxLength: Int)
    /// A flag set that consumes the rest of the line (prefix) or becomes one option per flag (slash).
    case flags(FlagSet)

    /// The phrase used in "expected …" messages.
    public var expectation: String {
        switch self {
        case .member: "a member (mention, id or name)"
        case .user: "a user (mention, id or name)"
        case .channel: "a channel (mention, id or name)"
        case .role: "a role (mention, id or name)"
        case .integer(let range):
            range.map { "a whole number from \($0.lowerBound) to \($0.upperBound)" } ?? "a whole number"
        case .number(let range): range.map { "a number from \($0.lowerBound) to \($0.upperBound)" } ?? "a number"
        case .boolean: "yes or no"
        case .string(let maxLength): "text of at most \(maxLength) characters"
        case .choice(let choices): "one of " + choices.map { "`\($0.name)`" }.joined(separator: ", ")
        case .duration(let parser): parser.expectation
        case .attachment: "an attachment"
        case .text(let maxLength): "text of at most \(maxLength) characters"
        case .flags: "flags"
        }
    }
}
