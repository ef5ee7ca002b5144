/// The partial application in READY.
public struct ReadyApplication: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `flags`
    public var flags: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "flags":
                do { self.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
    }
}
