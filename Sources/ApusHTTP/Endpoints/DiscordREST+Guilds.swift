import ApusModel

extension DiscordREST {
    /// `GET /guilds/{guild.id}`; `withCounts` adds approximate member and presence counts.
    public func getGuild(guildID: Snowflake, withCounts: Bool = false) async throws(DiscordHTTPError) -> Guild {
        let query: [(name: String, value: String)] = withCounts ? [(name: "with_counts", value: "true")] : []
        return try await send(DiscordRequest(method: "GET", path: "/guilds/\(guildID)", query: query), as: Guild.self)
    }

    /// `GET /guilds/{guild.id}/roles`.
    public func listGuildRoles(guildID: Snowflake) async throws(DiscordHTTPError) -> [Role] {
        try await send(DiscordRequest(method: "GET", path: "/guilds/\(guildID)/roles"), as: [Role].self)
    }

    /// `GET /guilds/{guild.id}/members/{user.id}`.
    public func getGuildMember(guildID: Snowflake, userID: Snowflake) async throws(DiscordHTTPError) -> GuildMember {
        try await send(DiscordRequest(method: "GET", path: "/guilds/\(guildID)/members/\(userID)"), as: GuildMember.self)
    }

    /// `GET /guilds/{guild.id}/members`: up to `limit` (1–1000) members with ids above `after`.
    public func listGuildMembers(
        guildID: Snowflake, limit: Int? = nil, after: Snowflake? = nil
    ) async throws(DiscordHTTPError) -> [GuildMember] {
        var query: [(name: String, value: String)] = []
        if let limit { query.append((name: "limit", value: String(limit))) }
        if let after { query.append((name: "after", value: after.description)) }
        return try await send(
            DiscordRequest(method: "GET", path: "/guilds/\(guildID)/members", query: query), as: [GuildMember].self)
    }

    /// `PATCH /guilds/{guild.id}/members/{user.id}`: nickname, roles, timeout (`communication_disabled_until`), voice.
    @discardableResult
    public func modifyGuildMember(
        guildID: Snowflake, userID: Snowflake, _ payload: ModifyGuildMemberPayload, reason: String? = nil
    ) async throws(DiscordHTTPError) -> GuildMember {
        let request = try DiscordRequest(
            method: "PATCH", path: "/guilds/\(guildID)/members/\(userID)", json: payload, auditLogReason: reason)
        return try await send(request, as: GuildMember.self)
    }

    /// Times a member out until `until` (ISO 8601, at most 28 days ahead), or lifts the timeout when nil.
    @discardableResult
    public func timeoutGuildMember(
        guildID: Snowflake, userID: Snowflake, until: String?, reason: String? = nil
    ) async throws(DiscordHTTPError) -> GuildMember {
        let payload = ModifyGuildMemberPayload(communicationDisabledUntil: until.map { .value($0) } ?? .null)
        return try await modifyGuildMember(guildID: guildID, userID: userID, payload, reason: reason)
    }

    /// `DELETE /guilds/{guild.id}/members/{user.id}`: kicks a member (they may join again with an invite).
    public func removeGuildMember(guildID: Snowflake, userID: Snowflake, reason: String? = nil) async throws(DiscordHTTPError) {
        _ = try await send(DiscordRequest(method: "DELETE", path: "/guilds/\(guildID)/members/\(userID)", auditLogReason: reason))
    }

    /// `PUT /guilds/{guild.id}/members/{user.id}/roles/{role.id}`.
    public func addGuildMemberRole(
        guildID: Snowflake, userID: Snowflake, roleID: Snowflake, reason: String? = nil
    ) async throws(DiscordHTTPError) {
        _ = try await send(DiscordRequest(
            method: "PUT", path: "/guilds/\(guildID)/members/\(userID)/roles/\(roleID)", auditLogReason: reason))
    }

    /// `DELETE /guilds/{guild.id}/members/{user.id}/roles/{role.id}`.
    public func removeGuildMemberRole(
        guildID: Snowflake, userID: Snowflake, roleID: Snowflake, reason: String? = nil
    ) async throws(DiscordHTTPError) {
        _ = try await send(DiscordRequest(
            method: "DELETE", path: "/guilds/\(guildID)/members/\(userID)/roles/\(roleID)", auditLogReason: reason))
    }

    /// `PUT /guilds/{guild.id}/bans/{user.id}`; `deleteMessageSeconds` (0–604800) deletes the user's recent messages.
    public func createGuildBan(
        guildID: Snowflake, userID: Snowflake, deleteMessageSeconds: Int? = nil, reason: String? = nil
    ) async throws(DiscordHTTPError) {
        let request = try DiscordRequest(
            method: "PUT", path: "/guilds/\(guildID)/bans/\(userID)",
            json: CreateBanPayload(deleteMessageSeconds: deleteMessageSeconds), auditLogReason: reason)
        _ = try await send(request)
    }

    /// `DELETE /guilds/{guild.id}/bans/{user.id}`.
    public func removeGuildBan(guildID: Snowflake, userID: Snowflake, reason: String? = nil) async throws(DiscordHTTPError) {
        _ = try await send(DiscordRequest(method: "DELETE", path: "/guilds/\(guildID)/bans/\(userID)", auditLogReason: reason))
    }

    /// `GET /guilds/{guild.id}/bans/{user.id}`.
    public func getGuildBan(guildID: Snowflake, userID: Snowflake) async throws(DiscordHTTPError) -> Ban {
        try await send(DiscordRequest(method: "GET", path: "/guilds/\(guildID)/bans/\(userID)"), as: Ban.self)
    }
}
