import ApusModel

extension DiscordREST {
    /// `GET /applications/{application.id}/commands`.
    public func getGlobalApplicationCommands(applicationID: Snowflake) async throws(DiscordHTTPError) -> [ApplicationCommand] {
        try await send(DiscordRequest(method: "GET", path: "/applications/\(applicationID)/commands"), as: [ApplicationCommand].self)
    }

    /// `PUT /applications/{application.id}/commands`: replaces every global command.
    @discardableResult
    public func bulkOverwriteGlobalApplicationCommands(
        applicationID: Snowflake, _ commands: [ApplicationCommandPayload]
    ) async throws(DiscordHTTPError) -> [ApplicationCommand] {
        let request = try DiscordRequest(method: "PUT", path: "/applications/\(applicationID)/commands", json: commands)
        return try await send(request, as: [ApplicationCommand].self)
    }

    /// `GET /applications/{application.id}/guilds/{guild.id}/commands`.
    public func getGuildApplicationCommands(
        applicationID: Snowflake, guildID: Snowflake
    ) async throws(DiscordHTTPError) -> [ApplicationCommand] {
        try await send(
            DiscordRequest(method: "GET", path: "/applications/\(applicationID)/guilds/\(guildID)/commands"),
            as: [ApplicationCommand].self)
    }

    /// `PUT /applications/{application.id}/guilds/{guild.id}/commands`: replaces every command of one guild.
    @discardableResult
    public func bulkOverwriteGuildApplicationCommands(
        applicationID: Snowflake, guildID: Snowflake, _ commands: [ApplicationCommandPayload]
    ) async throws(DiscordHTTPError) -> [ApplicationCommand] {
        let request = try DiscordRequest(
            method: "PUT", path: "/applications/\(applicationID)/guilds/\(guildID)/commands", json: commands)
        return try await send(request, as: [ApplicationCommand].self)
    }

    /// `GET /gateway`: the gateway URL.
    public func getGateway() async throws(DiscordHTTPError) -> GatewayInfo {
        try await send(DiscordRequest(method: "GET", path: "/gateway"), as: GatewayInfo.self)
    }

    /// `GET /gateway/bot`: URL, recommended shard count and `session_start_limit`.
    public func getGatewayBot() async throws(DiscordHTTPError) -> GatewayBot {
        try await send(DiscordRequest(method: "GET", path: "/gateway/bot"), as: GatewayBot.self)
    }

    /// `GET /users/@me`: the bot's own user.
    public func getCurrentUser() async throws(DiscordHTTPError) -> User {
        try await send(DiscordRequest(method: "GET", path: "/users/@me"), as: User.self)
    }

    /// `GET /users/{user.id}`: any user by id (for example a banned user, who shares no server with the bot).
    public func getUser(userID: Snowflake) async throws(DiscordHTTPError) -> User {
        try await send(DiscordRequest(method: "GET", path: "/users/\(userID)"), as: User.self)
    }

    /// `GET /oauth2/applications/@me`: the bot's application.
    public func getCurrentApplication() async throws(DiscordHTTPError) -> Application {
        try await send(DiscordRequest(method: "GET", path: "/oauth2/applications/@me"), as: Application.self)
    }
}
