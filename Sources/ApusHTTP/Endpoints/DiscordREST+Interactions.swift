import ApusModel

extension DiscordREST {
    /// `POST /interactions/{interaction.id}/{interaction.token}/callback` (exempt from the global limit).
    public func createInteractionResponse(
        interactionID: Snowflake, token: String, _ response: InteractionResponse, files: [FileUpload] = []
    ) async throws(DiscordHTTPError) {
        let request = try DiscordRequest(
            method: "POST", path: "/interactions/\(interactionID)/\(PathEncoding.component(token))/callback",
            json: response, files: files)
        _ = try await send(request)
    }

    /// `GET /webhooks/{application.id}/{interaction.token}/messages/@original`.
    public func getOriginalInteractionResponse(applicationID: Snowflake, token: String) async throws(DiscordHTTPError) -> Message {
        try await send(DiscordRequest(method: "GET", path: webhookPath(applicationID, token) + "/messages/@original"), as: Message.self)
    }

    /// `PATCH /webhooks/{application.id}/{interaction.token}/messages/@original`.
    @discardableResult
    public func editOriginalInteractionResponse(
        applicationID: Snowflake, token: String, _ payload: MessageEditPayload, files: [FileUpload] = []
    ) async throws(DiscordHTTPError) -> Message {
        let request = try DiscordRequest(
            method: "PATCH", path: webhookPath(applicationID, token) + "/messages/@original", json: payload, files: files)
        return try await send(request, as: Message.self)
    }

    /// `DELETE /webhooks/{application.id}/{interaction.token}/messages/@original`.
    public func deleteOriginalInteractionResponse(applicationID: Snowflake, token: String) async throws(DiscordHTTPError) {
        _ = try await send(DiscordRequest(method: "DELETE", path: webhookPath(applicationID, token) + "/messages/@original"))
    }

    /// `POST /webhooks/{application.id}/{interaction.token}`: a follow-up message.
    @discardableResult
    public func createFollowupMessage(
        applicationID: Snowflake, token: String, _ payload: MessageCreatePayload, files: [FileUpload] = []
    ) async throws(DiscordHTTPError) -> Message {
        let request = try DiscordRequest(method: "POST", path: webhookPath(applicationID, token), json: payload, files: files)
        return try await send(request, as: Message.self)
    }

    /// `PATCH /webhooks/{application.id}/{interaction.token}/messages/{message.id}`.
    @discardableResult
    public func editFollowupMessage(
        applicationID: Snowflake, token: String, messageID: Snowflake, _ payload: MessageEditPayload,
        files: [FileUpload] = []
    ) async throws(DiscordHTTPError) -> Message {
        let request = try DiscordRequest(
            method: "PATCH", path: webhookPath(applicationID, token) + "/messages/\(messageID)", json: payload, files: files)
        return try await send(request, as: Message.self)
    }

    /// `DELETE /webhooks/{application.id}/{interaction.token}/messages/{message.id}`.
    public func deleteFollowupMessage(applicationID: Snowflake, token: String, messageID: Snowflake) async throws(DiscordHTTPError) {
        _ = try await send(DiscordRequest(method: "DELETE", path: webhookPath(applicationID, token) + "/messages/\(messageID)"))
    }

    private func webhookPath(_ applicationID: Snowflake, _ token: String) -> String {
        "/webhooks/\(applicationID)/" + PathEncoding.component(token)
    }
}
