/// Users, members, roles, channels, messages and attachments referenced by an interaction, keyed by id.
public struct ResolvedData: Sendable, Hashable, JSONDecodable {
    /// `users`
    public var users: [Snowflake:User]?
    /// `members`
    public var members: [Snowflake:GuildMember]?
    /// `roles`
    public var roles: [Snowflake:Role]?
    /// `channels`
    public var channels: [Snowflake:Channel]?
    /// `messages`
    public var messages: [Snowflake:Message]?
    /// `attachments`
    public var attachments: [Snowflake:Attachment]?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "users":
                do { self.users = try reader.decodeNullable() } catch { throw error.prefixingPath("users") }
            case "members":
                do { self.members = try reader.decodeNullable() } catch { throw error.prefixingPath("members") }
            case "roles":
                do { self.roles = try reader.decodeNullable() } catch { throw error.prefixingPath("roles") }
            case "channels":
                do { self.channels = try reader.decodeNullable() } catch { throw error.prefixingPath("channels") }
            case "messages":
                do { self.messages = try reader.decodeNullable() } catch { throw error.prefixingPath("messages") }
            case "attachments":
                do { self.attachments = try reader.decodeNullable() } catch { throw error.prefixingPath("attachments") }
            default: try reader.skipValue()
            }
        }
    }
}
