/// Reads a value typed as text (an environment variable or a `config set` argument) by its schema type.
///
/// Scalars are written plainly: `3`, `0.5`, `true`/`false` (also `yes`/`no`, `on`/`off`, `1`/`0`), `90s`,
/// `123456789012345678`, and strings as they are (no quotes). **Arrays and tables are written as TOML
/// inline values**: `[123, 456]`, `["a", "b"]`, `[{ level = 5, role_id = 123 }]`, `{ key = 1 }`.
enum ConfigTextParser {
    /// The outcome of reading text: a raw value or the problem.
    enum Reading {
        /// The text was read (the schema checks the value next).
        case value(ConfigValue)
        /// The text cannot be read as the type.
        case problem(ConfigIssue.Kind)
    }

    /// Returns the raw value for `text`, or why it cannot be read as `type`. Secret text is not echoed;
    /// other text is quoted up to 60 characters.
    static func raw(
        from text: String, as type: ConfigValueType, secret: Bool
    ) -> Reading {
        let trimmed = text.trimmingBlanks
        let quoted = secret ? "the value" : "'\(ValueChecker.abbreviated(trimmed))'"
        switch type {
        case .string:
            return .value(.string(text))
        case .integer:
            guard let number = Int(trimmed) else {
                return .problem(.invalidValue(expected: type.description, reason: "\(quoted) is not a whole number"))
            }
            return .value(.integer(number))
        case .double:
            guard let number = Double(trimmed), number.isFinite else {
                return .problem(.invalidValue(expected: type.description, reason: "\(quoted) is not a number"))
            }
            return .value(.double(number))
        case .bool:
            switch trimmed.lowercased() {
            case "true", "yes", "on", "1": return .value(ConfigValue.bool(true))
            case "false", "no", "off", "0": return .value(ConfigValue.bool(false))
            default:
                return .problem(.invalidValue(expected: type.description, reason: "\(quoted) is not true or false"))
            }
        case .duration, .snowflake:
            return .value(.string(trimmed))
        case .array, .table, .tableArray:
            switch TOMLDocumentReader.readInlineValue(trimmed) {
            case .success(let value): return .value(value)
            case .failure(let error):
                var shape = "a TOML inline array such as [1, 2]"
                if case .table = type { shape = "a TOML inline table such as { key = 1 }" }
                return .problem(
                    .invalidValue(expected: type.description, reason: "\(quoted) is not \(shape)" + (secret ? "" : " (\(error.message))")))
            }
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingBlanks: String {
        let blanks: Set<Character> = [" ", "\t", "\n", "\r"]
        guard let first = firstIndex(where: { !blanks.contains($0) }),
            let last = lastIndex(where: { !blanks.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
