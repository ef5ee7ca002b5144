/// An HTTP 429 body.
public struct RateLimitedBody: Sendable, Hashable, JSONDecodable {
    /// `message`
    public var message: String
    /// `retry_after`
    public var retryAfter: Double
    /// `global`
    public var global: Bool
    /// `code`
    public var code: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var messageValue: String?
        var retryAfterValue: Double?
        var globalValue: Bool?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "message":
                do { messageValue = try reader.decode() } catch { throw error.prefixingPath("message") }
            case "retry_after":
                do { retryAfterValue = try reader.decode() } catch { throw error.prefixingPath("retry_after") }
            case "global":
                do { globalValue = try reader.decode() } catch { throw error.prefixingPath("global") }
            case "code":
                do { self.code = try reader.decodeNullable() } catch { throw error.prefixingPath("code") }
            default: try reader.skipValue()
            }
        }
        self.message = try reader.require(messageValue, "message")
        self.retryAfter = try reader.require(retryAfterValue, "retry_after")
        self.global = try reader.require(globalValue, "global")
    }
}
