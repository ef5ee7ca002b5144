import Apus
import ApusCommands
import ApusCore
import ApusHTTP
import ApusInteractions
import ApusModel
import ApusScheduler
import ApusText
import Synchronization

/// `remindme <duration> <text>`: a reminder stored as a scheduled job, so it fires once even if the bot restarts or
/// crashes in between.
///
/// Runs are at least once (see ``JobStore``); the post is made once by two exact checks on the reminder's
/// delivery token (a random 64-bit number stored in the job at schedule time, so unique across databases):
///
/// - the create request carries the token as its `nonce` with `enforce_nonce: true`, so Discord itself answers a
///   retry made within its nonce window (a few minutes) with the message already created;
/// - before posting, the job reads the channel's last ``recentMessagesChecked`` messages and looks for one by the
///   bot whose last line is exactly `-# ref <token>`, which covers a retry after the window (a crash, then a restart
///   hours later).
///
/// A duplicate remains possible only when a run posted, its outcome was lost (a crash or a database failure before
/// the job's commit), and the retry comes both after Discord's nonce window and after more than
/// ``recentMessagesChecked`` newer messages in the channel (or after the first post was deleted). A reminder stored
/// by an older version (no token) is recognised by the exact header `<@user> ⏰ reminder #<job>: ` of its message.
public final class RemindersPlugin: Plugin {
    /// `reminders`.
    public let name = "reminders"
    /// The job kind.
    public static let jobKind = "reminders.remind"
    /// How many recent channel messages the delivery check reads (1...100, Discord's page size).
    public let recentMessagesChecked: Int
    private let context = Mutex<PluginContext?>(nil)
    private let random: Mutex<SeededRandom>
    private let botUserID = Mutex<Snowflake?>(nil)

    /// Creates the plugin; `random` draws the reminders' delivery tokens (seed it only in tests).
    public init(recentMessagesChecked: Int = 50, random: SeededRandom = SeededRandom()) {
        self.recentMessagesChecked = min(100, max(1, recentMessagesChecked))
        self.random = Mutex(random)
    }

    /// Keeps the context for the command (which schedules through it).
    public func setUp(context: PluginContext) async throws {
        guard context.scheduler != nil else { throw RemindersPluginError.noScheduler }
        self.context.withLock { $0 = context }
    }

    /// `remindme` (alias `remind`), with the remindme grammar (`1h30m`, `2w3d`, …).
    public func commands() -> [Command] {
        [Command("remindme", aliases: ["remind"], description: "Remind you of something later.", category: "Utility",
                 parameters: [.duration("duration", "When, e.g. 1h30m.", grammar: .compactUnits),
                              .text("text", "What to remind you of.", maxLength: 1_500)]) { [self] reply, arguments in
            guard let context = context.withLock({ $0 }), let scheduler = context.scheduler,
                  let delay = arguments.duration("duration"), let text = arguments.string("text") else { return }
            let invocation = arguments.invocation
            let token = random.withLock { $0.next() }
            let reminder = Reminder(
                channelID: invocation.channelID.rawValue, userID: invocation.author.id.rawValue, text: text, token: token)
            let now = context.wallClock.now()
            // The invoking message or interaction id: unique per request, and the same if Discord redelivers it.
            let origin = switch invocation.source {
            case .prefix(let messageID, _): "message:\(messageID)"
            case .slash(let interactionID, _): "interaction:\(interactionID)"
            }
            let job = try await scheduler.schedule(NewJob(
                kind: Self.jobKind, key: origin,
                payload: reminder.payload, dueAt: now + delay))
            let seconds = Int(delay.components.seconds)
            let cancel = Button(customID: Self.cancelPattern.replacingOccurrences(of: "{job}", with: "\(job.id)"),
                                label: "Cancel", style: .secondary)
            try await reply.reply(MessageCreatePayload(
                content: "I'll remind you in \(HumanDuration.describe(seconds: seconds)) (reminder #\(job.id)).",
                components: try MessageComponents([ActionRow(buttons: [cancel])]).json()))
        }]
    }

    /// The custom id of a reminder's Cancel button: routed by pattern, so a button sent before a restart still
    /// works after it.
    public static let cancelPattern = "reminders:cancel:{job}"

    /// The Cancel button: only the person who asked may cancel, and only a reminder that has not fired.
    public func registerRoutes(on router: inout ComponentRouter) throws {
        try router.onComponent(Self.cancelPattern) { [self] click in
            guard let pluginContext = context.withLock({ $0 }), let scheduler = pluginContext.scheduler,
                  let jobID = click.parameters["job"].flatMap({ Int64($0) }) else { return }
            let pending = try await scheduler.jobs(kind: Self.jobKind, state: .pending).first { $0.id == jobID }
            guard let pending, let reminder = Reminder(payload: pending.payload) else {
                try await click.responder.reply("This reminder has already fired or was cancelled.", ephemeral: true)
                return
            }
            let clicker = click.interaction.member?.user?.id ?? click.interaction.user?.id
            guard clicker?.rawValue == reminder.userID else {
                try await click.responder.reply("Only the person who asked for this reminder can cancel it.", ephemeral: true)
                return
            }
            _ = try await scheduler.cancel(kind: Self.jobKind, key: pending.key)
            try await click.responder.updateMessage(MessageEditPayload(content: "Reminder #\(jobID) cancelled.", components: []))
        }
    }

    /// The job handler: post once (see the type's documentation). Errors are thrown for the scheduler's
    /// classifier: a 5xx or a timeout is retried, a 403 or 404 (the channel is gone) buries the job.
    public func jobHandlers(context: PluginContext) -> [String: Scheduler.Handler] {
        [Self.jobKind: { [self] job in
            guard let reminder = Reminder(payload: job.payload) else { return .permanentFailure("damaged reminder payload") }
            guard let rest = context.rest else { return .failed("no REST client") }
            let channel = Snowflake(reminder.channelID)
            let ownID = try await ownUserID(rest)
            let recent = try await rest.listMessages(channelID: channel, limit: recentMessagesChecked)
            if recent.contains(where: { $0.author.id == ownID && reminder.isDelivered(in: $0.content, jobID: job.id) }) {
                return .succeeded
            }
            _ = try await rest.createMessage(
                channelID: channel,
                MessageCreatePayload(content: reminder.message(jobID: job.id),
                                     allowedMentions: AllowedMentions(users: [Snowflake(reminder.userID)]),
                                     nonce: reminder.nonce, enforceNonce: reminder.nonce == nil ? nil : true))
            return .succeeded
        }]
    }

    /// The bot's own user id (asked once, then remembered): only its own messages count as deliveries.
    private func ownUserID(_ rest: DiscordREST) async throws(DiscordHTTPError) -> Snowflake {
        if let known = botUserID.withLock({ $0 }) { return known }
        let id = try await rest.getCurrentUser().id
        botUserID.withLock { $0 = id }
        return id
    }
}

/// Why the reminders plugin cannot start.
public enum RemindersPluginError: Error, Sendable, CustomStringConvertible {
    /// The bot has no scheduler (it needs a database).
    case noScheduler

    /// A readable explanation.
    public var description: String {
        switch self {
        case .noScheduler: "the reminders plugin needs the persistent scheduler (a database)"
        }
    }
}
