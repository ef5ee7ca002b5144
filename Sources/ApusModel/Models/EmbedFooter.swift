/// The footer of an embed.
public struct EmbedFooter: Sendable, Hashable, JSONDecodable {
    /// `text`
    public var text: String
    /// `icon_url`
    public var iconURL: String?
    /// `proxy_icon_url`
    public var proxyIconURL: String?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var textValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "text":
                do { textValue = try reader.decode() } catch { throw error.prefixingPath("text") }
            case "icon_url":
                do { self.iconURL = try reader.decodeNullable() } catch { throw error.prefixingPath("icon_url") }
            case "proxy_icon_url":
                do { self.proxyIconURL = try reader.decodeNullable() } catch { throw error.prefixingPath("proxy_icon_url") }
            default: try reader.skipValue()
            }
        }
        self.text = try reader.require(textValue, "text")
    }
}
