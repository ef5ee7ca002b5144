import Apus
import ApusCommands
import ApusConfig
import ApusCore
import ApusHTTP
import ApusInteractions
import ApusModel
import ApusScheduler
import ApusStore
import Synchronization

/// Moderation with numbered cases: `ban`, `tempban`, `unban`, `kick`, `timeout`, `untimeout`, `warn` and `cases`,
/// with the flag syntax, aliases and limits of the bots it replaces (§4.2 and §5.1 of the behaviour doc).
///
/// A temp-ban's end is a job of the persistent scheduler (kind ``unbanJobKind``), not a table polled every minute:
/// it fires once, on time, across restarts, and fires on start-up if it was missed. Discord bans have no id, so the
/// temp-ban writes its case number and a random token at the start of the ban's reason (``TempbanMarker``), and the
/// expiry reads the member's ban first and lifts it only while its reason still carries that marker. A ban already
/// lifted (by hand, or by an earlier run that crashed before its commit) just closes the case; a ban that is no
/// longer the case's own (lifted by hand and replaced, in Discord's client or by another bot) is left in place, and
/// the case is closed with a log line and a line in the moderation log channel saying why.
public final class ModerationPlugin: Plugin {
    /// `moderation`.
    public let name = "moderation"
    /// The scheduled unban's job kind.
    public static let unbanJobKind = "moderation.unban"
    /// The longest Discord timeout (28 days).
    public static let maximumTimeout: Duration = .seconds(28 * 86_400)
    /// The longest temp-ban accepted (a year; longer is a ban).
    public static let maximumTempban: Duration = .seconds(365 * 86_400)

    struct State {
        var context: PluginContext?
        var cases: CaseStore?
    }
    let state = Mutex(State())
    private let random: Mutex<SeededRandom>

    /// Creates the plugin; `random` draws the temp-bans' marker tokens (seed it only in tests).
    public init(random: SeededRandom = SeededRandom()) {
        self.random = Mutex(random)
    }

    /// A fresh random token for a temp-ban's marker.
    func drawToken() -> UInt64 {
        random.withLock { $0.next() }
    }

    /// The `[moderation]` section.
    public var configSection: ConfigSection { ModerationSettings.section }

    /// The `moderation_cases` tables.
    public var migrations: [Migration] { ModerationMigrations.list.migrations }

    /// The case store, once set up.
    public var cases: CaseStore? { state.withLock { $0.cases } }

    /// Opens the case store; the plugin needs the database and the scheduler.
    public func setUp(context: PluginContext) async throws {
        guard let database = context.database, context.scheduler != nil else { throw ModerationPluginError.noStorage }
        state.withLock { state in
            state.context = context
            state.cases = CaseStore(database: database)
        }
    }

    /// The moderation commands.
    public func commands() -> [Command] {
        actionCommands() + [casesCommand()]
    }

    /// The case view's "Edit reason" button, its form, and the case-number suggestions of `cases view`.
    public func registerRoutes(on router: inout ComponentRouter) throws {
        try registerCaseRoutes(on: &router)
    }

    /// The temp-ban expiry: lift the ban if it is still the case's own, then close the case. Errors are thrown for
    /// the scheduler's classifier (a 5xx is retried, a 401 pauses the scheduler), except a missing Ban Members
    /// permission, which buries the job with that explanation.
    public func jobHandlers(context: PluginContext) -> [String: Scheduler.Handler] {
        [Self.unbanJobKind: { [self] job in
            guard let expiry = TempbanExpiry(payload: job.payload) else { return .permanentFailure("damaged temp-ban payload") }
            guard let rest = context.rest else { return .failed("no REST client") }
            guard let cases = self.cases else { return .failed("the moderation plugin is not set up") }
            let guild = Snowflake(expiry.guildID)
            let user = Snowflake(expiry.userID)
            let ban: Ban
            do throws(DiscordHTTPError) {
                ban = try await rest.getGuildBan(guildID: guild, userID: user)
            } catch {
                // 404: the ban is already gone (lifted by hand, or by a run that crashed before its commit).
                guard error.status == 404 else { return try Self.liftFailure(error, expiry: expiry) }
                try await cases.markTempbansProcessed(guildID: expiry.guildID, userID: expiry.userID)
                return .succeeded
            }
            let openCases = try await cases.cases(
                guildID: expiry.guildID, matching: CaseFilter(type: .tempban, userID: expiry.userID), limit: 20
            ).filter { !$0.isProcessed }
            guard Self.isOwnBan(ban, expiry: expiry, openCases: openCases) else {
                try await cases.markTempbansProcessed(guildID: expiry.guildID, userID: expiry.userID)
                await reportKeptBan(ban, expiry: expiry, openCases: openCases, context: context, rest: rest)
                return .succeeded
            }
            let number = expiry.markers.last?.caseNumber ?? openCases.first?.number
            do throws(DiscordHTTPError) {
                try await rest.removeGuildBan(
                    guildID: guild, userID: user,
                    reason: "Temporary ban expired" + (number.map { " (case #\($0))" } ?? ""))
            } catch {
                // 404: lifted between the check and the call, which is the effect wanted.
                guard error.status == 404 else { return try Self.liftFailure(error, expiry: expiry) }
            }
            try await cases.markTempbansProcessed(guildID: expiry.guildID, userID: expiry.userID)
            return .succeeded
        }]
    }

    var context: PluginContext? { state.withLock { $0.context } }

    /// Whether `ban` is the one the expiry's temp-ban made: its reason starts with one of the expiry's markers. An
    /// expiry stored before markers existed compares the reason with its open temp-ban case's reason, which is
    /// what the ban was given then.
    static func isOwnBan(_ ban: Ban, expiry: TempbanExpiry, openCases: [ModerationCase]) -> Bool {
        guard let reason = ban.reason else { return false }
        if expiry.isLegacy {
            return openCases.contains { $0.reason == reason }
        }
        guard let marker = TempbanMarker(banReason: reason) else { return false }
        return expiry.markers.contains(marker)
    }

    /// A failed ban check or lift: a missing permission buries the job with that explanation; anything else is
    /// thrown for the scheduler's classifier.
    private static func liftFailure(_ error: DiscordHTTPError, expiry: TempbanExpiry) throws(DiscordHTTPError) -> JobOutcome {
        guard error.status == 403 else { throw error }
        return .permanentFailure("missing the Ban Members permission in guild \(expiry.guildID): \(error)")
    }

    /// Says why a temp-ban's case was closed without lifting the member's ban: a warning in the log and, when the
    /// guild has one, a line in the moderation log channel.
    private func reportKeptBan(
        _ ban: Ban, expiry: TempbanExpiry, openCases: [ModerationCase], context: PluginContext, rest: DiscordREST
    ) async {
        let number = expiry.markers.last?.caseNumber ?? openCases.first?.number
        let caseName = number.map { "case #\($0)" } ?? "a temp-ban case"
        let current = ban.reason.map { "\"\(String($0.prefix(200)))\"" } ?? "none"
        let line = "The temp-ban of <@\(expiry.userID)> (\(caseName)) expired, but their ban was not lifted: it is no "
            + "longer the ban this case made (its reason is now \(current)). The case is closed."
        context.logger.warning(
            "temp-ban expiry left a ban in place: the member's current ban is not the one its case made",
            metadata: ["guild": "\(expiry.guildID)", "user": "\(expiry.userID)", "case": "\(number.map { String($0) } ?? "?")",
                       "ban_reason": "\(current)"])
        do {
            let settings = try await context.settings.resolved(guildID: expiry.guildID)
            guard let logChannel = settings.snowflake(at: "moderation.log_channel") else { return }
            _ = try await rest.createMessage(
                channelID: Snowflake(logChannel),
                MessageCreatePayload(content: line, allowedMentions: AllowedMentions(parse: [])))
        } catch {
            context.logger.warning("could not post the kept ban of \(caseName) to the log channel: \(error)")
        }
    }
}

/// Why the moderation plugin cannot start.
public enum ModerationPluginError: Error, Sendable, CustomStringConvertible {
    /// The bot has no database or scheduler.
    case noStorage

    /// A readable explanation.
    public var description: String {
        switch self {
        case .noStorage: "the moderation plugin needs a database and the persistent scheduler"
        }
    }
}
