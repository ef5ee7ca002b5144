/// Op 2 IDENTIFY.
public struct IdentifyCommand: Sendable, Hashable {
    /// The bot token.
    public var token: String
    /// Gateway intents.
    public var intents: Intents
    /// `properties.os`.
    public var os: String
    /// `properties.browser`.
    public var browser: String
    /// `properties.device`.
    public var device: String
    /// Whether to request payload compression (ignored by Discord when transport compression is on).
    public var compress: Bool?
    /// Member count above which offline members are not sent (50–250).
    public var largeThreshold: Int?
    /// `[shard_id, num_shards]`.
    public var shard: (id: Int, count: Int)?
    /// Initial presence.
    public var presence: PresenceUpdateCommand?

    /// Creates an identify command.
    public init(token: String, intents: Intents, os: String = "linux", browser: String = "apus", device: String = "apus",
                compress: Bool? = nil, largeThreshold: Int? = nil, shard: (id: Int, count: Int)? = nil,
                presence: PresenceUpdateCommand? = nil) {
        self.token = token
        self.intents = intents
        self.os = os
        self.browser = browser
        self.device = device
        self.compress = compress
        self.largeThreshold = largeThreshold
        self.shard = shard
        self.presence = presence
    }

    /// Equality including the shard tuple.
    public static func == (lhs: IdentifyCommand, rhs: IdentifyCommand) -> Bool {
        lhs.token == rhs.token && lhs.intents == rhs.intents && lhs.os == rhs.os && lhs.browser == rhs.browser
            && lhs.device == rhs.device && lhs.compress == rhs.compress && lhs.largeThreshold == rhs.largeThreshold
            && lhs.shard?.id == rhs.shard?.id && lhs.shard?.count == rhs.shard?.count && lhs.presence == rhs.presence
    }

    /// Hashes the token and intents (enough to be consistent with `==`).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(token)
        hasher.combine(intents)
    }

    /// The frame `{"op":2,"d":{…}}`.
    public func jsonBytes() -> [UInt8] {
        JSONWriter.frame(opcode: .identify) { writer in
            writer.beginObject()
            writer.key("token"); writer.string(token)
            writer.key("properties")
            writer.beginObject()
            writer.key("os"); writer.string(os)
            writer.key("browser"); writer.string(browser)
            writer.key("device"); writer.string(device)
            writer.endObject()
            if let compress { writer.key("compress"); writer.bool(compress) }
            if let largeThreshold { writer.key("large_threshold"); writer.integer(largeThreshold) }
            if let shard {
                writer.key("shard")
                writer.beginArray(); writer.integer(shard.id); writer.integer(shard.count); writer.endArray()
            }
            if let presence { writer.key("presence"); presence.writeBody(to: &writer) }
            writer.key("intents"); writer.integer(intents.rawValue)
            writer.endObject()
        }
    }
}
