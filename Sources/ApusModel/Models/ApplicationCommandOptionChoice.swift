/// A predefined choice of a command option.
public struct ApplicationCommandOptionChoice: Sendable, Hashable, JSONDecodable {
    /// `name`
    public var name: String
    /// `value`
    public var value: RawJSON

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var nameValue: String?
        var valueValue: RawJSON?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "value":
                do { valueValue = try reader.decode() } catch { throw error.prefixingPath("value") }
            default: try reader.skipValue()
            }
        }
        self.name = try reader.require(nameValue, "name")
        self.value = try reader.require(valueValue, "value")
    }
}
