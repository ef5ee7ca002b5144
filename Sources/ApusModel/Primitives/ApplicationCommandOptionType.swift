/// The type of an application command option. Unknown values are kept as ``unknown(_:)``.
public enum ApplicationCommandOptionType: IntegerCodedEnum, Sendable {
    /// Wire value 1.
    case subCommand
    /// Wire value 2.
    case subCommandGroup
    /// Wire value 3.
    case string
    /// Wire value 4.
    case integer
    /// Wire value 5.
    case boolean
    /// Wire value 6.
    case user
    /// Wire value 7.
    case channel
    /// Wire value 8.
    case role
    /// Wire value 9.
    case mentionable
    /// Wire value 10.
    case number
    /// Wire value 11.
    case attachment
    /// A value this version does not know.
    case unknown(Int)

    /// Maps a wire value.
    public init(rawValue: Int) {
        switch rawValue {
        case 1: self = .subCommand
        case 2: self = .subCommandGroup
        case 3: self = .string
        case 4: self = .integer
        case 5: self = .boolean
        case 6: self = .user
        case 7: self = .channel
        case 8: self = .role
        case 9: self = .mentionable
        case 10: self = .number
        case 11: self = .attachment
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: Int {
        switch self {
        case .subCommand: 1
        case .subCommandGroup: 2
        case .string: 3
        case .integer: 4
        case .boolean: 5
        case .user: 6
        case .channel: 7
        case .role: 8
        case .mentionable: 9
        case .number: 10
        case .attachment: 11
        case .unknown(let value): value
        }
    }
}
