import ArgumentParser

/// The `apus` command: the bot (`demo`, `run`) and the local Discord (`sim`).
@main
struct ApusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apus",
        abstract: "Apus: a Discord bot engine in Swift, with a local Discord simulator.",
        subcommands: [DemoCommand.self, RunCommand.self, SimCommand.self],
        defaultSubcommand: DemoCommand.self
    )
}
