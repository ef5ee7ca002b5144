/// A full sticker object.
public struct Sticker: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `pack_id`
    public var packID: Snowflake?
    /// `name`
    public var name: String
    /// `description`
    public var description: String?
    /// `tags`
    public var tags: String
    /// `type`
    public var `type`: Int
    /// `format_type`
    public var formatType: Int
    /// `available`
    public var available: Bool?
    /// `guild_id`
    public var guildID: Snowflake?
    /// `user`
    public var user: User?
    /// `sort_value`
    public var sortValue: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var nameValue: String?
        var tagsValue: String?
        var typeValue: Int?
        var formatTypeValue: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "pack_id":
                do { self.packID = try reader.decodeNullable() } catch { throw error.prefixingPath("pack_id") }
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "description":
                do { self.description = try reader.decodeNullable() } catch { throw error.prefixingPath("description") }
            case "tags":
                do { tagsValue = try reader.decode() } catch { throw error.prefixingPath("tags") }
            case "type":
                do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
            case "format_type":
                do { formatTypeValue = try reader.decode() } catch { throw error.prefixingPath("format_type") }
            case "available":
                do { self.available = try reader.decodeNullable() } catch { throw error.prefixingPath("available") }
            case "guild_id":
                do { self.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "user":
                do { self.user = try reader.decodeNullable() } catch { throw error.prefixingPath("user") }
            case "sort_value":
                do { self.sortValue = try reader.decodeNullable() } catch { throw error.prefixingPath("sort_value") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.name = try reader.require(nameValue, "name")
        self.tags = try reader.require(tagsValue, "tags")
        self.type = try reader.require(typeValue, "type")
        self.formatType = try reader.require(formatTypeValue, "format_type")
    }
}
