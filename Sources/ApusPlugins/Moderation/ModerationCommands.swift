import Apus
import ApusCommands
import ApusCore
import ApusHTTP
import ApusModel
import ApusScheduler
import ApusText

/// The action commands: `ban|b`, `tempban|tb`, `unban|ub`, `kick|k`, `timeout|to|mute`, `untimeout|uto|unmute` and
/// `warn|w`, each with the permission the action needs (the invoker's and the bot's) and the role hierarchy check.
extension ModerationPlugin {
    func actionCommands() -> [Command] {
        let category = "Moderation"
        func checks(_ permission: Permissions, target: String? = "member") -> [CommandCheck] {
            [.guildOnly, .hasPermissions(permission), .botHasPermissions(permission)]
                + (target.map { [.hierarchy(over: $0)] } ?? [])
        }
        return [
            Command("ban", aliases: ["b"], description: "Ban a member.", category: category,
                    parameters: [.member("member", "Who to ban."), .flags(ModerationFlags.ban)],
                    checks: checks(.banMembers), guildOnly: true, defaultMemberPermissions: .banMembers) { [self] reply, arguments in
                guard let (member, flags, guildID) = Self.target(arguments) else { return }
                let purgeDays = flags.integer("purge") ?? 0
                let reason = flags.string("reason") ?? ModerationFlags.noReason
                // A permanent ban replaces a pending temp-ban's unban.
                try await cancelPendingUnban(guildID: guildID, userID: member.id)
                try await action(.ban, arguments, member.user, flags) { [rest = context?.rest] () throws(DiscordHTTPError) in
                    try await rest?.createGuildBan(
                        guildID: guildID, userID: member.id, deleteMessageSeconds: purgeDays * 86_400, reason: reason)
                }.run(plugin: self, reply: reply)
            },
            Command("tempban", aliases: ["tb"], description: "Ban a member for a while.", category: category,
                    parameters: [.member("member", "Who to ban."), .flags(ModerationFlags.tempban)],
                    checks: checks(.banMembers), guildOnly: true, defaultMemberPermissions: .banMembers) { [self] reply, arguments in
                guard let (member, flags, guildID) = Self.target(arguments), let duration = flags.duration("duration"),
                      let context, let scheduler = context.scheduler else { return }
                guard duration >= .seconds(1), duration <= Self.maximumTempban else {
                    try await reply.reply("A temp-ban lasts from 1 second to 365 days; use `ban` for longer.", ephemeral: true)
                    return
                }
                let purgeDays = flags.integer("purge") ?? 0
                let reason = flags.string("reason") ?? ModerationFlags.noReason
                let expiresAt = context.wallClock.now() + duration
                let token = drawToken()
                let memberID = member.id
                var request = action(.tempban, arguments, member.user, flags, perform: nil)
                request.expiresAt = expiresAt
                request.performWithCase = { [rest = context.rest] opened in
                    try await Self.tempban(
                        TempbanRequest(guildID: guildID, userID: memberID, deleteMessageSeconds: purgeDays * 86_400,
                                       reason: reason, expiresAt: expiresAt,
                                       marker: TempbanMarker(caseNumber: opened.number, token: token)),
                        rest: rest, scheduler: scheduler)
                }
                try await request.run(plugin: self, reply: reply)
            },
            Command("unban", aliases: ["ub"], description: "Lift a ban.", category: category,
                    parameters: [.user("user", "Who to unban (id or mention)."), .flags(ModerationFlags.reasonAndSilent)],
                    checks: checks(.banMembers, target: nil), guildOnly: true, defaultMemberPermissions: .banMembers) { [self] reply, arguments in
                guard let user = arguments.user("user"), let guildID = arguments.invocation.guildID,
                      let flags = arguments.flags else { return }
                let reason = flags.string("reason") ?? ModerationFlags.noReason
                var request = action(.unban, arguments, user, flags) { [rest = context?.rest] () throws(DiscordHTTPError) in
                    try await rest?.removeGuildBan(guildID: guildID, userID: user.id, reason: reason)
                }
                request.silent = true  // A banned user shares no server with the bot to be told in.
                if try await request.run(plugin: self, reply: reply) != nil {
                    try await cancelPendingUnban(guildID: guildID, userID: user.id)
                    try await cases?.markTempbansProcessed(guildID: guildID.rawValue, userID: user.id.rawValue)
                }
            },
            Command("kick", aliases: ["k"], description: "Remove a member from the server.", category: category,
                    parameters: [.member("member", "Who to kick."), .flags(ModerationFlags.reasonAndSilent)],
                    checks: checks(.kickMembers), guildOnly: true, defaultMemberPermissions: .kickMembers) { [self] reply, arguments in
                guard let (member, flags, guildID) = Self.target(arguments) else { return }
                let reason = flags.string("reason") ?? ModerationFlags.noReason
                try await action(.kick, arguments, member.user, flags) { [rest = context?.rest] () throws(DiscordHTTPError) in
                    try await rest?.removeGuildMember(guildID: guildID, userID: member.id, reason: reason)
                }.run(plugin: self, reply: reply)
            },
            Command("timeout", aliases: ["to", "mute"], description: "Time a member out (at most 28 days).", category: category,
                    parameters: [.member("member", "Who to time out."), .flags(ModerationFlags.timeout)],
                    checks: checks(.moderateMembers), guildOnly: true, defaultMemberPermissions: .moderateMembers) { [self] reply, arguments in
                guard let (member, flags, guildID) = Self.target(arguments), var duration = flags.duration("duration"),
                      let context else { return }
                if member.user.isBot {
                    try await reply.reply("Bots cannot be timed out.", ephemeral: true)
                    return
                }
                if member.isTimedOut {
                    try await reply.reply("**\(member.displayName)** is already timed out.", ephemeral: true)
                    return
                }
                var note = ""
                if duration > Self.maximumTimeout {
                    duration = Self.maximumTimeout
                    note = " (Discord allows at most 28 days, so the timeout was shortened to 28d.)"
                }
                let reason = flags.string("reason") ?? ModerationFlags.noReason
                let until = context.wallClock.now() + duration
                let iso = DiscordTimestamp(microsecondsSinceEpoch: until.millisecondsSinceEpoch * 1_000).description
                var request = action(.timeout, arguments, member.user, flags) { [rest = context.rest] () throws(DiscordHTTPError) in
                    _ = try await rest?.timeoutGuildMember(guildID: guildID, userID: member.id, until: iso, reason: reason)
                }
                request.expiresAt = until
                if try await request.run(plugin: self, reply: reply) != nil, !note.isEmpty {
                    try await reply.reply(note.trimmingPrefix(" ").description, ephemeral: true)
                }
            },
            Command("untimeout", aliases: ["uto", "unmute"], description: "Lift a member's timeout.", category: category,
                    parameters: [.member("member", "Whose timeout to lift."), .flags(ModerationFlags.reasonAndSilent)],
                    checks: checks(.moderateMembers), guildOnly: true, defaultMemberPermissions: .moderateMembers) { [self] reply, arguments in
                guard let (member, flags, guildID) = Self.target(arguments) else { return }
                guard member.isTimedOut else {
                    try await reply.reply("**\(member.displayName)** is not timed out.", ephemeral: true)
                    return
                }
                let reason = flags.string("reason") ?? ModerationFlags.noReason
                try await action(.untimeout, arguments, member.user, flags) { [rest = context?.rest] () throws(DiscordHTTPError) in
                    _ = try await rest?.timeoutGuildMember(guildID: guildID, userID: member.id, until: nil, reason: reason)
                }.run(plugin: self, reply: reply)
            },
            Command("warn", aliases: ["w"], description: "Warn a member (recorded as a case).", category: category,
                    parameters: [.member("member", "Who to warn."), .flags(ModerationFlags.reasonAndSilent)],
                    checks: checks(.moderateMembers), guildOnly: true, defaultMemberPermissions: .moderateMembers) { [self] reply, arguments in
                guard let (member, flags, _) = Self.target(arguments) else { return }
                try await action(.warn, arguments, member.user, flags, perform: nil).run(plugin: self, reply: reply)
            },
        ]
    }

    private func action(
        _ type: CaseType, _ arguments: ParsedArguments, _ target: CommandUser, _ flags: ParsedFlags,
        perform: (@Sendable () async throws(DiscordHTTPError) -> Void)?
    ) -> ModerationAction {
        ModerationAction(
            type: type, guildID: arguments.invocation.guildID ?? Snowflake(0), target: target,
            moderator: arguments.invocation.author, reason: flags.string("reason") ?? ModerationFlags.noReason,
            silent: flags.bool("silent"), expiresAt: nil, perform: perform)
    }

    /// What one temp-ban does on Discord.
    struct TempbanRequest: Sendable {
        var guildID: Snowflake
        var userID: Snowflake
        var deleteMessageSeconds: Int
        var reason: String
        var expiresAt: WallTime
        var marker: TempbanMarker
    }

    /// Stores the unban, then bans with the case's marker in the reason. The unban is stored first: a crash right
    /// after Discord's answer still ends the ban on time (the expiry checks the ban's reason, so an unban without
    /// its ban does nothing). A refused ban puts the earlier pending unban back (or cancels the new one).
    static func tempban(_ request: TempbanRequest, rest: DiscordREST?, scheduler: Scheduler) async throws {
        let key = TempbanExpiry(guildID: request.guildID.rawValue, userID: request.userID.rawValue).jobKey
        let earlier = try await scheduler.jobs(kind: unbanJobKind, state: .pending).first { $0.key == key }
        // A re-issued temp-ban keeps the earlier markers: Discord may keep the earlier ban's reason.
        let base = earlier.flatMap { TempbanExpiry(payload: $0.payload) }
            ?? TempbanExpiry(guildID: request.guildID.rawValue, userID: request.userID.rawValue)
        let expiry = base.adding(request.marker)
        _ = try await scheduler.schedule(NewJob(
            kind: unbanJobKind, key: key, payload: expiry.payload, dueAt: request.expiresAt))
        do {
            try await rest?.createGuildBan(
                guildID: request.guildID, userID: request.userID, deleteMessageSeconds: request.deleteMessageSeconds,
                reason: request.marker.banReason(request.reason))
        } catch {
            if let earlier {
                _ = try await scheduler.schedule(NewJob(
                    kind: unbanJobKind, key: key, payload: earlier.payload, dueAt: earlier.dueAt))
            } else {
                _ = try await scheduler.cancel(kind: unbanJobKind, key: key)
            }
            throw error
        }
    }

    private func cancelPendingUnban(guildID: Snowflake, userID: Snowflake) async throws {
        guard let scheduler = context?.scheduler else { return }
        let expiry = TempbanExpiry(guildID: guildID.rawValue, userID: userID.rawValue)
        _ = try await scheduler.cancel(kind: Self.unbanJobKind, key: expiry.jobKey)
    }

    private static func target(_ arguments: ParsedArguments) -> (CommandMember, ParsedFlags, Snowflake)? {
        guard let member = arguments.member("member"), let flags = arguments.flags,
              let guildID = arguments.invocation.guildID else { return nil }
        return (member, flags, guildID)
    }
}
