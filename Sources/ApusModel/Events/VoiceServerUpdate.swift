/// A VOICE_SERVER_UPDATE body.
public struct VoiceServerUpdate: Sendable, Hashable, JSONDecodable {
    /// `token`
    public var token: String
    /// `guild_id`
    public var guildID: Snowflake
    /// `endpoint`
    public var endpoint: String?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedEndpoint: String? = nil
        var tokenValue: String?
        var guildIDValue: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "token":
                do { tokenValue = try reader.decode() } catch { throw error.prefixingPath("token") }
            case "guild_id":
                do { guildIDValue = try reader.decode() } catch { throw error.prefixingPath("guild_id") }
            case "endpoint":
                do { decodedEndpoint = try reader.decodeNullable() } catch { throw error.prefixingPath("endpoint") }
            default: try reader.skipValue()
            }
        }
        self.token = try reader.require(tokenValue, "token")
        self.guildID = try reader.require(guildIDValue, "guild_id")
        self.endpoint = decodedEndpoint
    }
}
