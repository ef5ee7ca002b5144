/// Metadata of the interaction a message answers.
public struct MessageInteractionMetadata: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `type`
    public var `type`: InteractionType
    /// `user`
    public var user: User?
    /// `authorizing_integration_owners`
    public var authorizingIntegrationOwners: RawJSON?
    /// `original_response_message_id`
    public var originalResponseMessageID: Snowflake?
    /// `interacted_message_id`
    public var interactedMessageID: Snowflake?
    /// `triggering_interaction_metadata`
    public var triggeringInteractionMetadata: RawJSON?
    /// `target_user`
    public var targetUser: User?
    /// `target_message_id`
    public var targetMessageID: Snowflake?
    /// `name`
    public var name: String?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var typeValue: InteractionType?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "type":
                do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
            case "user":
                do { self.user = try reader.decodeNullable() } catch { throw error.prefixingPath("user") }
            case "authorizing_integration_owners":
                do { self.authorizingIntegrationOwners = try reader.decodeNullable() } catch { throw error.prefixingPath("authorizing_integration_owners") }
            case "original_response_message_id":
                do { self.originalResponseMessageID = try reader.decodeNullable() } catch { throw error.prefixingPath("original_response_message_id") }
            case "interacted_message_id":
                do { self.interactedMessageID = try reader.decodeNullable() } catch { throw error.prefixingPath("interacted_message_id") }
            case "triggering_interaction_metadata":
                do { self.triggeringInteractionMetadata = try reader.decodeNullable() } catch { throw error.prefixingPath("triggering_interaction_metadata") }
            case "target_user":
                do { self.targetUser = try reader.decodeNullable() } catch { throw error.prefixingPath("target_user") }
            case "target_message_id":
                do { self.targetMessageID = try reader.decodeNullable() } catch { throw error.prefixingPath("target_message_id") }
            case "name":
                do { self.name = try reader.decodeNullable() } catch { throw error.prefixingPath("name") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.type = try reader.require(typeValue, "type")
    }
}
