import ApusCore
import ApusHTTP
import ApusModel
import Synchronization

/// Finds, parses, checks, rate-limits and runs commands for messages and slash-command interactions; every outcome
/// is a value (``CommandOutcome``) so the bot decides how to reply.
public final class CommandRouter: Sendable {
    /// Router settings.
    public struct Configuration: Sendable {
        /// Text prefixes (e.g. `["$"]`); the longest matching one wins.
        public var prefixes: [String]
        /// The bot's user id (mention prefix, bot permission and hierarchy checks).
        public var botUserID: Snowflake
        /// Users allowed through ``CommandCheck/ownerOnly``.
        public var ownerIDs: Set<Snowflake>
        /// Whether `@bot command` works as a prefix.
        public var mentionPrefix: Bool
        /// Whether command names match regardless of case.
        public var caseInsensitive: Bool
        /// The longest message content accepted for a command, in characters.
        public var maximumContentLength: Int
        /// The most cooldown buckets kept in memory.
        public var maximumCooldownEntries: Int
        /// Whether a `help` command is added when the tree has none.
        public var includeHelp: Bool

        /// Creates a configuration.
        public init(
            prefixes: [String], botUserID: Snowflake, ownerIDs: Set<Snowflake> = [], mentionPrefix: Bool = true,
            caseInsensitive: Bool = true, maximumContentLength: Int = 4000, maximumCooldownEntries: Int = 10_000,
            includeHelp: Bool = true
        ) {
            self.prefixes = prefixes
            self.botUserID = botUserID
            self.ownerIDs = ownerIDs
            self.mentionPrefix = mentionPrefix
            self.caseInsensitive = caseInsensitive
            self.maximumContentLength = maximumContentLength
            self.maximumCooldownEntries = maximumCooldownEntries
            self.includeHelp = includeHelp
        }
    }

    /// The commands served (the tree's, plus the generated help).
    public let commands: [Command]
    /// The settings.
    public let configuration: Configuration
    private let lookup: any CommandLookup
    private let timeSource: any TimeSource
    private let wallClock: any WallClock
    private let cooldowns: Mutex<CooldownTracker>

    /// Creates a router.
    public init(
        tree: CommandTree, configuration: Configuration, lookup: any CommandLookup,
        timeSource: any TimeSource = SystemTimeSource(), wallClock: any WallClock = SystemWallClock()
    ) {
        var commands = tree.commands
        if configuration.includeHelp && tree.command(named: "help", caseInsensitive: true) == nil {
            let evaluator = CheckEvaluator(lookup: lookup, botUserID: configuration.botUserID, ownerIDs: configuration.ownerIDs)
            commands.append(HelpFormatter.helpCommand(for: tree.commands, prefix: configuration.prefixes.first ?? "/") {
                command, invocation, arguments in
                for check in command.checks where check.runsBeforeParsing {
                    if await evaluator.evaluate(check, invocation: invocation, arguments: arguments) != nil { return false }
                }
                return true
            })
        }
        self.commands = commands
        self.configuration = configuration
        self.lookup = lookup
        self.timeSource = timeSource
        self.wallClock = wallClock
        self.cooldowns = Mutex(CooldownTracker(maximumEntries: configuration.maximumCooldownEntries))
    }

    /// The bulk-overwrite payloads of the slash commands (the generated help included).
    public func slashPayloads() -> [ApplicationCommandPayload] {
        commands.filter { $0.availability.allowsSlash }.map(SlashPayloadBuilder.payload(for:))
    }

    /// The number of cooldown buckets held (for statistics and tests).
    public var cooldownEntryCount: Int { cooldowns.withLock { $0.entryCount } }

    // MARK: - Prefix messages

    /// Handles a message: not a command, ran, or failed with a user message. `prefixes`, when given, replaces the
    /// configured prefixes for this message (a guild's own prefix); the mention prefix works either way.
    public func handle(message: CommandMessage, context: any CommandContext, prefixes: [String]? = nil) async -> CommandOutcome {
        if message.author.isBot { return .notACommand }
        guard let prefix = matchPrefix(message.content, prefixes: prefixes) else { return .notACommand }
        let afterPrefix = message.content.dropFirst(prefix.count)
        let name = afterPrefix.drop(while: \.isWhitespace).prefix { !$0.isWhitespace }
        guard !name.isEmpty, let root = topLevel(String(name)) else { return .notACommand }
        guard message.content.count <= configuration.maximumContentLength else {
            return .failed(command: root.name, error: .inputTooLong(what: "message", limit: configuration.maximumContentLength), underlying: nil)
        }

        var tokenizer = ArgumentTokenizer(afterPrefix)
        _ = tokenizer.nextPlainWord()
        var command = root
        var lineage = [root]
        while command.isGroup {
            let saved = tokenizer
            if let word = tokenizer.nextPlainWord(), let sub = command.subcommand(named: word, caseInsensitive: configuration.caseInsensitive) {
                command = sub
                lineage.append(sub)
                continue
            }
            tokenizer = saved
            if command.handler != nil { break }
            return .failed(
                command: qualified(lineage),
                error: .missingSubcommand(group: prefix + qualified(lineage), available: command.subcommands.map(\.name)), underlying: nil
            )
        }
        let path = lineage.map(\.name)
        guard command.availability.allowsPrefix else {
            return .failed(command: qualified(lineage), error: .unavailable(command: qualified(lineage), reason: "is only available as a slash command"), underlying: nil)
        }
        let invocation = CommandInvocation(
            source: .prefix(messageID: message.id, prefix: prefix), author: message.author, member: message.member,
            guildID: message.guildID, channelID: message.channelID, commandPath: path
        )
        let usage = prefix + UsageFormatter.usage(of: command, qualifiedName: qualified(lineage))
        let scope = ConversionScope(lookup: lookup, guildID: message.guildID)
        return await run(lineage: lineage, invocation: invocation, context: context) { arguments throws(CommandError) in
            try await PrefixArgumentParser.parse(
                &tokenizer, command: command, usage: usage, attachments: message.attachments, scope: scope, into: &arguments
            )
        }
    }

    /// The prefix `content` starts with (a text prefix or the bot mention with the whitespace after it), if any.
    public func matchPrefix(_ content: String, prefixes: [String]? = nil) -> String? {
        if configuration.mentionPrefix {
            for mention in ["<@\(configuration.botUserID)>", "<@!\(configuration.botUserID)>"] where content.hasPrefix(mention) {
                let spaces = content.dropFirst(mention.count).prefix(while: \.isWhitespace)
                return mention + spaces
            }
        }
        return (prefixes ?? configuration.prefixes).filter { !$0.isEmpty && content.hasPrefix($0) }.max { $0.count < $1.count }
    }

    // MARK: - Slash commands

    /// Handles an INTERACTION_CREATE of type application command (other interactions are not commands).
    public func handle(interaction: Interaction, context: any CommandContext) async -> CommandOutcome {
        guard case .applicationCommand = interaction.type, let data = interaction.data, let name = data.name,
              let root = commands.first(where: { $0.name == name && $0.availability.allowsSlash })
        else { return .notACommand }
        let now = wallClock.now().millisecondsSinceEpoch * 1000
        guard let user = interaction.member?.user ?? interaction.user,
              let channelID = interaction.channelID ?? interaction.channel?.value.id
        else { return .notACommand }

        var command = root
        var lineage = [root]
        var options = data.options ?? []
        while command.isGroup {
            guard let first = options.first, first.type == .subCommand || first.type == .subCommandGroup,
                  let sub = command.subcommands.first(where: { $0.name == first.name && $0.availability.allowsSlash })
            else {
                return .failed(command: qualified(lineage), error: .missingSubcommand(group: "/" + qualified(lineage), available: command.subcommands.map(\.name)), underlying: nil)
            }
            command = sub
            lineage.append(sub)
            options = first.options ?? []
        }
        let invocation = CommandInvocation(
            source: .slash(interactionID: interaction.id, token: interaction.token), author: CommandUser(user),
            member: interaction.member.flatMap { CommandMember($0, user: user, nowMicroseconds: now) },
            guildID: interaction.guildID, channelID: channelID, commandPath: lineage.map(\.name),
            memberPermissions: interaction.member?.permissions, botPermissions: interaction.appPermissions
        )
        let usage = "/" + UsageFormatter.usage(of: command, qualifiedName: qualified(lineage))
        let scope = ConversionScope(lookup: lookup, guildID: interaction.guildID)
        let resolved = data.resolved
        let leafOptions = options
        return await run(lineage: lineage, invocation: invocation, context: context) { arguments throws(CommandError) in
            try await SlashArgumentReader.read(
                options: leafOptions, resolved: resolved, command: command, usage: usage, scope: scope,
                nowMicroseconds: now, into: &arguments
            )
        }
    }

    // MARK: - Shared pipeline

    private func run(
        lineage: [Command], invocation: CommandInvocation, context: any CommandContext,
        parse: (inout ParsedArguments) async throws(CommandError) -> Void
    ) async -> CommandOutcome {
        let name = qualified(lineage)
        guard let command = lineage.last, let handler = command.handler else {
            return .failed(command: name, error: .missingSubcommand(group: name, available: []), underlying: nil)
        }
        let evaluator = CheckEvaluator(lookup: lookup, botUserID: configuration.botUserID, ownerIDs: configuration.ownerIDs)
        let checks = lineage.flatMap(\.checks)
        var arguments = ParsedArguments(invocation: invocation)
        do throws(CommandError) {
            if lineage.contains(where: \.guildOnly) && invocation.guildID == nil { throw .checkFailed(.guildOnly) }
            try await evaluator.run(checks, beforeParsing: true, invocation: invocation, arguments: arguments)
            try await parse(&arguments)
            try await evaluator.run(checks, beforeParsing: false, invocation: invocation, arguments: arguments)
            if let policy = command.cooldown {
                let key = CooldownTracker.key(
                    command: name, policy: policy, userID: invocation.author.id, channelID: invocation.channelID,
                    guildID: invocation.guildID
                )
                let now = timeSource.now()
                if let retryAfter = cooldowns.withLock({ $0.use(key, policy: policy, now: now) }) {
                    throw .onCooldown(retryAfter: retryAfter)
                }
            }
        } catch {
            return .failed(command: name, error: error, underlying: nil)
        }
        do {
            try await handler(context, arguments)
            return .ran(command: name)
        } catch let error as CommandError {
            return .failed(command: name, error: error, underlying: nil)
        } catch {
            return .failed(command: name, error: .handlerFailed(command: name), underlying: error)
        }
    }

    private func topLevel(_ word: String) -> Command? {
        commands.first { $0.answers(to: word, caseInsensitive: configuration.caseInsensitive) }
    }

    private func qualified(_ lineage: [Command]) -> String {
        lineage.map(\.name).joined(separator: " ")
    }
}
