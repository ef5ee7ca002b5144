/// A sticker as shown in a message (`sticker_items`).
public struct StickerItem: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `name`
    public var name: String
    /// `format_type`
    public var formatType: Int

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var nameValue: String?
        var formatTypeValue: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "format_type":
                do { formatTypeValue = try reader.decode() } catch { throw error.prefixingPath("format_type") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.name = try reader.require(nameValue, "name")
        self.formatType = try reader.require(formatTypeValue, "format_type")
    }
}
