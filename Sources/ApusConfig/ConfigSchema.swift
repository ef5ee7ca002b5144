/// The whole schema of `apus.toml`: the core `bot` section plus every registered plugin section.
public struct ConfigSchema: Sendable, Hashable {
    /// The sections in registration order.
    public private(set) var sections: [ConfigSection]

    /// A schema with the core `bot` section only.
    public static let core = ConfigSchema(validatedSections: [.bot])

    private init(validatedSections: [ConfigSection]) {
        self.sections = validatedSections
    }

    /// Creates the core schema plus `sections`, checking each as ``register(_:)`` does.
    public init(registering sections: [ConfigSection]) throws(ConfigSchemaError) {
        self = .core
        for section in sections { try register(section) }
    }

    /// Adds a section (a plugin's). Names (of the section and its keys) must be lowercase `a-z`, `0-9` and
    /// single `_`, so that `APUS_<SECTION>__<KEY>` maps back to them; names must be unique.
    public mutating func register(_ section: ConfigSection) throws(ConfigSchemaError) {
        guard ConfigSchema.isValidName(section.name) else { throw .invalidName(section.name) }
        guard self.section(named: section.name) == nil else { throw .duplicateSection(section.name) }
        try ConfigSchema.checkKeys(section.keys, in: section.name)
        sections.append(section)
    }

    /// Returns a copy with `section` added.
    public func registering(_ section: ConfigSection) throws(ConfigSchemaError) -> ConfigSchema {
        var copy = self
        try copy.register(section)
        return copy
    }

    /// The section with this exact name.
    public func section(named name: String) -> ConfigSection? {
        sections.first { $0.name == name }
    }

    /// Every section's defaults, as a table of section tables.
    public var defaults: ConfigValue {
        var root: [String: ConfigValue] = [:]
        for section in sections { root[section.name] = .table(section.defaults) }
        return .table(root)
    }

    /// The key at a path of table keys: `section.key`, or deeper into `.table` keys.
    public func key(atKeys keys: [String]) -> ConfigKey? {
        guard keys.count >= 2, let section = section(named: keys[0]) else { return nil }
        var fields = section.keys
        var found: ConfigKey?
        for name in keys.dropFirst() {
            guard let key = fields.first(where: { $0.name == name }) else { return nil }
            found = key
            if case .table(let nested) = key.type { fields = nested } else { fields = [] }
        }
        return found
    }

    private static func checkKeys(_ keys: [ConfigKey], in owner: String) throws(ConfigSchemaError) {
        var seen: Set<String> = []
        for key in keys {
            guard isValidName(key.name) else { throw .invalidName("\(owner).\(key.name)") }
            guard seen.insert(key.name).inserted else { throw .duplicateKey("\(owner).\(key.name)") }
            if let fields = key.type.fields { try checkKeys(fields, in: "\(owner).\(key.name)") }
        }
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("__") && !name.hasPrefix("_") && !name.hasSuffix("_")
            && name.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            }
    }
}

/// A mistake in a schema declared in code (a programming error, reported before any file is read).
public enum ConfigSchemaError: Error, Sendable, Hashable {
    /// Two sections share a name.
    case duplicateSection(String)
    /// Two keys of one section or table share a name.
    case duplicateKey(String)
    /// A name is not lowercase `a-z0-9` with single inner underscores.
    case invalidName(String)
}
