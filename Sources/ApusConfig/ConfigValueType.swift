/// The type a configuration key expects, with its constraints.
public indirect enum ConfigValueType: Sendable, Hashable, CustomStringConvertible {
    /// Any text; when `choices` is not empty the text must be one of them.
    case string(choices: [String] = [])
    /// A whole number, optionally limited to `range`.
    case integer(range: ClosedRange<Int>? = nil)
    /// A number (a TOML integer is accepted too), optionally limited to `range`.
    case double(range: ClosedRange<Double>? = nil)
    /// `true` or `false`.
    case bool
    /// A duration string in the ``DurationText`` grammar, such as `"90s"` or `"1h30m"`.
    case duration
    /// A Discord id, written as a TOML integer or a string of digits.
    case snowflake
    /// An array whose elements all have the given type.
    case array(of: ConfigValueType)
    /// A small table with the given fields (unknown fields are errors).
    case table(fields: [ConfigKey])
    /// An array of small tables (`[[levels.roles]]`), each with the given fields.
    case tableArray(fields: [ConfigKey])

    /// A one-line description of the type for error messages and documentation.
    public var description: String {
        switch self {
        case .string(let choices):
            return choices.isEmpty ? "string" : "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
        case .integer(let range):
            guard let range else { return "integer" }
            return "integer in \(range.lowerBound)...\(range.upperBound)"
        case .double(let range):
            guard let range else { return "number" }
            return "number in \(range.lowerBound)...\(range.upperBound)"
        case .bool: return "boolean"
        case .duration: return "duration such as \"90s\" or \"1h30m\""
        case .snowflake: return "snowflake (Discord id)"
        case .array(let element): return "array of \(element)"
        case .table(let fields): return "table with keys " + fields.map(\.name).joined(separator: ", ")
        case .tableArray(let fields): return "array of tables with keys " + fields.map(\.name).joined(separator: ", ")
        }
    }

    /// The fields of a table or table-array type.
    var fields: [ConfigKey]? {
        switch self {
        case .table(let fields), .tableArray(let fields): fields
        default: nil
        }
    }
}
