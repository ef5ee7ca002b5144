/// A validated configuration: defaults, then the file, then environment overrides (and, for a guild's view,
/// that guild's overrides). Immutable; every section of the schema is present.
///
/// Paths are written `section.key` (and `section.table.key` inside small tables). Secret keys are shown as
/// `<redacted>` by ``description`` and by `dump`.
public struct ResolvedConfig: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The schema the values were checked against.
    public let schema: ConfigSchema
    /// The typed values: a table of section tables. Secret values are in clear here: print the
    /// configuration itself (redacted), never this tree.
    public let values: ConfigValue
    /// The typed `[bot]` section, with the token.
    public let bot: BotSettings

    init(schema: ConfigSchema, values: ConfigValue, environment: [String: String]) {
        self.schema = schema
        self.values = values
        self.bot = BotSettings(table: values.value(atKeys: ["bot"])?.tableEntries ?? [:], environment: environment)
    }

    private init(schema: ConfigSchema, values: ConfigValue, bot: BotSettings) {
        self.schema = schema
        self.values = values
        self.bot = bot
    }

    /// The same configuration with `overrides` (a typed table of section tables) deep-merged over it. The
    /// token stays the one of this configuration.
    func layering(_ overrides: ConfigValue) -> ResolvedConfig {
        let merged = values.merged(with: overrides)
        var bot = BotSettings(table: merged.value(atKeys: ["bot"])?.tableEntries ?? [:], environment: [:])
        bot.token = self.bot.token
        bot.tokenEnvironmentVariable = self.bot.tokenEnvironmentVariable
        return ResolvedConfig(schema: schema, values: merged, bot: bot)
    }

    /// The value at `path` (`"levels.cooldown"`), or `nil` when the key has no value.
    public func value(at path: String) -> ConfigValue? {
        values.value(atKeys: path.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
    }

    /// The typed table of one section (empty when the schema has no such section).
    public func section(_ name: String) -> [String: ConfigValue] {
        values.value(atKeys: [name])?.tableEntries ?? [:]
    }

    /// Whether a plugin section's standard `enabled` key is on (`false` for an unknown section).
    public func isEnabled(plugin name: String) -> Bool {
        bool(at: "\(name).\(ConfigSection.enabledKeyName)") ?? false
    }

    /// The string at `path`, or `nil` when absent or not a string.
    public func string(at path: String) -> String? {
        if case .string(let text) = value(at: path) { return text }
        return nil
    }

    /// The integer at `path`, or `nil` when absent or not an integer.
    public func integer(at path: String) -> Int? {
        if case .integer(let number) = value(at: path) { return number }
        return nil
    }

    /// The number at `path`, or `nil` when absent or not a number.
    public func double(at path: String) -> Double? {
        if case .double(let number) = value(at: path) { return number }
        return nil
    }

    /// The boolean at `path`, or `nil` when absent or not a boolean.
    public func bool(at path: String) -> Bool? {
        if case .bool(let flag) = value(at: path) { return flag }
        return nil
    }

    /// The duration at `path`, or `nil` when absent or not a duration.
    public func duration(at path: String) -> Duration? {
        if case .duration(let duration) = value(at: path) { return duration }
        return nil
    }

    /// The snowflake at `path`, or `nil` when absent or not a snowflake.
    public func snowflake(at path: String) -> UInt64? {
        if case .snowflake(let id) = value(at: path) { return id }
        return nil
    }

    /// The snowflakes of the array at `path` (empty when absent).
    public func snowflakes(at path: String) -> [UInt64] {
        (value(at: path)?.arrayElements ?? []).compactMap { element in
            if case .snowflake(let id) = element { return id }
            return nil
        }
    }

    /// The tables of the array of tables at `path` (empty when absent).
    public func tables(at path: String) -> [[String: ConfigValue]] {
        (value(at: path)?.arrayElements ?? []).compactMap(\.tableEntries)
    }

    /// Every value as `section.key = value` lines, secrets shown as `<redacted>`.
    public var description: String {
        var lines: [String] = []
        for section in schema.sections {
            let table = self.section(section.name)
            for key in section.keys {
                guard let value = table[key.name] else { continue }
                let shown = key.isSecret ? SecretText.placeholder : value.description
                lines.append("\(section.name).\(ConfigPath.renderKey(key.name)) = \(shown)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A mirror showing only the redacted description, so `dump` never prints a secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }
}
