/// One key of a configuration section (or of a small table inside one): its name, type, default and a
/// one-line documentation string.
public struct ConfigKey: Sendable, Hashable {
    /// The key as written in the file (`snake_case` by convention).
    public var name: String
    /// The type values must have.
    public var type: ConfigValueType
    /// The value used when the file does not set the key (already typed), or `nil` for none.
    public var defaultValue: ConfigValue?
    /// Whether the file (or the environment) must set the key.
    public var isRequired: Bool
    /// Whether the value is secret: it never appears in descriptions or error messages.
    public var isSecret: Bool
    /// Whether guilds may override the value with their own settings.
    public var isGuildOverridable: Bool
    /// One line of documentation.
    public var documentation: String

    /// Creates a key. A required key should have no default.
    public init(
        _ name: String,
        _ type: ConfigValueType,
        default defaultValue: ConfigValue? = nil,
        required isRequired: Bool = false,
        secret isSecret: Bool = false,
        guildOverridable isGuildOverridable: Bool = false,
        doc documentation: String
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.isSecret = isSecret
        self.isGuildOverridable = isGuildOverridable
        self.documentation = documentation
    }
}
