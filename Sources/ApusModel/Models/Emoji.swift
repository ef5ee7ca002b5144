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
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { self.id = try reader.decodeNullable() } catch { throw error.prefixingPath("id") }
            case "name":
                do { self.name = try reader.decodeNullable() } catch { throw error.prefixingPath("name") }
            case "roles":
                do { self.roles = try reader.decodeNullable() } catch { throw error.prefixingPath("roles") }
            case "user":
                do { self.user = try reader.decodeNullable() } catch { throw error.prefixingPath("user") }
            case "require_colons":
                do { self.requireColons = try reader.decodeNullable() } catch { throw error.prefixingPath("require_colons") }
            case "managed":
                do { self.managed = try reader.decodeNullable() } catch { throw error.prefixingPath("managed") }
            case "animated":
                do { self.animated = try reader.decodeNullable() } catch { throw error.prefixingPath("animated") }
            case "available":
                do { self.available = try reader.decodeNullable() } catch { throw error.prefixingPath("available") }
            default: try reader.skipValue()
            }
        }
    }
}
