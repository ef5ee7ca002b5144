import ApusModel

extension DiscordREST {
    /// `POST /channels/{channel.id}/messages`: sends a message, with files as `multipart/form-data` when given.
    @discardableResult
    public func createMessage(
        channelID: Snowflake, _ payload: MessageCreatePayload, files: [FileUpload] = []
    ) async throws(DiscordHTTPError) -> Message {
        let request = try DiscordRequest(method: "POST", path: "/channels/\(channelID)/messages", json: payload, files: files)
        return try await send(request, as: Message.self)
    }

    /// `GET /channels/{channel.id}/messages/{message.id}`.
    public func getMessage(channelID: Snowflake, messageID: Snowflake) async throws(DiscordHTTPError) -> Message {
        try await send(DiscordRequest(method: "GET", path: "/channels/\(channelID)/messages/\(messageID)"), as: Message.self)
    }

    /// `GET /channels/{channel.id}/messages`: up to `limit` (1–100) messages, newest first; at most one of
    /// `before`, `after`, `around`.
    public func listMessages(
        channelID: Snowflake, limit: Int? = nil, before: Snowflake? = nil, after: Snowflake? = nil, around: Snowflake? = nil
    ) async throws(DiscordHTTPError) -> [Message] {
        var query: [(name: String, value: String)] = []
        if let limit { query.append((name: "limit", value: String(limit))) }
        if let before { query.append((name: "before", value: before.description)) }
        if let after { query.append((name: "after", value: after.description)) }
        if let around { query.append((name: "around", value: around.description)) }
        let request = DiscordRequest(method: "GET", path: "/channels/\(channelID)/messages", query: query)
        return try await send(request, as: [Message].self)
    }

    /// `PATCH /channels/{channel.id}/messages/{message.id}`.
    @discardableResult
    public func editMessage(
        channelID: Snowflake, messageID: Snowflake, _ payload: MessageEditPayload, files: [FileUpload] = []
    ) async throws(DiscordHTTPError) -> Message {
        let request = try DiscordRequest(
            method: "PATCH", path: "/channels/\(channelID)/messages/\(messageID)", json: payload, files: files)
        return try await send(request, as: Message.self)
    }

    /// `DELETE /channels/{channel.id}/messages/{message.id}`.
    public func deleteMessage(channelID: Snowflake, messageID: Snowflake, reason: String? = nil) async throws(DiscordHTTPError) {
        _ = try await send(
            DiscordRequest(method: "DELETE", path: "/channels/\(channelID)/messages/\(messageID)", auditLogReason: reason))
    }

    /// `POST /channels/{channel.id}/messages/bulk-delete`: deletes 2–100 messages younger than two weeks.
    public func bulkDeleteMessages(
        channelID: Snowflake, messageIDs: [Snowflake], reason: String? = nil
    ) async throws(DiscordHTTPError) {
        let request = try DiscordRequest(
            method: "POST", path: "/channels/\(channelID)/messages/bulk-delete",
            json: BulkDeletePayload(messages: messageIDs.map(\.description)), auditLogReason: reason)
        _ = try await send(request)
    }

    /// `POST /channels/{channel.id}/typing`: shows the typing indicator for about ten seconds.
    public func triggerTyping(channelID: Snowflake) async throws(DiscordHTTPError) {
        _ = try await send(DiscordRequest(method: "POST", path: "/channels/\(channelID)/typing"))
    }

    /// `GET /channels/{channel.id}`.
    public func getChannel(channelID: Snowflake) async throws(DiscordHTTPError) -> Channel {
        try await send(DiscordRequest(method: "GET", path: "/channels/\(channelID)"), as: Channel.self)
    }

    /// `POST /users/@me/channels`: opens (or returns) the DM channel with a user.
    public func createDM(recipientID: Snowflake) async throws(DiscordHTTPError) -> Channel {
        let request = try DiscordRequest(
            method: "POST", path: "/users/@me/channels", json: CreateDMPayload(recipientID: recipientID.description))
        return try await send(request, as: Channel.self)
    }
}
