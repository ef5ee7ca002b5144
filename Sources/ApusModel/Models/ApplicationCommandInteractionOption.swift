/// An option (or sub-command) value in an application-command interaction.
public struct ApplicationCommandInteractionOption: Sendable, Hashable, JSONDecodable {
    /// `name`
    public var name: String
    /// `type`
    public var `type`: ApplicationCommandOptionType
    /// `value`
    public var value: RawJSON?
    /// `options`
    public var options: [ApplicationCommandInteractionOption]?
    /// `focused`
    public var focused: Bool?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        // Options nest recursively: keep the recursion bounded on small thread stacks.
        try reader.checkModelNesting()
        var nameValue: String?
        var typeValue: ApplicationCommandOptionType?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "type":
                do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
            case "value":
                do { self.value = try reader.decodeNullable() } catch { throw error.prefixingPath("value") }
            case "options":
                do { self.options = try reader.decodeNullable() } catch { throw error.prefixingPath("options") }
            case "focused":
                do { self.focused = try reader.decodeNullable() } catch { throw error.prefixingPath("focused") }
            default: try reader.skipValue()
            }
        }
        self.name = try reader.require(nameValue, "name")
        self.type = try reader.require(typeValue, "type")
    }
}
