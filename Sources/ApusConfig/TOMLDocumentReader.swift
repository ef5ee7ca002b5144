import TOMLKit

/// Turns TOML text into a raw ``ConfigValue`` tree with TOMLKit, converting TOMLKit's non-`Sendable`
/// tables at once. Syntax errors keep TOMLKit's line and column.
enum TOMLDocumentReader {
    /// Parses a whole document. Dates and times are reported as wrong types (no schema type accepts them).
    static func read(
        text: String, origin: ConfigIssue.Origin, lineMap: () -> TOMLLineMap
    ) -> Result<[String: ConfigValue], ConfigError> {
        if let nulOffset = text.utf8.firstIndex(of: 0) {
            let line = 1 + text.utf8[..<nulOffset].count(where: { $0 == UInt8(ascii: "\n") })
            let column = 1 + text.utf8[..<nulOffset].reversed().prefix(while: { $0 != UInt8(ascii: "\n") }).count
            let issue = ConfigIssue(
                .syntax(message: "NUL characters are not allowed", column: column), path: .root, line: line,
                origin: origin)
            return .failure(ConfigError(issues: [issue]))
        }
        if let line = lineMap().malformedKeyLine {
            let issue = ConfigIssue(
                .syntax(message: "expected a key (letters, digits, _ or -, or a quoted string) or a value", column: 0), path: .root,
                line: line, origin: origin)
            return .failure(ConfigError(issues: [issue]))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let issue = ConfigIssue(
                .syntax(message: error.description, column: error.source.begin.column), path: .root,
                line: error.source.begin.line, origin: origin)
            return .failure(ConfigError(issues: [issue]))
        } catch {
            let issue = ConfigIssue(
                .syntax(message: "\(error)", column: 0), path: .root, line: nil, origin: origin)
            return .failure(ConfigError(issues: [issue]))
        }
        var issues: [ConfigIssue] = []
        var unsupported: [ConfigPath] = []
        let converted = convert(table: table, path: .root, unsupported: &unsupported)
        if !unsupported.isEmpty {
            let map = lineMap()
            for path in unsupported.sorted() {
                issues.append(
                    ConfigIssue(
                        .wrongType(expected: "a value Apus understands", found: "date or time"), path: path,
                        line: map.line(for: path), origin: origin))
            }
            return .failure(ConfigError(issues: issues))
        }
        return .success(converted)
    }

    /// Parses one TOML value written inline (`[1, 2]`, `{ a = 1 }`, `"text"`), as used by environment
    /// overrides and guild edits. Returns the error message on failure.
    static func readInlineValue(_ text: String) -> Result<ConfigValue, InlineValueError> {
        guard !text.utf8.contains(0), !text.utf8.contains(UInt8(ascii: "\n")) else {
            return .failure(InlineValueError(message: "line breaks and NUL characters are not allowed"))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: "value = " + text)
        } catch let error as TOMLParseError {
            return .failure(InlineValueError(message: error.description))
        } catch {
            return .failure(InlineValueError(message: "\(error)"))
        }
        var unsupported: [ConfigPath] = []
        let converted = convert(table: table, path: .root, unsupported: &unsupported)
        guard unsupported.isEmpty, table.count == 1, let value = converted["value"] else {
            return .failure(InlineValueError(message: "not a single TOML value"))
        }
        return .success(value)
    }

    /// Why an inline value could not be read.
    struct InlineValueError: Error {
        var message: String
    }

    private static func convert(
        table: TOMLTable, path: ConfigPath, unsupported: inout [ConfigPath]
    ) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for (key, value) in table {
            let childPath = path.appending(key: key)
            if let converted = convert(value: value, path: childPath, unsupported: &unsupported) {
                result[key] = converted
            }
        }
        return result
    }

    private static func convert(
        value: any TOMLValueConvertible, path: ConfigPath, unsupported: inout [ConfigPath]
    ) -> ConfigValue? {
        switch value.type {
        case .string: return value.string.map(ConfigValue.string)
        case .int: return value.int.map(ConfigValue.integer)
        case .double: return value.double.map(ConfigValue.double)
        case .bool: return value.bool.map(ConfigValue.bool)
        case .table:
            guard let table = value.table else { return nil }
            return .table(convert(table: table, path: path, unsupported: &unsupported))
        case .array:
            guard let array = value.array else { return nil }
            var elements: [ConfigValue] = []
            for (position, element) in array.enumerated() {
                if let converted = convert(
                    value: element, path: path.appending(index: position), unsupported: &unsupported)
                {
                    elements.append(converted)
                }
            }
            return .array(elements)
        case .date, .time, .dateTime:
            unsupported.append(path)
            return nil
        }
    }
}
