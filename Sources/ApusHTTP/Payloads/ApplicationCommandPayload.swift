/// One command in a bulk overwrite (`PUT /applications/{id}/commands` or its guild variant).
public struct ApplicationCommandPayload: Encodable, Sendable, Hashable {
    /// 1–32 characters; lower case for slash commands.
    public var name: String
    /// Up to 100 characters (empty for user and message commands).
    public var description: String?
    /// 1 = slash (chat input), 2 = user, 3 = message.
    public var type: Int?
    /// Options (sub-commands, arguments) as raw JSON.
    public var options: [JSONValue]?
    /// Permission bit set as a decimal string, e.g. `"8"`; nil leaves the default.
    public var defaultMemberPermissions: String?
    /// Age-restricted.
    public var nsfw: Bool?
    /// Interaction contexts (0 guild, 1 bot DM, 2 private channel).
    public var contexts: [Int]?
    /// Installation contexts (0 guild install, 1 user install).
    public var integrationTypes: [Int]?

    /// Creates a command definition.
    public init(
        name: String, description: String? = nil, type: Int? = nil, options: [JSONValue]? = nil,
        defaultMemberPermissions: String? = nil, nsfw: Bool? = nil, contexts: [Int]? = nil, integrationTypes: [Int]? = nil
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.options = options
        self.defaultMemberPermissions = defaultMemberPermissions
        self.nsfw = nsfw
        self.contexts = contexts
        self.integrationTypes = integrationTypes
    }

    enum CodingKeys: String, CodingKey {
        case name, description, type, options, nsfw, contexts
        case defaultMemberPermissions = "default_member_permissions"
        case integrationTypes = "integration_types"
    }
}
