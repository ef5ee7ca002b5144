/// A configuration value: either raw (as read from TOML, JSON, the environment or a command) or typed
/// (after the schema has checked and converted it).
///
/// Raw trees only contain `string`, `integer`, `double`, `bool`, `array` and `table`; the schema turns
/// them into typed trees, where a snowflake is a ``snowflake(_:)`` and a duration a ``duration(_:)``.
public indirect enum ConfigValue: Sendable, Hashable, CustomStringConvertible {
    /// A text value.
    case string(String)
    /// A signed 64-bit integer.
    case integer(Int)
    /// A floating-point number.
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// A length of time (typed trees only).
    case duration(Duration)
    /// A Discord id (typed trees only).
    case snowflake(UInt64)
    /// An ordered list of values.
    case array([ConfigValue])
    /// A table of named values.
    case table([String: ConfigValue])

    /// The name of this value's kind, used in error messages ("integer", "table", …).
    public var kindName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .double: "floating-point number"
        case .bool: "boolean"
        case .duration: "duration"
        case .snowflake: "snowflake"
        case .array: "array"
        case .table: "table"
        }
    }

    /// The value rendered as TOML-like text (tables with sorted keys).
    public var description: String {
        switch self {
        case .string(let text): return "\"" + ConfigValue.escaped(text) + "\""
        case .integer(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .duration(let duration): return "\"" + DurationText.format(duration) + "\""
        case .snowflake(let id): return String(id)
        case .array(let elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .table(let entries):
            let body = entries.keys.sorted().map { key in
                "\(ConfigPath.renderKey(key)) = \(entries[key]?.description ?? "")"
            }
            return "{ " + body.joined(separator: ", ") + " }"
        }
    }

    /// The entries when this value is a table.
    public var tableEntries: [String: ConfigValue]? {
        if case .table(let entries) = self { return entries }
        return nil
    }

    /// The elements when this value is an array.
    public var arrayElements: [ConfigValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// Deep-merges `overlay` over `self`: tables merge key by key (recursively); arrays and scalars in
    /// `overlay` replace what they cover.
    public func merged(with overlay: ConfigValue) -> ConfigValue {
        guard case .table(let base) = self, case .table(let top) = overlay else { return overlay }
        var result = base
        for (key, value) in top {
            if let existing = result[key] {
                result[key] = existing.merged(with: value)
            } else {
                result[key] = value
            }
        }
        return .table(result)
    }

    /// The value at a path of table keys (no array indices), or `nil` when absent.
    public func value(atKeys keys: some Collection<String>) -> ConfigValue? {
        guard let first = keys.first else { return self }
        guard case .table(let entries) = self, let child = entries[first] else { return nil }
        return child.value(atKeys: keys.dropFirst())
    }

    /// Returns a copy with `value` stored at the path of table keys, creating tables on the way
    /// (a non-table on the way is replaced by a table). `nil` removes the key, and tables left empty
    /// by the removal are removed too.
    public func setting(_ value: ConfigValue?, atKeys keys: some Collection<String>) -> ConfigValue {
        guard let first = keys.first else { return value ?? .table([:]) }
        var entries = tableEntries ?? [:]
        let rest = keys.dropFirst()
        if rest.isEmpty {
            entries[first] = value
        } else {
            let child = (entries[first] ?? .table([:])).setting(value, atKeys: rest)
            if case .table(let childEntries) = child, childEntries.isEmpty {
                entries[first] = nil
            } else {
                entries[first] = child
            }
        }
        return .table(entries)
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
