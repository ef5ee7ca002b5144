/// An option of an application command (REST).
public struct ApplicationCommandOption: Sendable, Hashable, JSONDecodable {
    /// `type`
    public var `type`: ApplicationCommandOptionType
    /// `name`
    public var name: String
    /// `description`
    public var description: String
    /// `required`
    public var required: Bool?
    /// `choices`
    public var choices: [ApplicationCommandOptionChoice]?
    /// `options`
    public var options: [ApplicationCommandOption]?
    /// `channel_types`
    public var channelTypes: [ChannelType]?
    /// `min_value`
    public var minValue: Double?
    /// `max_value`
    public var maxValue: Double?
    /// `min_length`
    public var minLength: Int?
    /// `max_length`
    public var maxLength: Int?
    /// `autocomplete`
    public var autocomplete: Bool?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        // Options nest recursively: keep the recursion bounded on small thread stacks.
        try reader.checkModelNesting()
        var typeValue: ApplicationCommandOptionType?
        var nameValue: String?
        var descriptionValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "type":
                do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "description":
                do { descriptionValue = try reader.decode() } catch { throw error.prefixingPath("description") }
            case "required":
                do { self.required = try reader.decodeNullable() } catch { throw error.prefixingPath("required") }
            case "choices":
                do { self.choices = try reader.decodeNullable() } catch { throw error.prefixingPath("choices") }
            case "options":
                do { self.options = try reader.decodeNullable() } catch { throw error.prefixingPath("options") }
            case "channel_types":
                do { self.channelTypes = try reader.decodeNullable() } catch { throw error.prefixingPath("channel_types") }
            case "min_value":
                do { self.minValue = try reader.decodeNullable() } catch { throw error.prefixingPath("min_value") }
            case "max_value":
                do { self.maxValue = try reader.decodeNullable() } catch { throw error.prefixingPath("max_value") }
            case "min_length":
                do { self.minLength = try reader.decodeNullable() } catch { throw error.prefixingPath("min_length") }
            case "max_length":
                do { self.maxLength = try reader.decodeNullable() } catch { throw error.prefixingPath("max_length") }
            case "autocomplete":
                do { self.autocomplete = try reader.decodeNullable() } catch { throw error.prefixingPath("autocomplete") }
            default: try reader.skipValue()
            }
        }
        self.type = try reader.require(typeValue, "type")
        self.name = try reader.require(nameValue, "name")
        self.description = try reader.require(descriptionValue, "description")
    }
}
