import ApusModel

/// A field that can be left unchanged (nil), set to a value, or cleared with JSON `null`.
public enum Nullable<Value: Sendable & Hashable>: Sendable, Hashable {
    /// Set the field to this value.
    case value(Value)
    /// Clear the field (sends `null`).
    case null
}

/// The body of `PATCH /guilds/{guild.id}/members/{user.id}`; absent fields are left unchanged.
public struct ModifyGuildMemberPayload: Encodable, Sendable, Hashable {
    /// The nickname, or `.null` to remove it.
    public var nick: Nullable<String>?
    /// The full list of role ids.
    public var roles: [Snowflake]?
    /// Timeout end as an ISO 8601 timestamp (up to 28 days ahead), or `.null` to lift a timeout.
    public var communicationDisabledUntil: Nullable<String>?
    /// Server-mute in voice.
    public var mute: Bool?
    /// Server-deafen in voice.
    public var deaf: Bool?

    /// Creates a member edit.
    public init(
        nick: Nullable<String>? = nil, roles: [Snowflake]? = nil, communicationDisabledUntil: Nullable<String>? = nil,
        mute: Bool? = nil, deaf: Bool? = nil
    ) {
        self.nick = nick
        self.roles = roles
        self.communicationDisabledUntil = communicationDisabledUntil
        self.mute = mute
        self.deaf = deaf
    }

    enum CodingKeys: String, CodingKey {
        case nick, roles, mute, deaf
        case communicationDisabledUntil = "communication_disabled_until"
    }

    /// Encodes the payload with Discord's snake_case keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch nick {
        case .value(let value): try container.encode(value, forKey: .nick)
        case .null: try container.encodeNil(forKey: .nick)
        case nil: break
        }
        try container.encodeIfPresent(roles?.map(\.description), forKey: .roles)
        switch communicationDisabledUntil {
        case .value(let value): try container.encode(value, forKey: .communicationDisabledUntil)
        case .null: try container.encodeNil(forKey: .communicationDisabledUntil)
        case nil: break
        }
        try container.encodeIfPresent(mute, forKey: .mute)
        try container.encodeIfPresent(deaf, forKey: .deaf)
    }
}

/// The body of `PUT /guilds/{guild.id}/bans/{user.id}`.
struct CreateBanPayload: Encodable, Sendable {
    var deleteMessageSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case deleteMessageSeconds = "delete_message_seconds"
    }
}
