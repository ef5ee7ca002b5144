import ApusModel

/// Encodes the commands the state machine asks for with ApusModel's command types.
enum GatewayCommandEncoding {
    static func heartbeat(sequence: Int?) -> [UInt8] {
        HeartbeatCommand(lastSequence: sequence).jsonBytes()
    }

    static func identify(_ configuration: ShardConfiguration) -> [UInt8] {
        IdentifyCommand(
            token: configuration.token, intents: configuration.intents, os: configuration.os,
            browser: configuration.libraryName, device: configuration.libraryName,
            largeThreshold: configuration.largeThreshold,
            shard: (id: configuration.shardID, count: configuration.shardCount),
            presence: configuration.initialPresence
        ).jsonBytes()
    }

    static func resume(token: String, session: GatewaySession) -> [UInt8] {
        ResumeCommand(token: token, sessionID: session.sessionID, sequence: session.sequence ?? 0).jsonBytes()
    }
}

extension Shard {
    /// Updates the bot's presence on this shard (op 3), behind the send budget.
    public func updatePresence(_ presence: PresenceUpdateCommand) throws(GatewayError) {
        try send(payload: presence.jsonBytes())
    }

    /// Requests guild members (op 8); they arrive as GUILD_MEMBERS_CHUNK dispatches (or RATE_LIMITED).
    public func requestGuildMembers(_ request: RequestGuildMembersCommand) throws(GatewayError) {
        try send(payload: request.jsonBytes())
    }
}
