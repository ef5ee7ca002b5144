/// One problem found while loading or editing configuration. It always names the key path, and the line
/// of the file when the value came from the file.
public struct ConfigIssue: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// The file is not valid TOML (message and column from TOMLKit).
        case syntax(message: String, column: Int)
        /// The file is not valid UTF-8; `byteOffset` is the first bad byte.
        case notUTF8(byteOffset: Int)
        /// The key is not in the schema; `suggestion` is a near miss that is.
        case unknownKey(suggestion: String?)
        /// The value has the wrong type.
        case wrongType(expected: String, found: String)
        /// The value has the right type but is outside the allowed range or choices. `found` is `nil` for
        /// secret keys.
        case outOfRange(expected: String, found: String?)
        /// The value cannot be read as the expected type (bad duration, bad snowflake, bad array text…).
        case invalidValue(expected: String, reason: String)
        /// A required key is missing.
        case missingRequired(expected: String)
        /// A guild tried to set a key that only the file may set.
        case notGuildOverridable
    }

    /// Where the faulty value came from.
    public enum Origin: Sendable, Hashable {
        /// The configuration file (the name is used in messages).
        case file(name: String)
        /// An `APUS_…` environment variable.
        case environment(variable: String)
        /// A guild's stored settings.
        case guildSettings(guildID: UInt64)
        /// A `config set` edit for a guild.
        case edit(guildID: UInt64)
    }

    /// What is wrong.
    public var kind: Kind
    /// The full key path of the faulty value (`levels.roles[2].level`; empty for whole-file problems).
    public var path: ConfigPath
    /// The 1-based line in the file, when known.
    public var line: Int?
    /// Where the value came from.
    public var origin: Origin

    /// Creates an issue.
    public init(_ kind: Kind, path: ConfigPath, line: Int?, origin: Origin) {
        self.kind = kind
        self.path = path
        self.line = line
        self.origin = origin
    }

    /// One line: where, which key, what is wrong.
    public var description: String {
        var location: String
        switch origin {
        case .file(let name): location = line.map { "\(name):\($0)" } ?? name
        case .environment(let variable): location = "environment variable \(variable)"
        case .guildSettings(let guildID): location = "settings of guild \(guildID)"
        case .edit(let guildID): location = "setting for guild \(guildID)"
        }
        if case .file = origin, case .syntax(_, let column) = kind, line != nil {
            location += ":\(column)"
        }
        let key = path.components.isEmpty ? "" : " key '\(path)':"
        return "\(location):\(key) \(problem)"
    }

    private var problem: String {
        switch kind {
        case .syntax(let message, _): return "TOML syntax error: \(message)"
        case .notUTF8(let offset): return "the file is not valid UTF-8 (first bad byte at offset \(offset))"
        case .unknownKey(let suggestion):
            return "unknown key" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .wrongType(let expected, let found): return "expected \(expected), found \(found)"
        case .outOfRange(let expected, let found):
            return "value \(found ?? "(hidden)") is out of range: expected \(expected)"
        case .invalidValue(let expected, let reason): return "\(reason); expected \(expected)"
        case .missingRequired(let expected): return "required key is missing (\(expected))"
        case .notGuildOverridable: return "this key cannot be set per guild"
        }
    }
}

/// The error thrown when configuration is invalid: every problem found, in file order.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// All problems, never empty.
    public var issues: [ConfigIssue]

    /// Creates the error from its problems.
    public init(issues: [ConfigIssue]) {
        self.issues = issues
    }

    /// One problem per line.
    public var description: String {
        let noun = issues.count == 1 ? "problem" : "problems"
        return "configuration has \(issues.count) \(noun):\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
    }
}
