/// Normal and burst counts of a reaction.
public struct ReactionCountDetails: Sendable, Hashable, JSONDecodable {
    /// `burst`
    public var burst: Int
    /// `normal`
    public var normal: Int

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var burstValue: Int?
        var normalValue: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "burst":
                do { burstValue = try reader.decode() } catch { throw error.prefixingPath("burst") }
            case "normal":
                do { normalValue = try reader.decode() } catch { throw error.prefixingPath("normal") }
            default: try reader.skipValue()
            }
        }
        self.burst = try reader.require(burstValue, "burst")
        self.normal = try reader.require(normalValue, "normal")
    }
}
