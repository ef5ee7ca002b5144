/// A Rich Presence activity invitation in a message.
public struct MessageActivity: Sendable, Hashable, JSONDecodable {
    /// `type`
    public var `type`: Int
    /// `party_id`
    public var partyID: String?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var typeValue: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "type":
                do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
            case "party_id":
                do { self.partyID = try reader.decodeNullable() } catch { throw error.prefixingPath("party_id") }
            default: try reader.skipValue()
            }
        }
        self.type = try reader.require(typeValue, "type")
    }
}
