/// A field of an embed.
public struct EmbedField: Sendable, Hashable, JSONDecodable {
    /// `name`
    public var name: String
    /// `value`
    public var value: String
    /// `inline`
    public var inline: Bool?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var nameValue: String?
        var valueValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "value":
                do { valueValue = try reader.decode() } catch { throw error.prefixingPath("value") }
            case "inline":
                do { self.inline = try reader.decodeNullable() } catch { throw error.prefixingPath("inline") }
            default: try reader.skipValue()
            }
        }
        self.name = try reader.require(nameValue, "name")
        self.value = try reader.require(valueValue, "value")
    }
}
