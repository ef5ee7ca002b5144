import ApusModel

extension DiscordREST {
    /// `PUT /channels/{channel.id}/messages/{message.id}/reactions/{emoji}/@me`. `emoji` is a Unicode emoji
    /// (`"👍"`) or a custom emoji as `name:id`; it is percent-encoded here.
    public func addReaction(channelID: Snowflake, messageID: Snowflake, emoji: String) async throws(DiscordHTTPError) {
        _ = try await send(DiscordRequest(method: "PUT", path: reactionPath(channelID, messageID, emoji) + "/@me"))
    }

    /// `DELETE /channels/{channel.id}/messages/{message.id}/reactions/{emoji}/@me`.
    public func removeOwnReaction(channelID: Snowflake, messageID: Snowflake, emoji: String) async throws(DiscordHTTPError) {
        _ = try await send(DiscordRequest(method: "DELETE", path: reactionPath(channelID, messageID, emoji) + "/@me"))
    }

    /// `DELETE /channels/{channel.id}/messages/{message.id}/reactions/{emoji}/{user.id}`.
    public func removeUserReaction(
        channelID: Snowflake, messageID: Snowflake, emoji: String, userID: Snowflake
    ) async throws(DiscordHTTPError) {
        _ = try await send(DiscordRequest(method: "DELETE", path: reactionPath(channelID, messageID, emoji) + "/\(userID)"))
    }

    private func reactionPath(_ channelID: Snowflake, _ messageID: Snowflake, _ emoji: String) -> String {
        "/channels/\(channelID)/messages/\(messageID)/reactions/" + PathEncoding.component(emoji)
    }
}
