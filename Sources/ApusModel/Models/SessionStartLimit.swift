/// How many IDENTIFYs remain in the current 24 h window.
public struct SessionStartLimit: Sendable, Hashable, JSONDecodable {
    /// `total`
    public var total: Int
    /// `remaining`
    public var remaining: Int
    /// `reset_after`
    public var resetAfter: Int64
    /// `max_concurrency`
    public var maxConcurrency: Int

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var totalValue: Int?
        var remainingValue: Int?
        var resetAfterValue: Int64?
        var maxConcurrencyValue: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "total":
                do { totalValue = try reader.decode() } catch { throw error.prefixingPath("total") }
            case "remaining":
                do { remainingValue = try reader.decode() } catch { throw error.prefixingPath("remaining") }
            case "reset_after":
                do { resetAfterValue = try reader.decode() } catch { throw error.prefixingPath("reset_after") }
            case "max_concurrency":
                do { maxConcurrencyValue = try reader.decode() } catch { throw error.prefixingPath("max_concurrency") }
            default: try reader.skipValue()
            }
        }
        self.total = try reader.require(totalValue, "total")
        self.remaining = try reader.require(remainingValue, "remaining")
        self.resetAfter = try reader.require(resetAfterValue, "reset_after")
        self.maxConcurrency = try reader.require(maxConcurrencyValue, "max_concurrency")
    }
}
