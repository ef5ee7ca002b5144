/// Checks raw values against schema types and converts them to typed values, collecting every problem
/// instead of stopping at the first.
struct ValueChecker {
    /// Where the values come from.
    let origin: ConfigIssue.Origin
    /// The line of a path in the file, when the values come from a file.
    let lineOf: (ConfigPath) -> Int?
    /// Whether small `.table` values must be complete (defaults filled, required keys present). Overlays
    /// such as guild overrides are partial: they are deep-merged over a complete configuration.
    let completesTables: Bool
    /// Every problem found so far, in the order found.
    var issues: [ConfigIssue] = []

    init(origin: ConfigIssue.Origin, completesTables: Bool = true, lineOf: @escaping (ConfigPath) -> Int? = { _ in nil }) {
        self.origin = origin
        self.completesTables = completesTables
        self.lineOf = lineOf
    }

    mutating func report(_ kind: ConfigIssue.Kind, at path: ConfigPath) {
        issues.append(ConfigIssue(kind, path: path, line: lineOf(path), origin: origin))
    }

    /// Checks the keys of a table against `fields`: unknown keys (with suggestions) and bad values are
    /// reported. With `complete`, defaults are filled in and missing required keys are reported.
    mutating func checkTable(
        _ entries: [String: ConfigValue], fields: [ConfigKey], at path: ConfigPath, complete: Bool
    ) -> [String: ConfigValue] {
        var typed: [String: ConfigValue] = [:]
        for name in entries.keys.sorted(by: { lineOrder(path.appending(key: $0), path.appending(key: $1)) }) {
            guard let raw = entries[name] else { continue }
            let childPath = path.appending(key: name)
            guard let key = fields.first(where: { $0.name == name }) else {
                report(.unknownKey(suggestion: NearMiss.suggestion(for: name, among: fields.map(\.name))), at: childPath)
                continue
            }
            if let value = check(raw, as: key.type, secret: key.isSecret, at: childPath) {
                typed[name] = value
            }
        }
        if complete {
            for key in fields where typed[key.name] == nil && entries[key.name] == nil {
                if let value = key.defaultValue {
                    typed[key.name] = value
                } else if key.isRequired {
                    report(.missingRequired(expected: key.type.description), at: path.appending(key: key.name))
                }
            }
        }
        return typed
    }

    /// Orders sibling paths by their line in the file, then by name, so issues come out in file order.
    private func lineOrder(_ left: ConfigPath, _ right: ConfigPath) -> Bool {
        let leftLine = lineOf(left) ?? Int.max
        let rightLine = lineOf(right) ?? Int.max
        return leftLine != rightLine ? leftLine < rightLine : left.description < right.description
    }

    /// `text` cut to 60 characters (with an ellipsis), for quoting user input in messages.
    static func abbreviated(_ text: String) -> String {
        text.count > 60 ? text.prefix(60) + "…" : text
    }

    /// Checks one value; returns the typed value, or `nil` after reporting why it is unusable.
    mutating func check(
        _ raw: ConfigValue, as type: ConfigValueType, secret: Bool, at path: ConfigPath
    ) -> ConfigValue? {
        func shown(_ value: ConfigValue) -> String? { secret ? nil : ValueChecker.abbreviated(value.description) }
        func wrongType() -> ConfigValue? {
            report(.wrongType(expected: type.description, found: raw.kindName), at: path)
            return nil
        }
        switch (type, raw) {
        case (.string(let choices), .string(let text)):
            guard choices.isEmpty || choices.contains(text) else {
                report(.outOfRange(expected: type.description, found: shown(raw)), at: path)
                return nil
            }
            return raw
        case (.integer(let range), .integer(let number)):
            guard range.map({ $0.contains(number) }) ?? true else {
                report(.outOfRange(expected: type.description, found: shown(raw)), at: path)
                return nil
            }
            return raw
        case (.double, .integer(let number)):
            return check(.double(Double(number)), as: type, secret: secret, at: path)
        case (.double(let range), .double(let number)):
            guard number.isFinite, range.map({ $0.contains(number) }) ?? true else {
                report(.outOfRange(expected: type.description, found: shown(raw)), at: path)
                return nil
            }
            return raw
        case (.bool, .bool), (.duration, .duration):
            return raw
        case (.duration, .string(let text)):
            guard let duration = DurationText.parse(text) else {
                let reason = "\(shown(raw) ?? "the value") is not a duration"
                report(.invalidValue(expected: type.description, reason: reason), at: path)
                return nil
            }
            return .duration(duration)
        case (.snowflake, .snowflake(let id)):
            return id == 0 ? invalidSnowflake("0 is not a valid id") : raw
        case (.snowflake, .integer(let number)):
            guard number > 0 else { return invalidSnowflake("\(shown(raw) ?? "the value") is not a valid id") }
            return .snowflake(UInt64(number))
        case (.snowflake, .string(let text)):
            guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let id = UInt64(text), id > 0
            else {
                return invalidSnowflake("\(shown(raw) ?? "the value") is not a valid id (digits only)")
            }
            return .snowflake(id)
        case (.array(let elementType), .array(let elements)):
            var typed: [ConfigValue] = []
            var failed = false
            for (position, element) in elements.enumerated() {
                if let value = check(element, as: elementType, secret: secret, at: path.appending(index: position)) {
                    typed.append(value)
                } else {
                    failed = true
                }
            }
            return failed ? nil : .array(typed)
        case (.table(let fields), .table(let entries)):
            let before = issues.count
            let typed = checkTable(entries, fields: fields, at: path, complete: completesTables)
            return issues.count == before ? .table(typed) : nil
        case (.tableArray(let fields), .array(let elements)):
            var typed: [ConfigValue] = []
            let before = issues.count
            for (position, element) in elements.enumerated() {
                let elementPath = path.appending(index: position)
                guard case .table(let entries) = element else {
                    report(.wrongType(expected: "table", found: element.kindName), at: elementPath)
                    continue
                }
                typed.append(.table(checkTable(entries, fields: fields, at: elementPath, complete: true)))
            }
            return issues.count == before ? .array(typed) : nil
        default:
            return wrongType()
        }

        func invalidSnowflake(_ reason: String) -> ConfigValue? {
            report(.invalidValue(expected: type.description, reason: reason), at: path)
            return nil
        }
    }
}
