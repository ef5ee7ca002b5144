/// An embed image, thumbnail or video.
public struct EmbedMedia: Sendable, Hashable, JSONDecodable {
    /// `url`
    public var url: String?
    /// `proxy_url`
    public var proxyURL: String?
    /// `height`
    public var height: Int?
    /// `width`
    public var width: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "url":
                do { self.url = try reader.decodeNullable() } catch { throw error.prefixingPath("url") }
            case "proxy_url":
                do { self.proxyURL = try reader.decodeNullable() } catch { throw error.prefixingPath("proxy_url") }
            case "height":
                do { self.height = try reader.decodeNullable() } catch { throw error.prefixingPath("height") }
            case "width":
                do { self.width = try reader.decodeNullable() } catch { throw error.prefixingPath("width") }
            default: try reader.skipValue()
            }
        }
    }
}
