import Apus
import ApusCommands
import ApusConfig
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
/// it fires once, on time, across restarts, and fires on start-up if it was missed. The unban is idempotent: the
/// job first asks Discord whether the ban still exists, so a crash between Discord's answer and the job's commit
/// never unbans twice, and a ban already lifted by hand simply completes the case.
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

    /// Creates the plugin.
    public init() {}

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

    /// The temp-ban expiry: unban once, then mark the case handled.
    public func jobHandlers(context: PluginContext) -> [String: Scheduler.Handler] {
        [Self.unbanJobKind: { [self] job in
            guard let expiry = TempbanExpiry(payload: job.payload) else { return .permanentFailure("damaged temp-ban payload") }
            guard let rest = context.rest else { return .failed("no REST client") }
            guard let cases = self.cases else { return .failed("the moderation plugin is not set up") }
            switch await Self.liftBan(rest: rest, expiry: expiry) {
            case .lifted, .notBanned: break
            case .failed(let error) where error.status == 403:
                return .permanentFailure("missing the Ban Members permission in guild \(expiry.guildID): \(error)")
            case .failed(let error):
                return .failed("could not lift the ban: \(error)")
            }
            try await cases.markTempbansProcessed(guildID: expiry.guildID, userID: expiry.userID)
            return .succeeded
        }]
    }

    var context: PluginContext? { state.withLock { $0.context } }

    enum LiftResult {
        case lifted, notBanned
        case failed(DiscordHTTPError)
    }

    /// Lifts the ban if it still exists: a ban that is already gone (lifted by hand, or by an earlier run of the job
    /// that crashed before it committed) is not touched again.
    static func liftBan(rest: DiscordREST, expiry: TempbanExpiry) async -> LiftResult {
        let guild = Snowflake(expiry.guildID)
        let user = Snowflake(expiry.userID)
        do throws(DiscordHTTPError) {
            _ = try await rest.getGuildBan(guildID: guild, userID: user)
        } catch {
            return error.status == 404 ? .notBanned : .failed(error)
        }
        do throws(DiscordHTTPError) {
            try await rest.removeGuildBan(guildID: guild, userID: user, reason: "Temporary ban expired")
            return .lifted
        } catch {
            // 404: lifted between the check and the call, which is the effect wanted.
            return error.status == 404 ? .notBanned : .failed(error)
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
