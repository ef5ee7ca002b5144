/// Start/end Unix milliseconds of an activity.
public struct ActivityTimestamps: Sendable, Hashable, JSONDecodable {
    /// `start`
    public var start: Int64?
    /// `end`
    public var end: Int64?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "start":
                do { self.start = try reader.decodeNullable() } catch { throw error.prefixingPath("start") }
            case "end":
                do { self.end = try reader.decodeNullable() } catch { throw error.prefixingPath("end") }
            default: try reader.skipValue()
            }
        }
    }
}
