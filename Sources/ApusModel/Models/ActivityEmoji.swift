/// The emoji of a custom status.
public struct ActivityEmoji: Sendable, Hashable, JSONDecodable {
    /// `name`
    public var name: String
    /// `id`
    public var id: Snowflake?
    /// `animated`
    public var animated: Bool?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var nameValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "id":
                do { self.id = try reader.decodeNullable() } catch { throw error.prefixingPath("id") }
            case "animated":
                do { self.animated = try reader.decodeNullable() } catch { throw error.prefixingPath("animated") }
            default: try reader.skipValue()
            }
        }
        self.name = try reader.require(nameValue, "name")
    }
}
