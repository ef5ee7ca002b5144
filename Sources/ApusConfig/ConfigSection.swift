/// The schema of one `[section]` of `apus.toml`: the core `bot` section or one plugin's section.
///
/// A plugin declares its section with ``plugin(_:doc:enabledByDefault:keys:)``, which adds the standard
/// `enabled` key.
public struct ConfigSection: Sendable, Hashable {
    /// The table name in the file (`[levels]`) and the first part of environment overrides.
    public var name: String
    /// One line of documentation.
    public var documentation: String
    /// The keys, in documentation order.
    public var keys: [ConfigKey]

    /// Creates a section with exactly the given keys.
    public init(_ name: String, doc documentation: String, keys: [ConfigKey]) {
        self.name = name
        self.documentation = documentation
        self.keys = keys
    }

    /// The name of the standard key that switches a plugin on or off.
    public static let enabledKeyName = "enabled"

    /// Creates a plugin's section: the given keys plus a guild-overridable `enabled` boolean (unless the
    /// plugin declared `enabled` itself).
    public static func plugin(
        _ name: String, doc documentation: String, enabledByDefault: Bool = true, keys: [ConfigKey]
    ) -> ConfigSection {
        var allKeys = keys
        if !keys.contains(where: { $0.name == enabledKeyName }) {
            let enabled = ConfigKey(
                enabledKeyName, .bool, default: .bool(enabledByDefault), guildOverridable: true,
                doc: "Whether the \(name) plugin runs.")
            allKeys.insert(enabled, at: 0)
        }
        return ConfigSection(name, doc: documentation, keys: allKeys)
    }

    /// The key with this exact name.
    public func key(named name: String) -> ConfigKey? {
        keys.first { $0.name == name }
    }

    /// The section's defaults as a table (keys without a default are absent).
    public var defaults: [String: ConfigValue] {
        var table: [String: ConfigValue] = [:]
        for key in keys {
            if let value = key.defaultValue { table[key.name] = value }
        }
        return table
    }
}
