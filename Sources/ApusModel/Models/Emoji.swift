/// A guild or unicode emoji (custom emojis have an id; deleted ones may have a null name).
public struct Emoji: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake?
    /// `name`
    public var name: String?
    /// `roles`
    public var roles: [Snowflake]?
    /// `user`
    public var user: User?
    /// `require_colons`
    public var requireColons: Bool?
    /// `managed`
    public var managed: Bool?
    /// `animated`
    public var animated: Bool?
    /// `available`
    public var available: Bool?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedId: Snowflake? = nil
        var decodedName: String? = nil
        var decodedRoles: [Snowflake]? = nil
        var decodedUser: User? = nil
        var decodedRequireColons: Bool? = nil
        var decodedManaged: Bool? = nil
        var decodedAnimated: Bool? = nil
        var decodedAvailable: Bool? = nil
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { decodedId = try reader.decodeNullable() } catch { throw error.prefixingPath("id") }
            case "name":
                do { decodedName = try reader.decodeNullable() } catch { throw error.prefixingPath("name") }
            case "roles":
                do { decodedRoles = try reader.decodeNullable() } catch { throw error.prefixingPath("roles") }
            case "user":
                do { try reader.decodeNullable(into: &decodedUser) } catch { throw error.prefixingPath("user") }
            case "require_colons":
                do { decodedRequireColons = try reader.decodeNullable() } catch { throw error.prefixingPath("require_colons") }
            case "managed":
                do { decodedManaged = try reader.decodeNullable() } catch { throw error.prefixingPath("managed") }
            case "animated":
                do { decodedAnimated = try reader.decodeNullable() } catch { throw error.prefixingPath("animated") }
            case "available":
                do { decodedAvailable = try reader.decodeNullable() } catch { throw error.prefixingPath("available") }
            default: try reader.skipValue()
            }
        }
        self.id = decodedId
        self.name = decodedName
        self.roles = decodedRoles
        self.user = decodedUser
        self.requireColons = decodedRequireColons
        self.managed = decodedManaged
        self.animated = decodedAnimated
        self.available = decodedAvailable
    }
}
