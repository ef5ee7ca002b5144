/// The text of the generated `help` command: an overview grouped by category, and per-command details with usage.
public enum HelpFormatter {
    /// The overview: one bold heading per category (sorted), its commands in name order with descriptions.
    public static func overview(of commands: [Command], prefix: String) -> String {
        var byCategory: [String: [Command]] = [:]
        for command in commands where command.availability.allowsPrefix { byCategory[command.category, default: []].append(command) }
        var lines: [String] = []
        for category in byCategory.keys.sorted() {
            lines.append("**\(category)**")
            for command in (byCategory[category] ?? []).sorted(by: { $0.name < $1.name }) {
                lines.append("`\(prefix)\(command.name)` — \(command.description)")
            }
        }
        lines.append("")
        lines.append("Type `\(prefix)help <command>` for details.")
        return lines.joined(separator: "\n")
    }

    /// The details of one command: description, usage, aliases, subcommands, flags.
    public static func detail(of command: Command, qualifiedName: String, prefix: String) -> String {
        var lines = ["**\(qualifiedName)** — \(command.description)"]
        lines.append("Usage: `\(prefix)\(UsageFormatter.usage(of: command, qualifiedName: qualifiedName))`")
        if !command.aliases.isEmpty {
            lines.append("Aliases: " + command.aliases.map { "`\($0)`" }.joined(separator: ", "))
        }
        if command.isGroup {
            lines.append("Subcommands:")
            for sub in command.subcommands where sub.availability.allowsPrefix {
                lines.append("`\(prefix)\(qualifiedName) \(sub.name)` — \(sub.description)")
            }
        }
        if let set = command.flagSet {
            lines.append("Flags:")
            if let positional = set.positional {
                lines.append("`\(positional.name)` (text before the first flag) — \(positional.description)")
            }
            for flag in set.flags {
                let aliases = flag.aliases.isEmpty ? "" : " (" + flag.aliases.map { "`\(set.prefix)\($0)`" }.joined(separator: ", ") + ")"
                let required = flag.isRequired ? " (required)" : ""
                lines.append("`\(set.prefix)\(flag.name)`\(aliases)\(required) — \(flag.description)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether a command is shown to the invoker (the router checks the command's pre-parsing checks: guild only,
    /// owner only, permissions), as discord.py's help does with `verify_checks`.
    public typealias Visibility = @Sendable (Command, CommandInvocation, ParsedArguments) async -> Bool

    /// A hybrid `help [command]` command over `commands` (it lists itself too). Commands that `isVisible` rejects
    /// for the invoker are left out of the list and answered like unknown names.
    public static func helpCommand(
        for commands: [Command], prefix: String, category: String = "General",
        isVisible: @escaping Visibility = { _, _, _ in true }
    ) -> Command {
        let placeholder = Command("help", description: "Show the commands, or details of one command", category: category) { _, _ in }
        let all = commands + [placeholder]
        return Command(
            "help", description: "Show the commands, or details of one command", category: category,
            parameters: [.text("command", "A command name", maxLength: 100, required: false)]
        ) { context, arguments in
            var visible: [Command] = []
            for command in all where await isVisible(command, arguments.invocation, arguments) { visible.append(command) }
            guard let query = arguments.string("command") else {
                try await context.reply(overview(of: visible, prefix: prefix))
                return
            }
            var words = query.split(whereSeparator: \.isWhitespace).map(String.init)
            if let first = words.first, first.hasPrefix(prefix), !prefix.isEmpty { words[0] = String(first.dropFirst(prefix.count)) }
            var path: [String] = []
            var current: Command?
            for word in words {
                let next = current == nil
                    ? visible.first { $0.answers(to: word, caseInsensitive: true) }
                    : current?.subcommand(named: word, caseInsensitive: true)
                guard let next else {
                    try await context.reply("No command named `\(CommandError.quoted(query))`.")
                    return
                }
                current = next
                path.append(next.name)
            }
            guard let current else {
                try await context.reply(overview(of: visible, prefix: prefix))
                return
            }
            try await context.reply(detail(of: current, qualifiedName: path.joined(separator: " "), prefix: prefix))
        }
    }
}
