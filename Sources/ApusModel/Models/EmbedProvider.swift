/// The provider of an embed.
public struct EmbedProvider: Sendable, Hashable, JSONDecodable {
    /// `name`
    public var name: String?
    /// `url`
    public var url: String?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "name":
                do { self.name = try reader.decodeNullable() } catch { throw error.prefixingPath("name") }
            case "url":
                do { self.url = try reader.decodeNullable() } catch { throw error.prefixingPath("url") }
            default: try reader.skipValue()
            }
        }
    }
}
