/// Route dispatch and the access checks routes share.
extension SimulatorREST {
    /// Runs the handler of `match`.
    func route(_ match: RESTRouteMatch, call: RESTCall, body: RESTBody) -> RESTOutcome {
        switch match.key {
        case "GET /gateway", "GET /gateway/bot", "GET /users/@me", "GET /oauth2/applications/@me", "GET /users/{user_id}",
            "POST /users/@me/channels":
            return userRoute(match, call: call, body: body)
        case "GET /channels/{channel_id}", "GET /channels/{channel_id}/messages", "POST /channels/{channel_id}/messages",
            "GET /channels/{channel_id}/messages/{message_id}", "PATCH /channels/{channel_id}/messages/{message_id}",
            "DELETE /channels/{channel_id}/messages/{message_id}", "POST /channels/{channel_id}/messages/bulk-delete",
            "POST /channels/{channel_id}/typing":
            return messageRoute(match, call: call, body: body)
        case _ where match.template.contains("/reactions/"):
            return reactionRoute(match, call: call)
        case _ where match.template.hasPrefix("/guilds/"):
            return guildRoute(match, call: call, body: body)
        case _ where match.template.hasPrefix("/interactions/") || match.template.hasPrefix("/webhooks/"):
            return interactionRoute(match, call: call, body: body)
        case _ where match.template.hasPrefix("/applications/"):
            return commandRoute(match, call: call, body: body)
        default:
            return RESTOutcome(RESTResponses.error(404, code: 0, message: "404: Not Found"))
        }
    }

    /// The bot's permissions in `channel` of `guild`.
    func botPermissions(guild: WorldGuild, channel: WorldChannel) -> UInt64 {
        let roles = guild.member(configuration.botUserID)?.roleIDs ?? []
        return SimulatorPermission.inChannel(
            guild: guild, channel: channel, memberUserID: configuration.botUserID, roleIDs: roles)
    }

    /// The bot's guild-level permissions.
    func botGuildPermissions(_ guild: WorldGuild) -> UInt64 {
        let roles = guild.member(configuration.botUserID)?.roleIDs ?? []
        return SimulatorPermission.base(guild: guild, memberUserID: configuration.botUserID, roleIDs: roles)
    }

    /// The bot's highest role position in `guild` (the owner counts as above everything).
    func botTopPosition(_ guild: WorldGuild) -> Int {
        if guild.ownerID == configuration.botUserID { return Int.max }
        return guild.topPosition(of: guild.member(configuration.botUserID)?.roleIDs ?? [])
    }

    /// Whether the bot may act on `target` (hierarchy: the target's top role must be below the bot's; the owner is
    /// untouchable).
    func botOutranks(_ target: WorldMember, in guild: WorldGuild) -> Bool {
        if target.userID == guild.ownerID { return false }
        if target.userID == configuration.botUserID { return true }
        return guild.topPosition(of: target.roleIDs) < botTopPosition(guild)
    }

    /// Looks up a channel the bot can see, answering 404 10003 or 403 50001 (Missing Access) otherwise.
    func visibleChannel(
        _ state: WorldState, _ channelID: UInt64?
    ) -> Result<(guild: WorldGuild?, channel: WorldChannel), RESTRejection> {
        guard let channelID, let located = state.channel(channelID) else {
            return .failure(RESTRejection(response: RESTResponses.unknown(.channel)))
        }
        guard let guildIndex = located.guildIndex else {
            guard located.channel.recipientIDs.contains(configuration.botUserID) else {
                return .failure(RESTRejection(response: RESTResponses.error(403, code: 50001, message: "Missing Access")))
            }
            return .success((nil, located.channel))
        }
        let guild = state.guilds[guildIndex]
        guard botPermissions(guild: guild, channel: located.channel) & SimulatorPermission.viewChannel != 0 else {
            return .failure(RESTRejection(response: RESTResponses.error(403, code: 50001, message: "Missing Access")))
        }
        return .success((guild, located.channel))
    }

    /// Whether the bot has every bit of `needed` in the channel (always true in DMs).
    func botHas(_ needed: UInt64, guild: WorldGuild?, channel: WorldChannel) -> Bool {
        guard let guild else { return true }
        return botPermissions(guild: guild, channel: channel) & needed == needed
    }
}
