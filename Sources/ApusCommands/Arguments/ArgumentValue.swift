/// One converted argument or flag value.
public enum ArgumentValue: Sendable, Hashable {
    /// A guild member.
    case member(CommandMember)
    /// A user (who need not be a member).
    case user(CommandUser)
    /// A channel.
    case channel(CommandChannel)
    /// A role.
    case role(CommandRole)
    /// An integer.
    case integer(Int)
    /// A floating-point number.
    case number(Double)
    /// A boolean.
    case boolean(Bool)
    /// Text (strings, choices, rest-of-line text).
    case string(String)
    /// A duration.
    case duration(Duration)
    /// An attachment.
    case attachment(CommandAttachment)
    /// A parsed flag set.
    case flags(ParsedFlags)
}
