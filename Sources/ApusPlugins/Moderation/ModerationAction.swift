import Apus
import ApusCommands
import ApusCore
import ApusHTTP
import ApusModel
import ApusScheduler

/// One moderation action as the commands run it: tell the member (before the action for bans and kicks, which
/// end the member's access to the server, after it otherwise; never with `-silent`), act on Discord, open the case,
/// post to the log channel, and answer the moderator.
struct ModerationAction {
    var type: CaseType
    var guildID: Snowflake
    var target: CommandUser
    var moderator: CommandUser
    var reason: String
    var silent: Bool
    var expiresAt: WallTime?
    /// The Discord side of the action; nil for a warning.
    var perform: (@Sendable () async throws(DiscordHTTPError) -> Void)?
    /// The Discord side of an action that names its case (a temp-ban writes the case number into the ban's
    /// reason): the case is opened first and passed in; if this throws, the case is withdrawn. Used instead of
    /// ``perform`` when set.
    var performWithCase: (@Sendable (ModerationCase) async throws -> Void)?

    /// Whether the member is told before the action.
    var tellsBefore: Bool { type == .ban || type == .tempban || type == .kick }

    /// Runs the action and answers in `reply`. Discord refusing the action is answered with its reason and opens no
    /// case. Returns the case, if one was opened.
    @discardableResult
    func run(plugin: ModerationPlugin, reply: any CommandContext) async throws -> ModerationCase? {
        guard let context = plugin.context, let cases = plugin.cases, let rest = context.rest else {
            try await reply.reply("Moderation is not available right now (no database or REST client).", ephemeral: true)
            return nil
        }
        let settings = try await context.settings.resolved(guildID: guildID.rawValue)
        let shouldTell = !silent && (settings.bool(at: "moderation.dm_members") ?? true) && !target.isBot
        let newCase = NewModerationCase(
            guildID: guildID.rawValue, type: type, userID: target.id.rawValue, moderatorID: moderator.id.rawValue,
            reason: reason, expiresAt: expiresAt)
        var openedFirst: ModerationCase?
        if performWithCase != nil {
            openedFirst = try await cases.open(newCase, now: context.wallClock.now())
        }
        var told = false
        if shouldTell && tellsBefore { told = await tell(rest: rest) }
        if let performWithCase, let openedFirst {
            do {
                try await performWithCase(openedFirst)
            } catch {
                do {
                    try await cases.withdraw(openedFirst)
                } catch let storeError {
                    context.logger.error("could not withdraw case #\(openedFirst.number) after a refused action: \(storeError)")
                }
                guard let refusal = error as? DiscordHTTPError else { throw error }
                try await reply.reply(Self.refusal(refusal, type: type, target: target), ephemeral: true)
                return nil
            }
        } else if let perform {
            do {
                try await perform()
            } catch {
                try await reply.reply(Self.refusal(error, type: type, target: target), ephemeral: true)
                return nil
            }
        }
        if shouldTell && !tellsBefore { told = await tell(rest: rest) }
        let opened: ModerationCase
        if let openedFirst {
            opened = openedFirst
        } else {
            opened = try await cases.open(newCase, now: context.wallClock.now())
        }
        if let logChannel = settings.snowflake(at: "moderation.log_channel") {
            do {
                _ = try await rest.createMessage(
                    channelID: Snowflake(logChannel),
                    MessageCreatePayload(content: CaseFormatter.logLine(opened, targetName: target.username),
                                         allowedMentions: AllowedMentions(parse: [])))
            } catch {
                context.logger.warning("could not post case #\(opened.number) to the log channel \(logChannel): \(error)")
            }
        }
        var answer = "**\(target.displayName)** was \(type.pastTense)"
        if let expiresAt { answer += " until \(CaseFormatter.discordTime(expiresAt, style: "f")) (\(CaseFormatter.discordTime(expiresAt, style: "R")))" }
        answer += " · case #\(opened.number) · Reason: \(reason)"
        if shouldTell && !told { answer += " (I could not send them a direct message.)" }
        try await reply.reply(answer)
        return opened
    }

    /// Sends the member a direct message; false when Discord refuses (DMs closed) or fails.
    private func tell(rest: DiscordREST) async -> Bool {
        var text = "You were \(type.pastTense) in a server (id \(guildID))"
        if let guild = try? await rest.getGuild(guildID: guildID) { text = "You were \(type.pastTense) in **\(guild.name)**" }
        if let expiresAt { text += " until \(CaseFormatter.discordTime(expiresAt, style: "f"))" }
        text += ". Reason: \(reason)"
        do {
            let channel = try await rest.createDM(recipientID: target.id)
            _ = try await rest.createMessage(channelID: channel.id, MessageCreatePayload(
                content: text, allowedMentions: AllowedMentions(parse: [])))
            return true
        } catch {
            return false
        }
    }

    /// The moderator-facing sentence for a refused action.
    static func refusal(_ error: DiscordHTTPError, type: CaseType, target: CommandUser) -> String {
        let verb = switch type {
        case .ban, .tempban: "ban"
        case .unban: "unban"
        case .kick: "kick"
        case .timeout: "time out"
        case .untimeout: "lift the timeout of"
        case .warn: "warn"
        }
        let why = switch (error.status, error.discordCode) {
        case (403, _): "I am missing the permission, or their top role is not below mine."
        case (404, 10026?): "they are not banned."
        case (404, 10007?): "they are no longer a member of this server."
        case (404, 10013?): "that user does not exist."
        case (400, _): "Discord rejected the request: \(error.description)"
        default: "Discord did not answer properly (\(error.description)). Nothing was recorded; try again."
        }
        return "I could not \(verb) **\(target.displayName)**: \(why)"
    }
}
