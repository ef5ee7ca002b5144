import ApusModel

/// One command definition that serves both a prefix command and a slash command (hybrid by default).
///
/// ```swift
/// let ban = Command("ban", description: "Ban a member", category: "Moderation",
///                   parameters: [.member("target", "Who to ban"), .flags(banFlags)],
///                   checks: [.hasPermissions(.banMembers), .botHasPermissions(.banMembers), .hierarchy(over: "target")],
///                   guildOnly: true, defaultMemberPermissions: .banMembers) { context, args in
///     guard let target = args.member("target") else { return }
///     try await context.reply("Banned \(target.displayName) (\(args.flags?.string("reason") ?? "No reason provided"))")
/// }
/// ```
public struct Command: Sendable {
    /// The code run when the command is invoked.
    public typealias Handler = @Sendable (any CommandContext, ParsedArguments) async throws -> Void

    /// Where the command is offered.
    public enum Availability: Sendable, Hashable {
        /// Both as a prefix command and as a slash command.
        case hybrid
        /// Only as a prefix command.
        case prefixOnly
        /// Only as a slash command.
        case slashOnly

        var allowsPrefix: Bool { self != .slashOnly }
        var allowsSlash: Bool { self != .prefixOnly }
    }

    /// The name (lower case for slash commands).
    public var name: String
    /// Other prefix names.
    public var aliases: [String]
    /// The description (1-100 characters for slash commands).
    public var description: String
    /// The help category (plugin name); subcommands inherit their group's.
    public var category: String
    /// The parameters in prefix order.
    public var parameters: [CommandParameter]
    /// The checks, run in order.
    public var checks: [CommandCheck]
    /// The cooldown, if any.
    public var cooldown: CooldownPolicy?
    /// Whether the command only works in a server.
    public var guildOnly: Bool
    /// The permissions members need by default to see the slash command (Discord-side default).
    public var defaultMemberPermissions: Permissions?
    /// Prefix, slash or both.
    public var availability: Availability
    /// Whether extra words after the last parameter are ignored (otherwise "too many arguments").
    public var ignoreExtraArguments: Bool
    /// Subcommands (a group when not empty).
    public var subcommands: [Command]
    /// The handler (a group may have none: then a subcommand is required).
    public var handler: Handler?

    /// Creates a command.
    public init(
        _ name: String, aliases: [String] = [], description: String, category: String = "General",
        parameters: [CommandParameter] = [], checks: [CommandCheck] = [], cooldown: CooldownPolicy? = nil,
        guildOnly: Bool = false, defaultMemberPermissions: Permissions? = nil, availability: Availability = .hybrid,
        ignoreExtraArguments: Bool = false, handler: @escaping Handler
    ) {
        self.name = name
        self.aliases = aliases
        self.description = description
        self.category = category
        self.parameters = parameters
        self.checks = checks
        self.cooldown = cooldown
        self.guildOnly = guildOnly
        self.defaultMemberPermissions = defaultMemberPermissions
        self.availability = availability
        self.ignoreExtraArguments = ignoreExtraArguments
        self.subcommands = []
        self.handler = handler
    }

    /// Creates a group of subcommands (`levels set @m 5`; slash: subcommand options).
    /// - Parameter handler: what runs when no subcommand matches (prefix only); nil makes a subcommand required.
    public init(
        group name: String, aliases: [String] = [], description: String, category: String = "General",
        checks: [CommandCheck] = [], guildOnly: Bool = false, defaultMemberPermissions: Permissions? = nil,
        availability: Availability = .hybrid, handler: Handler? = nil,
        @CommandListBuilder subcommands: () -> [Command]
    ) {
        self.name = name
        self.aliases = aliases
        self.description = description
        self.category = category
        self.parameters = []
        self.checks = checks
        self.cooldown = nil
        self.guildOnly = guildOnly
        self.defaultMemberPermissions = defaultMemberPermissions
        self.availability = availability
        self.ignoreExtraArguments = false
        self.subcommands = subcommands()
        self.handler = handler
    }

    /// Whether the command is a group.
    public var isGroup: Bool { !subcommands.isEmpty }

    /// The subcommand with this name or alias.
    public func subcommand(named word: String, caseInsensitive: Bool) -> Command? {
        subcommands.first { $0.answers(to: word, caseInsensitive: caseInsensitive) }
    }

    /// Whether `word` is this command's name or an alias.
    public func answers(to word: String, caseInsensitive: Bool) -> Bool {
        if caseInsensitive {
            let lowered = word.lowercased()
            return name.lowercased() == lowered || aliases.contains { $0.lowercased() == lowered }
        }
        return name == word || aliases.contains(word)
    }

    /// The flag set of the command's flags parameter, if any.
    public var flagSet: FlagSet? {
        for parameter in parameters {
            if case .flags(let set) = parameter.kind { return set }
        }
        return nil
    }
}

/// Builds lists of commands: `Command(group: "levels", …) { Command("set", …) { … }; Command("reset", …) { … } }`.
@resultBuilder
public enum CommandListBuilder {
    /// One command.
    public static func buildExpression(_ command: Command) -> [Command] { [command] }
    /// Several commands.
    public static func buildExpression(_ commands: [Command]) -> [Command] { commands }
    /// A block.
    public static func buildBlock(_ parts: [Command]...) -> [Command] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [Command]?) -> [Command] { part ?? [] }
    /// The first branch of an `if`/`else`.
    public static func buildEither(first part: [Command]) -> [Command] { part }
    /// The second branch of an `if`/`else`.
    public static func buildEither(second part: [Command]) -> [Command] { part }
    /// A `for` loop.
    public static func buildArray(_ parts: [[Command]]) -> [Command] { parts.flatMap { $0 } }
}
