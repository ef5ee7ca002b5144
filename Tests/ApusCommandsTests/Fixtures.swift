import ApusHTTP
import ApusCommands
import ApusModel
import Synchronization

/// Ids and entities of the test guild.
enum World {
    static let guildID: Snowflake = 100_000_000_000_000_000
    static let ownerID: Snowflake = 100_000_000_000_000_001
    static let modID: Snowflake = 100_000_000_000_000_002
    static let aliceID: Snowflake = 100_000_000_000_000_003
    static let adminID: Snowflake = 100_000_000_000_000_004
    static let carolID: Snowflake = 100_000_000_000_000_005
    static let outsiderID: Snowflake = 100_000_000_000_000_006
    static let botID: Snowflake = 100_000_000_000_000_009
    static let modRoleID: Snowflake = 200_000_000_000_000_002
    static let adminRoleID: Snowflake = 200_000_000_000_000_003
    static let botRoleID: Snowflake = 200_000_000_000_000_004
    static let memberRoleID: Snowflake = 200_000_000_000_000_005
    static let generalID: Snowflake = 300_000_000_000_000_001
    static let voiceID: Snowflake = 300_000_000_000_000_002
    static let staffChannelID: Snowflake = 300_000_000_000_000_003

    static let guild = CommandGuild(id: guildID, ownerID: ownerID, roles: [
        CommandRole(id: guildID, name: "@everyone", position: 0, permissions: [.viewChannel, .sendMessages, .readMessageHistory]),
        CommandRole(id: memberRoleID, name: "Member", position: 1, permissions: [.addReactions]),
        CommandRole(id: modRoleID, name: "Moderator", position: 5, permissions: [.banMembers, .kickMembers, .moderateMembers]),
        CommandRole(id: botRoleID, name: "Apus", position: 8, permissions: [.banMembers, .kickMembers, .manageMessages]),
        CommandRole(id: adminRoleID, name: "Admin", position: 10, permissions: [.administrator]),
    ])

    static let owner = CommandMember(user: CommandUser(id: ownerID, username: "owner"), roleIDs: [])
    static let mod = CommandMember(user: CommandUser(id: modID, username: "modbob", globalName: "Bob"), nick: "Bobby", roleIDs: [modRoleID, memberRoleID])
    static let alice = CommandMember(user: CommandUser(id: aliceID, username: "alice", discriminator: "1234", globalName: "Alice A"), nick: "ali", roleIDs: [memberRoleID])
    static let admin = CommandMember(user: CommandUser(id: adminID, username: "admina"), roleIDs: [adminRoleID])
    static let carol = CommandMember(user: CommandUser(id: carolID, username: "carol", globalName: "Bob"), roleIDs: [])
    static let bot = CommandMember(user: CommandUser(id: botID, username: "apus", isBot: true), roleIDs: [botRoleID])
    static let outsider = CommandUser(id: outsiderID, username: "stranger")

    static let general = CommandChannel(id: generalID, name: "general", type: .guildText, guildID: guildID)
    static let voice = CommandChannel(id: voiceID, name: "Lounge", type: .guildVoice, guildID: guildID)
    static let staff = CommandChannel(id: staffChannelID, name: "staff", type: .guildText, guildID: guildID, overwrites: [
        .init(id: guildID, target: .role, deny: [.viewChannel]),
        .init(id: modRoleID, target: .role, allow: [.viewChannel]),
    ])

    static let lookup = InMemoryCommandLookup(
        guilds: [guild],
        membersByGuild: [guildID: [owner, mod, alice, admin, carol, bot]],
        users: [outsider],
        channels: [general, voice, staff]
    )
}

/// A ``CommandContext`` that records replies.
final class RecordingContext: CommandContext {
    private let state = Mutex<[String]>([])
    private let deferrals = Mutex(0)

    var replies: [String] { state.withLock { $0 } }
    var deferCount: Int { deferrals.withLock { $0 } }

    func reply(_ content: String, ephemeral: Bool) async throws {
        state.withLock { $0.append(content) }
    }

    func reply(_ message: MessageCreatePayload) async throws {
        state.withLock { $0.append(message.content ?? "") }
    }

    func deferReply(ephemeral: Bool) async throws {
        deferrals.withLock { $0 += 1 }
    }
}

/// The moderation flag classes of §4.2 as fixtures.
enum ModerationFlags {
    static let silent = FlagDefinition("silent", aliases: ["s", "quiet"], "Don't DM the member", kind: .boolean, default: .boolean(false))
    static let reason = FlagDefinition("reason", "The reason", kind: .text(maxLength: 1024))

    static let ban = FlagSet(
        name: "BanFlags", positional: FlagDefinition("reason", "The reason", kind: .text(maxLength: 1024), default: .string("No reason provided")),
        flags: [
            FlagDefinition("purge", aliases: ["p"], "Days of messages to delete (0-7)", kind: .integer(range: 0...7), default: .integer(0)),
            silent,
        ]
    )

    static let tempBan = FlagSet(
        name: "TempBanFlags", positional: FlagDefinition("reason", "The reason", kind: .text(maxLength: 1024), default: .string("No reason provided")),
        flags: [
            FlagDefinition("duration", aliases: ["t", "d", "e"], "How long", kind: .duration(.summedUnits), required: true),
            FlagDefinition("purge", aliases: ["p"], "Days of messages to delete (0-7)", kind: .integer(range: 0...7), default: .integer(0)),
            silent,
        ]
    )

    static let timeout = FlagSet(
        name: "TimeoutFlags", positional: FlagDefinition("reason", "The reason", kind: .text(maxLength: 1024), default: .string("No reason provided")),
        flags: [
            FlagDefinition("duration", aliases: ["t", "d", "e"], "How long", kind: .string(maxLength: 50), required: true),
            silent,
        ]
    )

    static let casesView = FlagSet(name: "CasesViewFlags", flags: [
        FlagDefinition("type", aliases: ["t"], "Case type", kind: .choice(["BAN", "UNBAN", "KICK", "TIMEOUT", "WARN"].map { CommandChoice($0) })),
        FlagDefinition("user", aliases: ["u"], "The member", kind: .user),
        FlagDefinition("mod", aliases: ["m"], "The moderator", kind: .user),
    ])

    static let caseModify = FlagSet(
        name: "CaseModifyFlags",
        flags: [
            FlagDefinition("status", aliases: ["s"], "Case status", kind: .boolean),
            FlagDefinition("reason", aliases: ["r"], "New reason", kind: .text(maxLength: 1024)),
        ],
        validate: { flags in
            flags.contains("status") || flags.contains("reason") ? nil : "Status or reason must be provided."
        }
    )

    static let tldr = FlagSet(name: "TldrFlags", flags: [
        FlagDefinition("platform", aliases: ["p"], "Platform", kind: .string(maxLength: 20)),
        FlagDefinition("language", aliases: ["lang", "l"], "Language", kind: .string(maxLength: 10)),
        FlagDefinition("show_short", aliases: ["short"], "Short options", kind: .boolean, default: .boolean(false)),
        FlagDefinition("show_long", aliases: ["long"], "Long options", kind: .boolean, default: .boolean(true)),
        FlagDefinition("show_both", aliases: ["both"], "Both", kind: .boolean, default: .boolean(false)),
    ])
}
