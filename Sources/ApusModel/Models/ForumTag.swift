/// A tag that can be applied to forum or media channel threads.
public struct ForumTag: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `name`
    public var name: String
    /// `moderated`
    public var moderated: Bool
    /// `emoji_id`
    public var emojiID: Snowflake?
    /// `emoji_name`
    public var emojiName: String?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var nameValue: String?
        var moderatedValue: Bool?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "moderated":
                do { moderatedValue = try reader.decode() } catch { throw error.prefixingPath("moderated") }
            case "emoji_id":
                do { self.emojiID = try reader.decodeNullable() } catch { throw error.prefixingPath("emoji_id") }
            case "emoji_name":
                do { self.emojiName = try reader.decodeNullable() } catch { throw error.prefixingPath("emoji_name") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.name = try reader.require(nameValue, "name")
        self.moderated = try reader.require(moderatedValue, "moderated")
    }
}
