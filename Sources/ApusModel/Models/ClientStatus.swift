/// Per-platform status of a user.
public struct ClientStatus: Sendable, Hashable, JSONDecodable {
    /// `desktop`
    public var desktop: PresenceStatus?
    /// `mobile`
    public var mobile: PresenceStatus?
    /// `web`
    public var web: PresenceStatus?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "desktop":
                do { self.desktop = try reader.decodeNullable() } catch { throw error.prefixingPath("desktop") }
            case "mobile":
                do { self.mobile = try reader.decodeNullable() } catch { throw error.prefixingPath("mobile") }
            case "web":
                do { self.web = try reader.decodeNullable() } catch { throw error.prefixingPath("web") }
            default: try reader.skipValue()
            }
        }
    }
}
