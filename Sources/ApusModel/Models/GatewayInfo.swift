/// GET /gateway.
public struct GatewayInfo: Sendable, Hashable, JSONDecodable {
    /// `url`
    public var url: String

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var urlValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "url":
                do { urlValue = try reader.decode() } catch { throw error.prefixingPath("url") }
            default: try reader.skipValue()
            }
        }
        self.url = try reader.require(urlValue, "url")
    }
}
