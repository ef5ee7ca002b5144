import Apus
import ApusCommands
import ApusCore
import ApusModel

/// The levels plugin's admin commands and its leaderboard, as the original bot's `levels` group defines them:
///
/// - `levels set|s <member> <level>`: XP becomes the level's threshold; reward roles follow.
/// - `levels setxp|sxp <member> <xp>`: the level follows the XP; reward roles follow.
/// - `levels reset|r <member>`: XP and level 0 (roles untouched, as the original).
/// - `levels blacklist|bl <member>`: toggles whether the member can earn XP.
/// - `leaderboard|lb|top [page]`: ten members per page by XP, blacklisted members left out.
///
/// The `levels` group needs Manage Server (the original's "command permission"); the leaderboard is for everyone.
extension LevelsPlugin {
    /// Members per leaderboard page.
    public static let leaderboardPageSize = 10
    /// The highest XP `setxp` accepts (above it the level curve loses integer precision in a `Double`).
    public static let maximumSettableXP = 1_000_000_000_000

    func adminCommands() -> [Command] {
        let adminChecks: [CommandCheck] = [.guildOnly, .hasPermissions(.manageGuild)]
        return [
            Command(group: "levels", aliases: ["lvls"], description: "Change members' XP and levels.", category: "Levels",
                    checks: adminChecks, guildOnly: true, defaultMemberPermissions: .manageGuild) {
                Command("set", aliases: ["s"], description: "Set a member's level (XP becomes its threshold).", category: "Levels",
                        parameters: [.member("member", "Whose level."), .integer("level", "The new level.", range: 0...10_000)],
                        checks: adminChecks, guildOnly: true) { [self] reply, arguments in
                    guard let level = arguments.integer("level") else { return }
                    try await adminEdit(arguments, reply: reply) { row, rules in
                        row.xp = rules.curve.xpRequired(forLevel: level)
                        row.level = level
                        return "level \(level) (\(Int(saturating: row.xp.rounded())) XP)"
                    }
                }
                Command("setxp", aliases: ["sxp"], description: "Set a member's XP (the level follows).", category: "Levels",
                        parameters: [.member("member", "Whose XP."),
                                     .integer("xp", "The new XP.", range: 0...Self.maximumSettableXP)],
                        checks: adminChecks, guildOnly: true) { [self] reply, arguments in
                    guard let xp = arguments.integer("xp") else { return }
                    try await adminEdit(arguments, reply: reply) { row, rules in
                        row.xp = Double(xp)
                        row.level = rules.curve.level(forXP: row.xp)
                        return "\(xp) XP (level \(row.level))"
                    }
                }
                Command("reset", aliases: ["r"], description: "Reset a member's XP and level to 0.", category: "Levels",
                        parameters: [.member("member", "Whose XP.")], checks: adminChecks, guildOnly: true) { [self] reply, arguments in
                    try await adminEdit(arguments, reply: reply, updatesRoles: false) { row, _ in
                        row.xp = 0
                        row.level = 0
                        return "0 XP (level 0)"
                    }
                }
                Command("blacklist", aliases: ["bl"], description: "Toggle whether a member can earn XP.", category: "Levels",
                        parameters: [.member("member", "Who.")], checks: adminChecks, guildOnly: true) { [self] reply, arguments in
                    try await adminEdit(arguments, reply: reply, updatesRoles: false) { row, _ in
                        row.blacklisted.toggle()
                        return row.blacklisted ? "blacklisted (earns no XP)" : "no longer blacklisted"
                    }
                }
            },
            Command("leaderboard", aliases: ["lb", "top"], description: "The members with the most XP.", category: "Levels",
                    parameters: [.integer("page", "Which page (10 members each).", range: 1...10_000, required: false)],
                    guildOnly: true) { [self] reply, arguments in
                guard let ledger, let guildID = arguments.invocation.guildID else { return }
                let page = arguments.integer("page") ?? 1
                let entries = try await ledger.leaderboard(
                    guildID: guildID.rawValue, limit: Self.leaderboardPageSize, offset: (page - 1) * Self.leaderboardPageSize)
                try await reply.reply(MessageCreatePayload(
                    content: Self.leaderboardText(entries, page: page), allowedMentions: AllowedMentions(parse: [])))
            },
        ]
    }

    /// The leaderboard page as text: `#rank <@member> · Level n · x XP`, or a line saying the page is empty.
    public static func leaderboardText(_ entries: [(memberID: UInt64, row: XPLedgerRow)], page: Int) -> String {
        guard !entries.isEmpty else {
            return page == 1 ? "Nobody has earned XP here yet." : "There is no page \(page) of the leaderboard."
        }
        let first = (page - 1) * leaderboardPageSize
        let lines = entries.enumerated().map { index, entry in
            "#\(first + index + 1) <@\(entry.memberID)> · Level \(entry.row.level) · \(Int(saturating: entry.row.xp.rounded())) XP"
        }
        return "**Leaderboard** (page \(page))\n" + lines.joined(separator: "\n")
    }

    /// Applies `edit` to the member's row (a new row when they have none), stores it, updates reward roles when asked,
    /// and answers with what changed.
    private func adminEdit(
        _ arguments: ParsedArguments, reply: any CommandContext, updatesRoles: Bool = true,
        _ edit: (inout XPLedgerRow, XPRules) -> String
    ) async throws {
        guard let ledger, let pluginContext = context, let guildID = arguments.invocation.guildID,
              let member = arguments.member("member")
        else { return }
        let (rules, _) = try await rules(guildID: guildID.rawValue, context: pluginContext)
        let key = MemberKey(guildID: guildID.rawValue, memberID: member.user.id.rawValue)
        var row = try await ledger.row(key)
            ?? XPLedgerRow(xp: 0, level: 0, blacklisted: false, lastMessage: pluginContext.wallClock.now())
        let summary = edit(&row, rules)
        try await ledger.write(row, for: key)
        if updatesRoles, let rest = pluginContext.rest {
            let changes = rules.rewards.changes(level: row.level, memberRoles: member.roleIDs.map(\.rawValue))
            if let add = changes.add {
                try await rest.addGuildMemberRole(guildID: guildID, userID: member.user.id, roleID: Snowflake(add), reason: "levels command")
            }
            for role in changes.remove {
                try await rest.removeGuildMemberRole(guildID: guildID, userID: member.user.id, roleID: Snowflake(role), reason: "levels command")
            }
        }
        let name = member.user.globalName ?? member.user.username
        try await reply.reply(MessageCreatePayload(content: "**\(name)**: \(summary).", allowedMentions: AllowedMentions(parse: [])))
    }
}
