/// Tags that describe a managed, premium or linked role (presence of a null-valued key means true).
public struct RoleTags: Sendable, Hashable, JSONDecodable {
    /// `bot_id`
    public var botID: Snowflake?
    /// `integration_id`
    public var integrationID: Snowflake?
    /// `subscription_listing_id`
    public var subscriptionListingID: Snowflake?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "bot_id":
                do { self.botID = try reader.decodeNullable() } catch { throw error.prefixingPath("bot_id") }
            case "integration_id":
                do { self.integrationID = try reader.decodeNullable() } catch { throw error.prefixingPath("integration_id") }
            case "subscription_listing_id":
                do { self.subscriptionListingID = try reader.decodeNullable() } catch { throw error.prefixingPath("subscription_listing_id") }
            default: try reader.skipValue()
            }
        }
    }
}
