/// The author of an embed.
public struct EmbedAuthor: Sendable, Hashable, JSONDecodable {
    /// `name`
    public var name: String
    /// `url`
    public var url: String?
    /// `icon_url`
    public var iconURL: String?
    /// `proxy_icon_url`
    public var proxyIconURL: String?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var nameValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "url":
                do { self.url = try reader.decodeNullable() } catch { throw error.prefixingPath("url") }
            case "icon_url":
                do { self.iconURL = try reader.decodeNullable() } catch { throw error.prefixingPath("icon_url") }
            case "proxy_icon_url":
                do { self.proxyIconURL = try reader.decodeNullable() } catch { throw error.prefixingPath("proxy_icon_url") }
            default: try reader.skipValue()
            }
        }
        self.name = try reader.require(nameValue, "name")
    }
}
