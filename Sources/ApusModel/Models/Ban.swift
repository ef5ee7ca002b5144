/// A guild ban.
public struct Ban: Sendable, Hashable, JSONDecodable {
    /// `reason`
    public var reason: String?
    /// `user`
    public var user: User

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var userValue: User?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "reason":
                do { self.reason = try reader.decodeNullable() } catch { throw error.prefixingPath("reason") }
            case "user":
                do { userValue = try reader.decode() } catch { throw error.prefixingPath("user") }
            default: try reader.skipValue()
            }
        }
        self.user = try reader.require(userValue, "user")
    }
}
