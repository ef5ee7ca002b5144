import ApusHTTP

/// A validated set of commands: what the router dispatches and what slash registration sends.
///
/// ```swift
/// let tree = try CommandTree {
///     ping
///     Command(group: "levels", description: "Levels") { setLevel; resetLevel }
/// }
/// ```
public struct CommandTree: Sendable {
    /// The top-level commands.
    public let commands: [Command]

    /// Validates `commands`.
    public init(_ commands: [Command]) throws(CommandDefinitionError) {
        try DefinitionValidator.validate(commands)
        self.commands = commands
    }

    /// Validates the commands built by `build`.
    public init(@CommandListBuilder _ build: () -> [Command]) throws(CommandDefinitionError) {
        try self.init(build())
    }

    /// The top-level command answering to `word` (name or alias).
    public func command(named word: String, caseInsensitive: Bool = false) -> Command? {
        commands.first { $0.answers(to: word, caseInsensitive: caseInsensitive) }
    }

    /// The command at a path of names (e.g. `["levels", "set"]`), case-insensitive.
    public func command(at path: [String]) -> Command? {
        guard let first = path.first, var current = command(named: first, caseInsensitive: true) else { return nil }
        for word in path.dropFirst() {
            guard let next = current.subcommand(named: word, caseInsensitive: true) else { return nil }
            current = next
        }
        return current
    }

    /// The bulk-overwrite payloads of every command offered as a slash command.
    public func slashPayloads() -> [ApplicationCommandPayload] {
        commands.filter { $0.availability.allowsSlash }.map(SlashPayloadBuilder.payload(for:))
    }
}
