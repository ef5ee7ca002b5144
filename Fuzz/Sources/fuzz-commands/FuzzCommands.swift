import ApusCommands
import ApusHTTP
import ApusModel
import Dispatch
import FuzzSupport

/// A guild of a few members, roles and channels, so member, user, role and channel arguments resolve.
private struct FixedLookup: CommandLookup {
    static let guildID = Snowflake(100)
    static let users = (1...4).map { CommandUser(id: Snowflake(UInt64(1_000 + $0)), username: "user\($0)") }
    static let roles = [CommandRole(id: guildID, name: "@everyone", position: 0, permissions: [.sendMessages]),
                        CommandRole(id: Snowflake(200), name: "mod", position: 2, permissions: [.banMembers, .kickMembers])]

    func guild(_ id: Snowflake) async -> CommandGuild? {
        id == Self.guildID ? CommandGuild(id: id, ownerID: Self.users[0].id, roles: Self.roles) : nil
    }
    func member(_ id: Snowflake, in guild: Snowflake) async -> CommandMember? {
        Self.users.first { $0.id == id }.map { CommandMember(user: $0, roleIDs: [Snowflake(200)]) }
    }
    func members(named name: String, in guild: Snowflake) async -> [CommandMember] {
        Self.users.filter { $0.username == name }.map { CommandMember(user: $0) }
    }
    func user(_ id: Snowflake) async -> CommandUser? { Self.users.first { $0.id == id } }
    func channel(_ id: Snowflake) async -> CommandChannel? {
        id == Snowflake(300) ? CommandChannel(id: id, name: "general", guildID: Self.guildID) : nil
    }
    func channels(in guild: Snowflake) async -> [CommandChannel] {
        [CommandChannel(id: Snowflake(300), name: "general", guildID: Self.guildID)]
    }
}

/// Replies are discarded.
private struct DiscardingContext: CommandContext {
    func reply(_ content: String, ephemeral: Bool) async throws {}
    func reply(_ message: MessageCreatePayload) async throws {}
    func deferReply(ephemeral: Bool) async throws {}
}

private let reason = FlagDefinition("reason", "Why.", kind: .text(maxLength: 500), default: .string("none"))
private let flags = FlagSet(name: "Flags", positional: reason, flags: [
    FlagDefinition("duration", aliases: ["t", "d"], "How long.", kind: .duration(.summedUnits)),
    FlagDefinition("purge", aliases: ["p"], "Days.", kind: .integer(range: 0...7), default: .integer(0)),
    FlagDefinition("silent", aliases: ["s"], "Quiet.", kind: .boolean, default: .boolean(false)),
    FlagDefinition("tag", "Tags.", kind: .string(maxLength: 20), repetition: .list),
])

/// Commands with every parameter kind, groups and flags.
private let router: CommandRouter = {
    let commands: [Command] = [
        Command("ban", description: "b", parameters: [.member("member", "m"), .flags(flags)]) { _, _ in },
        Command("remind", description: "r", parameters: [.duration("when", "w", grammar: .compactUnits), .text("text", "t")]) { _, _ in },
        Command("mix", description: "m", parameters: [
            .integer("count", "c", range: -5...5), .number("ratio", "r", range: 0...1, required: false),
            .boolean("flag", "f", required: false), .string("word", "w", maxLength: 10, required: false),
            .user("user", "u", required: false), .role("role", "r", required: false),
            .channel("channel", "c", required: false),
        ]) { _, _ in },
        Command("timeout", description: "t", parameters: [.duration("for", "f", grammar: .singleUnit)]) { _, _ in },
    ]
    // The definitions above are valid; a failure here is a harness bug, reported by trapping at start-up.
    guard let tree = try? CommandTree(commands) else { fatalError("fuzz-commands: invalid command tree") }
    return CommandRouter(
        tree: tree, configuration: .init(prefixes: ["!", "?"], botUserID: Snowflake(999)), lookup: FixedLookup())
}()

/// Runs `body` to completion on the cooperative pool and waits for it (the fuzzer calls synchronously).
private func runBlocking(_ body: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task {
        await body()
        done.signal()
    }
    done.wait()
}

/// The input is a message's content, routed as a prefix command by a guild member.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommands(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let content = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let author = FixedLookup.users[1]
    let message = CommandMessage(
        id: Snowflake(5_000), content: content, author: author,
        member: CommandMember(user: author, roleIDs: [Snowflake(200)]), guildID: FixedLookup.guildID, channelID: Snowflake(300))
    runBlocking { _ = await router.handle(message: message, context: DiscardingContext()) }
    return 0
}
