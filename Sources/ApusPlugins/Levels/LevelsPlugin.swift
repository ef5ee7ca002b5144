import Apus
import ApusCommands
import ApusConfig
import ApusCore
import ApusModel
import ApusStore
import Synchronization

/// The levels plugin: XP for chat activity with the original bot's rules, reward roles, and the `level` command.
///
/// Messages are scored by ``XPAward`` and written through ``LevelsLedger`` (write-behind, group commit). The rules
/// are the `[levels]` section layered with each guild's overrides, re-read at most every `settingsTTL`.
public final class LevelsPlugin: Plugin {
    /// `levels`.
    public let name = "levels"
    private let isCommand: @Sendable (String) -> Bool
    private let settingsTTL: Duration
    private let limits: WriteBehindBuffer<MemberKey, XPLedgerRow>.Limits?
    private struct State {
        var ledger: LevelsLedger?
        /// The context from set-up, for commands (which receive only a command context).
        var context: PluginContext?
        var rules: [UInt64: (rules: XPRules, display: Display, loadedAt: MonotonicTime)] = [:]
    }
    private let state = Mutex(State())

    /// Creates the plugin. `isCommand` tells whether a message's content invokes a command (commands earn no XP);
    /// pass the bot's `CommandRouter.matchPrefix(_:) != nil`. `limits` overrides the `[levels]` `write_*` keys
    /// (``LevelsSettings/writeLimits(from:)``), which apply when it is `nil`.
    public init(
        isCommand: @escaping @Sendable (String) -> Bool, settingsTTL: Duration = .seconds(30),
        limits: WriteBehindBuffer<MemberKey, XPLedgerRow>.Limits? = nil
    ) {
        self.isCommand = isCommand
        self.settingsTTL = settingsTTL
        self.limits = limits
    }

    /// The `[levels]` section.
    public var configSection: ConfigSection { LevelsSettings.section }

    /// The `levels` table.
    public var migrations: [Migration] { LevelsMigrations.list.migrations }

    /// Messages earn XP.
    public var listenedEvents: Set<EventKind> { [.messageCreate] }

    /// The ledger, once set up.
    public var ledger: LevelsLedger? { state.withLock { $0.ledger } }

    /// The context from set-up, for commands (which receive only a command context).
    var context: PluginContext? { state.withLock { $0.context } }

    /// Opens the ledger on the bot's database (the plugin needs one).
    public func setUp(context: PluginContext) async throws {
        guard let database = context.database else { throw LevelsPluginError.noDatabase }
        let base = await context.settings.base
        let limits = limits ?? LevelsSettings.writeLimits(from: base)
        let ledger = LevelsLedger(database: database, limits: limits, clock: context.timeSource)
        state.withLock { state in
            state.ledger = ledger
            state.context = context
        }
    }

    /// Commits buffered XP, retrying a failing database for up to 10 s; logs what could not be committed.
    public func shutDown(context: PluginContext) async {
        guard let report = await ledger?.close(), !report.isComplete else { return }
        context.logger.error("could not commit buffered XP at shutdown: \(report)")
    }

    /// Scores one message and applies reward-role changes on a level-up.
    public func handle(_ event: GatewayEvent, guildID: UInt64?, context: PluginContext) async throws {
        guard case .messageCreate(let message) = event, let ledger, let guildID = message.guildID?.rawValue else { return }
        let (rules, _) = try await rules(guildID: guildID, context: context)
        let input = XPMessage(
            guildID: guildID, channelID: message.channelID.rawValue, authorID: message.author.id.rawValue,
            authorIsBot: message.author.bot == true, isCommand: isCommand(message.content),
            memberRoles: message.member.map { $0.roles.map(\.rawValue) })
        let award = try await ledger.record(input, rules: rules, now: context.wallClock.now())
        guard case .write(_, _, let levelUp?) = award, !levelUp.isEmpty, let rest = context.rest else { return }
        let guild = Snowflake(guildID)
        if let add = levelUp.add {
            try await rest.addGuildMemberRole(guildID: guild, userID: message.author.id, roleID: Snowflake(add), reason: "level reward")
        }
        for role in levelUp.remove {
            try await rest.removeGuildMemberRole(guildID: guild, userID: message.author.id, roleID: Snowflake(role), reason: "level reward")
        }
    }

    /// `level [member]` (aliases `lvl`, `rank`, `xp`), the `levels` admin group and `leaderboard`
    /// (see `LevelsAdminCommands.swift`).
    public func commands() -> [Command] {
        [levelCommand()] + adminCommands()
    }

    private func levelCommand() -> Command {
        Command("level", aliases: ["lvl", "rank", "xp"], description: "Show a member's level and XP.", category: "Levels",
                 parameters: [.member("member", "Whose level (you by default).", required: false)], guildOnly: true) { [self] context, arguments in
            guard let ledger, let pluginContext = state.withLock({ $0.context }), let guildID = arguments.invocation.guildID
            else { return }
            let member = arguments.member("member")
            let userID = member?.id ?? arguments.invocation.author.id
            let name = member?.user.globalName ?? member?.user.username
                ?? arguments.invocation.author.globalName ?? arguments.invocation.author.username
            let row = try await ledger.row(MemberKey(guildID: guildID.rawValue, memberID: userID.rawValue))
            let (rules, display) = try await self.rules(guildID: guildID.rawValue, context: pluginContext)
            let xp = row?.xp ?? 0
            let level = row?.level ?? 0
            if let cap = Self.displayedCap(enabled: display.xpCap, level: level, rules: rules) {
                try await context.reply("**\(name)**: Level \(cap.level) · Total XP: \(cap.xp) (limit reached)")
            } else if display.showProgress {
                let progress = rules.curve.progress(xp: xp, level: level)
                try await context.reply("**\(name)**: Level \(level) \(LevelCurve.progressBar(current: progress.current, target: progress.target)) · Total XP: \(Int(saturating: xp.rounded()))")
            } else {
                try await context.reply("**\(name)**: **Level \(level)** - `XP: \(xp)`")
            }
        }
    }

    /// What the `level` command shows under `enable_xp_cap` (display only, as the original bot): a member at or
    /// past the highest reward level sees that level and the XP it takes, "limit reached"; nil when the cap is off,
    /// there are no reward levels, or the member is below the highest.
    public static func displayedCap(enabled: Bool, level: Int, rules: XPRules) -> (level: Int, xp: Int)? {
        guard enabled, let maximum = rules.rewards.maximumLevel, level >= maximum else { return nil }
        return (maximum, Int(saturating: rules.curve.xpRequired(forLevel: maximum).rounded()))
    }

    /// How the `level` command shows a member: `show_progress` and `enable_xp_cap`.
    struct Display: Sendable {
        var showProgress: Bool
        var xpCap: Bool
    }

    /// The guild's rules and display settings, re-read at most every `settingsTTL`.
    func rules(guildID: UInt64, context: PluginContext) async throws -> (XPRules, Display) {
        let now = context.timeSource.now()
        if let cached = state.withLock({ $0.rules[guildID] }), now - cached.loadedAt < settingsTTL {
            return (cached.rules, cached.display)
        }
        let resolved = try await context.settings.resolved(guildID: guildID)
        let rules = LevelsSettings.rules(from: resolved)
        let display = Display(
            showProgress: resolved.bool(at: "levels.show_progress") ?? true,
            xpCap: resolved.bool(at: "levels.enable_xp_cap") ?? false)
        state.withLock { $0.rules[guildID] = (rules, display, now) }
        return (rules, display)
    }
}

/// Why the levels plugin cannot start.
public enum LevelsPluginError: Error, Sendable, CustomStringConvertible {
    /// The bot has no database.
    case noDatabase

    /// A readable explanation.
    public var description: String {
        switch self {
        case .noDatabase: "the levels plugin needs a database (SQLite by default)"
        }
    }
}
