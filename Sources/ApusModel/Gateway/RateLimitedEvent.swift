/// A RATE_LIMITED body (a gateway command was rate limited).
public struct RateLimitedEvent: Sendable, Hashable, JSONDecodable {
    /// `opcode`
    public var opcode: Int
    /// `retry_after`
    public var retryAfter: Double
    /// `meta`
    public var meta: RawJSON

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var opcodeValue: Int?
        var retryAfterValue: Double?
        var metaValue: RawJSON?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "opcode":
                do { opcodeValue = try reader.decode() } catch { throw error.prefixingPath("opcode") }
            case "retry_after":
                do { retryAfterValue = try reader.decode() } catch { throw error.prefixingPath("retry_after") }
            case "meta":
                do { metaValue = try reader.decode() } catch { throw error.prefixingPath("meta") }
            default: try reader.skipValue()
            }
        }
        self.opcode = try reader.require(opcodeValue, "opcode")
        self.retryAfter = try reader.require(retryAfterValue, "retry_after")
        self.meta = try reader.require(metaValue, "meta")
    }
}
