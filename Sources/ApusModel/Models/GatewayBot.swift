/// GET /gateway/bot.
public struct GatewayBot: Sendable, Hashable, JSONDecodable {
    /// `url`
    public var url: String
    /// `shards`
    public var shards: Int
    /// `session_start_limit`
    public var sessionStartLimit: SessionStartLimit

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var urlValue: String?
        var shardsValue: Int?
        var sessionStartLimitValue: SessionStartLimit?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "url":
                do { urlValue = try reader.decode() } catch { throw error.prefixingPath("url") }
            case "shards":
                do { shardsValue = try reader.decode() } catch { throw error.prefixingPath("shards") }
            case "session_start_limit":
                do { sessionStartLimitValue = try reader.decode() } catch { throw error.prefixingPath("session_start_limit") }
            default: try reader.skipValue()
            }
        }
        self.url = try reader.require(urlValue, "url")
        self.shards = try reader.require(shardsValue, "shards")
        self.sessionStartLimit = try reader.require(sessionStartLimitValue, "session_start_limit")
    }
}
