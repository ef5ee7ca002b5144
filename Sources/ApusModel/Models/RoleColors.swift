/// A role's colour set (primary plus optional gradient colours).
public struct RoleColors: Sendable, Hashable, JSONDecodable {
    /// `primary_color`
    public var primaryColor: Int
    /// `secondary_color`
    public var secondaryColor: Int?
    /// `tertiary_color`
    public var tertiaryColor: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var primaryColorValue: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "primary_color":
                do { primaryColorValue = try reader.decode() } catch { throw error.prefixingPath("primary_color") }
            case "secondary_color":
                do { self.secondaryColor = try reader.decodeNullable() } catch { throw error.prefixingPath("secondary_color") }
            case "tertiary_color":
                do { self.tertiaryColor = try reader.decodeNullable() } catch { throw error.prefixingPath("tertiary_color") }
            default: try reader.skipValue()
            }
        }
        self.primaryColor = try reader.require(primaryColorValue, "primary_color")
    }
}
