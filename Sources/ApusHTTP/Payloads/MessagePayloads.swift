import ApusModel

/// The body of `POST /channels/{channel.id}/messages` (and of interaction replies and follow-ups).
public struct MessageCreatePayload: Encodable, Sendable, Hashable {
    /// Text, up to 2,000 characters.
    public var content: String?
    /// Text-to-speech.
    public var tts: Bool?
    /// Up to 10 embeds.
    public var embeds: [EmbedPayload]?
    /// Which mentions ping.
    public var allowedMentions: AllowedMentions?
    /// Makes the message a reply.
    public var messageReference: MessageReferencePayload?
    /// Message components (action rows, buttons, selects) as raw JSON.
    public var components: [JSONValue]?
    /// Message flags (e.g. 64 = ephemeral for interaction replies, 4 = suppress embeds).
    public var flags: Int?
    /// Metadata of uploaded files (`id` = index in the upload list).
    public var attachments: [AttachmentMetadata]?
    /// A client-chosen id of at most 25 characters, echoed in the created message and its `MESSAGE_CREATE`.
    public var nonce: String?
    /// With a ``nonce``: if the same author created a message with the same nonce in the past few minutes, Discord
    /// returns that message instead of creating another (a safe retry of a create whose answer was lost).
    public var enforceNonce: Bool?

    /// Creates a message body.
    public init(
        content: String? = nil, tts: Bool? = nil, embeds: [EmbedPayload]? = nil, allowedMentions: AllowedMentions? = nil,
        messageReference: MessageReferencePayload? = nil, components: [JSONValue]? = nil, flags: Int? = nil,
        attachments: [AttachmentMetadata]? = nil, nonce: String? = nil, enforceNonce: Bool? = nil
    ) {
        self.nonce = nonce
        self.enforceNonce = enforceNonce
        self.content = content
        self.tts = tts
        self.embeds = embeds
        self.allowedMentions = allowedMentions
        self.messageReference = messageReference
        self.components = components
        self.flags = flags
        self.attachments = attachments
    }

    enum CodingKeys: String, CodingKey {
        case content, tts, embeds, components, flags, attachments, nonce
        case allowedMentions = "allowed_mentions"
        case messageReference = "message_reference"
        case enforceNonce = "enforce_nonce"
    }
}

/// The body of `PATCH /channels/{channel.id}/messages/{message.id}` (and of interaction response edits).
public struct MessageEditPayload: Encodable, Sendable, Hashable {
    /// New text.
    public var content: String?
    /// New embeds (an empty array removes them).
    public var embeds: [EmbedPayload]?
    /// Which mentions ping.
    public var allowedMentions: AllowedMentions?
    /// New components (an empty array removes them).
    public var components: [JSONValue]?
    /// New flags.
    public var flags: Int?
    /// Attachments to keep and new uploads' metadata.
    public var attachments: [AttachmentMetadata]?

    /// Creates an edit body; absent fields are left unchanged.
    public init(
        content: String? = nil, embeds: [EmbedPayload]? = nil, allowedMentions: AllowedMentions? = nil,
        components: [JSONValue]? = nil, flags: Int? = nil, attachments: [AttachmentMetadata]? = nil
    ) {
        self.content = content
        self.embeds = embeds
        self.allowedMentions = allowedMentions
        self.components = components
        self.flags = flags
        self.attachments = attachments
    }

    enum CodingKeys: String, CodingKey {
        case content, embeds, components, flags, attachments
        case allowedMentions = "allowed_mentions"
    }
}

/// Controls which mentions in a message notify.
public struct AllowedMentions: Encodable, Sendable, Hashable {
    /// Mention kinds parsed from the content: `"roles"`, `"users"`, `"everyone"`.
    public var parse: [String]?
    /// Roles that may be pinged.
    public var roles: [Snowflake]?
    /// Users that may be pinged.
    public var users: [Snowflake]?
    /// Whether the author of the replied-to message is pinged.
    public var repliedUser: Bool?

    /// Creates allowed mentions; `AllowedMentions(parse: [])` suppresses every ping.
    public init(parse: [String]? = nil, roles: [Snowflake]? = nil, users: [Snowflake]? = nil, repliedUser: Bool? = nil) {
        self.parse = parse
        self.roles = roles
        self.users = users
        self.repliedUser = repliedUser
    }

    enum CodingKeys: String, CodingKey {
        case parse, roles, users
        case repliedUser = "replied_user"
    }

    /// Encodes the payload with Discord's snake_case keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(parse, forKey: .parse)
        try container.encodeIfPresent(roles?.map(\.description), forKey: .roles)
        try container.encodeIfPresent(users?.map(\.description), forKey: .users)
        try container.encodeIfPresent(repliedUser, forKey: .repliedUser)
    }
}

/// Makes a message a reply to (or forward of) another message.
public struct MessageReferencePayload: Encodable, Sendable, Hashable {
    /// The referenced message.
    public var messageID: Snowflake
    /// Its channel (optional for replies in the same channel).
    public var channelID: Snowflake?
    /// Its guild.
    public var guildID: Snowflake?
    /// Whether sending fails when the message no longer exists (Discord's default: true).
    public var failIfNotExists: Bool?

    /// Creates a reference.
    public init(messageID: Snowflake, channelID: Snowflake? = nil, guildID: Snowflake? = nil, failIfNotExists: Bool? = nil) {
        self.messageID = messageID
        self.channelID = channelID
        self.guildID = guildID
        self.failIfNotExists = failIfNotExists
    }

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
        case channelID = "channel_id"
        case guildID = "guild_id"
        case failIfNotExists = "fail_if_not_exists"
    }

    /// Encodes the payload with Discord's snake_case keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(messageID.description, forKey: .messageID)
        try container.encodeIfPresent(channelID?.description, forKey: .channelID)
        try container.encodeIfPresent(guildID?.description, forKey: .guildID)
        try container.encodeIfPresent(failIfNotExists, forKey: .failIfNotExists)
    }
}

/// Metadata of an uploaded (or kept) attachment.
public struct AttachmentMetadata: Encodable, Sendable, Hashable {
    /// For a new upload: its index in the file list; for a kept attachment: its snowflake.
    public var id: String
    /// The file name.
    public var filename: String?
    /// Alt text.
    public var description: String?

    /// Metadata for the upload at `index` in the file list.
    public init(index: Int, filename: String? = nil, description: String? = nil) {
        id = String(index)
        self.filename = filename
        self.description = description
    }

    /// Metadata that keeps an existing attachment when editing.
    public init(existing id: Snowflake) {
        self.id = id.description
    }
}

/// The body of `POST /channels/{channel.id}/messages/bulk-delete`.
struct BulkDeletePayload: Encodable, Sendable {
    var messages: [String]
}

/// The body of `POST /users/@me/channels`.
struct CreateDMPayload: Encodable, Sendable {
    var recipientID: String

    enum CodingKeys: String, CodingKey {
        case recipientID = "recipient_id"
    }
}
