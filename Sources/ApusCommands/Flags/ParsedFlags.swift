/// The converted values of a ``FlagSet``: every flag given (as a list, in order) plus defaults of absent flags.
public struct ParsedFlags: Sendable, Hashable {
    /// Values per canonical flag name (the positional flag included).
    public private(set) var values: [String: [ArgumentValue]]

    /// Creates a result.
    public init(values: [String: [ArgumentValue]] = [:]) {
        self.values = values
    }

    /// Whether the flag has a value (given or default).
    public func contains(_ name: String) -> Bool { !(values[name.lowercased()] ?? []).isEmpty }

    /// Every value of a flag.
    public func all(_ name: String) -> [ArgumentValue] { values[name.lowercased()] ?? [] }

    /// The (last) value of a flag.
    public func value(_ name: String) -> ArgumentValue? { values[name.lowercased()]?.last }

    /// A text flag.
    public func string(_ name: String) -> String? {
        if case .string(let text) = value(name) { return text }
        return nil
    }

    /// A boolean flag; false when absent without a default.
    public func bool(_ name: String) -> Bool {
        if case .boolean(let flag) = value(name) { return flag }
        return false
    }

    /// An optional boolean flag (nil when absent without a default).
    public func optionalBool(_ name: String) -> Bool? {
        if case .boolean(let flag) = value(name) { return flag }
        return nil
    }

    /// An integer flag.
    public func integer(_ name: String) -> Int? {
        if case .integer(let number) = value(name) { return number }
        return nil
    }

    /// A duration flag.
    public func duration(_ name: String) -> Duration? {
        if case .duration(let duration) = value(name) { return duration }
        return nil
    }

    /// A member flag.
    public func member(_ name: String) -> CommandMember? {
        if case .member(let member) = value(name) { return member }
        return nil
    }

    /// A user flag (a member flag's user is returned too).
    public func user(_ name: String) -> CommandUser? {
        switch value(name) {
        case .user(let user): user
        case .member(let member): member.user
        default: nil
        }
    }

    mutating func append(_ value: ArgumentValue, to name: String) {
        values[name, default: []].append(value)
    }

    mutating func replace(_ name: String, with value: ArgumentValue) {
        values[name] = [value]
    }
}
