import Foundation

/// Guild, role, member and ban routes.
extension SimulatorREST {
    func guildRoute(_ match: RESTRouteMatch, call: RESTCall, body: RESTBody) -> RESTOutcome {
        world.withState { state in
            guard let guildID = match.id("guild_id"), let guildIndex = state.guildIndexByID[guildID] else {
                return RESTOutcome(RESTResponses.unknown(.guild))
            }
            let guild = state.guilds[guildIndex]
            switch match.key {
            case "GET /guilds/{guild_id}":
                var object = world.guildObject(guild)
                if call.query["with_counts"] == "true" {
                    object["approximate_member_count"] = guild.members.count
                    object["approximate_presence_count"] = guild.members.filter { $0.status != "offline" }.count
                }
                return RESTOutcome(RESTResponses.json(200, object))
            case "GET /guilds/{guild_id}/roles":
                return RESTOutcome(RESTResponses.json(200, guild.roles.map(world.renderer.role)))
            case "GET /guilds/{guild_id}/members":
                let limit = min(1000, max(1, Int(call.query["limit"] ?? "") ?? 1))
                let after = call.query["after"].flatMap { UInt64($0) } ?? 0
                let members = guild.members.filter { $0.userID > after }.sorted { $0.userID < $1.userID }.prefix(limit)
                return RESTOutcome(RESTResponses.json(200, members.map { world.renderer.member($0, user: state.users[$0.userID]) }))
            case "GET /guilds/{guild_id}/members/{user_id}":
                guard let userID = match.id("user_id"), let member = guild.member(userID) else {
                    return RESTOutcome(RESTResponses.unknown(.member))
                }
                return RESTOutcome(RESTResponses.json(200, world.renderer.member(member, user: state.users[userID])))
            case "PATCH /guilds/{guild_id}/members/{user_id}":
                return editMember(&state, guildIndex: guildIndex, userID: match.id("user_id"), body: body)
            case "DELETE /guilds/{guild_id}/members/{user_id}":
                return kick(&state, guildIndex: guildIndex, userID: match.id("user_id"))
            case "PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}",
                "DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}":
                return changeMemberRole(
                    &state, guildIndex: guildIndex, userID: match.id("user_id"), roleID: match.id("role_id"),
                    add: match.method == "PUT")
            case "GET /guilds/{guild_id}/bans":
                guard botGuildPermissions(guild) & SimulatorPermission.banMembers != 0 else {
                    return RESTOutcome(RESTResponses.missingPermissions())
                }
                let bans = guild.bans.values.sorted { $0.userID < $1.userID }.map { banObject($0, state: state) }
                return RESTOutcome(RESTResponses.json(200, bans))
            case "GET /guilds/{guild_id}/bans/{user_id}":
                guard botGuildPermissions(guild) & SimulatorPermission.banMembers != 0 else {
                    return RESTOutcome(RESTResponses.missingPermissions())
                }
                guard let userID = match.id("user_id"), let ban = guild.bans[userID] else {
                    return RESTOutcome(RESTResponses.unknown(.ban))
                }
                return RESTOutcome(RESTResponses.json(200, banObject(ban, state: state)))
            case "PUT /guilds/{guild_id}/bans/{user_id}":
                return ban(&state, guildIndex: guildIndex, userID: match.id("user_id"), call: call)
            case "DELETE /guilds/{guild_id}/bans/{user_id}":
                guard botGuildPermissions(guild) & SimulatorPermission.banMembers != 0 else {
                    return RESTOutcome(RESTResponses.missingPermissions())
                }
                guard let userID = match.id("user_id"), state.guilds[guildIndex].bans.removeValue(forKey: userID) != nil else {
                    return RESTOutcome(RESTResponses.unknown(.ban))
                }
                let event: [String: Any] = ["guild_id": String(guild.id), "user": userObject(userID, state: state)]
                return RESTOutcome(
                    RESTResponses.noContent(),
                    dispatches: [RESTDispatch(event: "GUILD_BAN_REMOVE", guildID: guild.id, json: JSONText.string(event))])
            default:
                return RESTOutcome(RESTResponses.error(404, code: 0, message: "404: Not Found"))
            }
        }
    }

    private func userObject(_ userID: UInt64, state: WorldState) -> [String: Any] {
        state.users[userID].map(world.renderer.user) ?? ["id": String(userID), "username": "unknown", "discriminator": "0"]
    }

    private func banObject(_ ban: WorldBan, state: WorldState) -> [String: Any] {
        ["reason": ban.reason ?? NSNull(), "user": userObject(ban.userID, state: state)]
    }

    private func memberUpdate(_ guild: WorldGuild, _ member: WorldMember, state: WorldState) -> RESTDispatch {
        var object = world.renderer.member(member, user: state.users[member.userID])
        object["guild_id"] = String(guild.id)
        return RESTDispatch(event: "GUILD_MEMBER_UPDATE", guildID: guild.id, json: JSONText.string(object))
    }

    private func editMember(_ state: inout WorldState, guildIndex: Int, userID: UInt64?, body: RESTBody) -> RESTOutcome {
        let guild = state.guilds[guildIndex]
        guard let userID, let memberIndex = guild.memberIndex(userID) else { return RESTOutcome(RESTResponses.unknown(.member)) }
        var member = guild.members[memberIndex]
        let permissions = botGuildPermissions(guild)
        let forbidden = RESTOutcome(RESTResponses.missingPermissions())
        if let nick = body["nick"] {
            guard permissions & SimulatorPermission.manageNicknames != 0, botOutranks(member, in: guild) else { return forbidden }
            member.nick = nick.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let roles = body["roles"], !roles.isNull {
            guard permissions & SimulatorPermission.manageRoles != 0 else { return forbidden }
            let wanted = (roles.arrayValue ?? []).compactMap(\.snowflake).filter { $0 != guild.id }
            for roleID in wanted where guild.role(roleID) == nil { return RESTOutcome(RESTResponses.unknown(.role)) }
            let changed = Set(wanted).symmetricDifference(Set(member.roleIDs))
            let top = botTopPosition(guild)
            guard changed.allSatisfy({ (guild.role($0)?.position ?? 0) < top }) else { return forbidden }
            member.roleIDs = wanted
        }
        if let until = body["communication_disabled_until"] {
            guard permissions & SimulatorPermission.moderateMembers != 0, botOutranks(member, in: guild) else { return forbidden }
            let targetPermissions = SimulatorPermission.base(guild: guild, memberUserID: userID, roleIDs: member.roleIDs)
            guard targetPermissions & SimulatorPermission.administrator == 0 else { return forbidden }
            if let text = until.stringValue {
                guard let milliseconds = Snowflake.parseTimestamp(text) else {
                    return RESTOutcome(RESTResponses.invalidFormBody([ValidationIssue(
                        path: ["communication_disabled_until"], code: "DATE_TIME_TYPE_PARSE",
                        message: "Could not parse \(text). Should be ISO8601.")]))
                }
                let limit = world.nowUnixMilliseconds() + 28 * 86_400_000
                guard milliseconds <= limit else {
                    return RESTOutcome(RESTResponses.invalidFormBody([ValidationIssue(
                        path: ["communication_disabled_until"], code: "BASE_TYPE_BAD_TIMESTAMP",
                        message: "Timeout cannot be more than 28 days in the future.")]))
                }
                member.communicationDisabledUntil = Snowflake.timestamp(unixMilliseconds: milliseconds)
            } else {
                member.communicationDisabledUntil = nil
            }
        }
        state.guilds[guildIndex].members[memberIndex] = member
        return RESTOutcome(
            RESTResponses.json(200, world.renderer.member(member, user: state.users[userID])),
            dispatches: [memberUpdate(state.guilds[guildIndex], member, state: state)])
    }

    private func changeMemberRole(
        _ state: inout WorldState, guildIndex: Int, userID: UInt64?, roleID: UInt64?, add: Bool
    ) -> RESTOutcome {
        let guild = state.guilds[guildIndex]
        guard let userID, let memberIndex = guild.memberIndex(userID) else { return RESTOutcome(RESTResponses.unknown(.member)) }
        guard let roleID, let role = guild.role(roleID), roleID != guild.id else { return RESTOutcome(RESTResponses.unknown(.role)) }
        guard botGuildPermissions(guild) & SimulatorPermission.manageRoles != 0, role.position < botTopPosition(guild),
            !role.managed
        else { return RESTOutcome(RESTResponses.missingPermissions()) }
        var member = guild.members[memberIndex]
        let has = member.roleIDs.contains(roleID)
        guard has != add else { return RESTOutcome(RESTResponses.noContent()) }
        if add { member.roleIDs.append(roleID) } else { member.roleIDs.removeAll { $0 == roleID } }
        state.guilds[guildIndex].members[memberIndex] = member
        return RESTOutcome(RESTResponses.noContent(), dispatches: [memberUpdate(state.guilds[guildIndex], member, state: state)])
    }

    /// A kick: needs Kick Members and a top role above the member's; the owner and the bot itself cannot be kicked.
    private func kick(_ state: inout WorldState, guildIndex: Int, userID: UInt64?) -> RESTOutcome {
        let guild = state.guilds[guildIndex]
        guard let userID, let memberIndex = guild.memberIndex(userID) else { return RESTOutcome(RESTResponses.unknown(.member)) }
        guard botGuildPermissions(guild) & SimulatorPermission.kickMembers != 0, userID != configuration.botUserID,
            botOutranks(guild.members[memberIndex], in: guild)
        else { return RESTOutcome(RESTResponses.missingPermissions()) }
        state.guilds[guildIndex].members.remove(at: memberIndex)
        let user = userObject(userID, state: state)
        return RESTOutcome(
            RESTResponses.noContent(),
            dispatches: [RESTDispatch(
                event: "GUILD_MEMBER_REMOVE", guildID: guild.id,
                json: JSONText.string(["guild_id": String(guild.id), "user": user]))])
    }

    private func ban(_ state: inout WorldState, guildIndex: Int, userID: UInt64?, call: RESTCall) -> RESTOutcome {
        let guild = state.guilds[guildIndex]
        guard botGuildPermissions(guild) & SimulatorPermission.banMembers != 0 else {
            return RESTOutcome(RESTResponses.missingPermissions())
        }
        guard let userID, state.users[userID] != nil else { return RESTOutcome(RESTResponses.unknown(.user)) }
        if let member = guild.member(userID) {
            guard userID != configuration.botUserID, botOutranks(member, in: guild) else {
                return RESTOutcome(RESTResponses.missingPermissions())
            }
        }
        let reason = call.request.header("X-Audit-Log-Reason")?.removingPercentEncodingSafely
        state.guilds[guildIndex].bans[userID] = WorldBan(userID: userID, reason: reason)
        let user = userObject(userID, state: state)
        var dispatches = [
            RESTDispatch(
                event: "GUILD_BAN_ADD", guildID: guild.id, json: JSONText.string(["guild_id": String(guild.id), "user": user]))
        ]
        if let memberIndex = guild.memberIndex(userID) {
            state.guilds[guildIndex].members.remove(at: memberIndex)
            dispatches.append(RESTDispatch(
                event: "GUILD_MEMBER_REMOVE", guildID: guild.id,
                json: JSONText.string(["guild_id": String(guild.id), "user": user])))
        }
        return RESTOutcome(RESTResponses.noContent(), dispatches: dispatches)
    }
}
