/// A guild that is not (yet) available: in READY, GUILD_DELETE and outages.
public struct UnavailableGuild: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `unavailable`
    public var unavailable: Bool?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "unavailable":
                do { self.unavailable = try reader.decodeNullable() } catch { throw error.prefixingPath("unavailable") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
    }
}
