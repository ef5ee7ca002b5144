/// The converted arguments of one invocation, with typed getters; every getter returns nil when the parameter was
/// not given and has no default, or has another kind.
public struct ParsedArguments: Sendable, Hashable {
    /// The invocation.
    public var invocation: CommandInvocation
    /// The values per parameter name.
    public private(set) var values: [String: ArgumentValue]

    /// Creates arguments.
    public init(invocation: CommandInvocation, values: [String: ArgumentValue] = [:]) {
        self.invocation = invocation
        self.values = values
    }

    /// The raw value of a parameter.
    public subscript(_ name: String) -> ArgumentValue? { values[name] }

    /// A member parameter.
    public func member(_ name: String) -> CommandMember? {
        if case .member(let member) = values[name] { return member }
        return nil
    }

    /// A user parameter (a member's user is returned too).
    public func user(_ name: String) -> CommandUser? {
        switch values[name] {
        case .user(let user): user
        case .member(let member): member.user
        default: nil
        }
    }

    /// A channel parameter.
    public func channel(_ name: String) -> CommandChannel? {
        if case .channel(let channel) = values[name] { return channel }
        return nil
    }

    /// A role parameter.
    public func role(_ name: String) -> CommandRole? {
        if case .role(let role) = values[name] { return role }
        return nil
    }

    /// An integer parameter.
    public func integer(_ name: String) -> Int? {
        if case .integer(let number) = values[name] { return number }
        return nil
    }

    /// A number parameter (integers are widened).
    public func number(_ name: String) -> Double? {
        switch values[name] {
        case .number(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }

    /// A boolean parameter.
    public func boolean(_ name: String) -> Bool? {
        if case .boolean(let flag) = values[name] { return flag }
        return nil
    }

    /// A string, choice or text parameter.
    public func string(_ name: String) -> String? {
        if case .string(let text) = values[name] { return text }
        return nil
    }

    /// A duration parameter.
    public func duration(_ name: String) -> Duration? {
        if case .duration(let duration) = values[name] { return duration }
        return nil
    }

    /// An attachment parameter.
    public func attachment(_ name: String) -> CommandAttachment? {
        if case .attachment(let attachment) = values[name] { return attachment }
        return nil
    }

    /// The first flags parameter's values.
    public var flags: ParsedFlags? {
        for value in values.values {
            if case .flags(let flags) = value { return flags }
        }
        return nil
    }

    mutating func set(_ name: String, _ value: ArgumentValue) {
        values[name] = value
    }
}
