/// The `data` of an interaction: command name/options/resolved, component custom_id/values, or modal components.
public struct InteractionData: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake?
    /// `name`
    public var name: String?
    /// `type`
    public var `type`: Int?
    /// `resolved`
    public var resolved: ResolvedData?
    /// `options`
    public var options: [ApplicationCommandInteractionOption]?
    /// `guild_id`
    public var guildID: Snowflake?
    /// `target_id`
    public var targetID: Snowflake?
    /// `custom_id`
    public var customID: String?
    /// `component_type`
    public var componentType: ComponentType?
    /// `values`
    public var values: [String]?
    /// `components`
    public var components: RawJSON?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { self.id = try reader.decodeNullable() } catch { throw error.prefixingPath("id") }
            case "name":
                do { self.name = try reader.decodeNullable() } catch { throw error.prefixingPath("name") }
            case "type":
                do { self.type = try reader.decodeNullable() } catch { throw error.prefixingPath("type") }
            case "resolved":
                do { self.resolved = try reader.decodeNullable() } catch { throw error.prefixingPath("resolved") }
            case "options":
                do { self.options = try reader.decodeNullable() } catch { throw error.prefixingPath("options") }
            case "guild_id":
                do { self.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "target_id":
                do { self.targetID = try reader.decodeNullable() } catch { throw error.prefixingPath("target_id") }
            case "custom_id":
                do { self.customID = try reader.decodeNullable() } catch { throw error.prefixingPath("custom_id") }
            case "component_type":
                do { self.componentType = try reader.decodeNullable() } catch { throw error.prefixingPath("component_type") }
            case "values":
                do { self.values = try reader.decodeNullable() } catch { throw error.prefixingPath("values") }
            case "components":
                do { self.components = try reader.decodeNullable() } catch { throw error.prefixingPath("components") }
            default: try reader.skipValue()
            }
        }
    }
}
