import ApusCore
import Foundation
import Synchronization

/// The simulated Discord state (guilds, channels, roles, members, messages), generated deterministically from the
/// configuration's seed and counts; thread-safe (Mutex inside).
///
/// Payloads are built from raw JSON templates (resource files shaped like Discord's real payloads), never from a
/// client model.
public final class SimulatorWorld: Sendable {
    /// The configuration the world was generated from.
    public let configuration: SimulatorConfiguration
    let renderer: WorldRenderer
    private let state: Mutex<WorldState>
    private let clock: Mutex<any TimeSource>
    /// Unix milliseconds at time-source zero.
    let wallOriginMilliseconds: UInt64

    /// Generates the world from `configuration` (seed, guild/member/channel counts, bot and application ids).
    public convenience init(configuration: SimulatorConfiguration) {
        self.init(configuration: configuration, timeSource: SystemTimeSource())
    }

    /// Generates the world; message ids and timestamps follow `timeSource`.
    public init(configuration: SimulatorConfiguration, timeSource: any TimeSource) {
        self.configuration = configuration
        let generated = WorldGenerator(configuration: configuration).generate()
        state = Mutex(WorldState(guilds: generated.guilds, users: generated.users))
        clock = Mutex(timeSource)
        renderer = WorldRenderer(
            templates: JSONTemplates.load(), applicationID: configuration.applicationID,
            botUserID: configuration.botUserID)
        wallOriginMilliseconds = configuration.rest.wallClockOriginMilliseconds
            ?? UInt64(max(0, Date().timeIntervalSince1970 * 1000))
    }

    /// Makes new message ids and timestamps follow `timeSource` (``SimulatorREST`` calls this with its own clock).
    public func useTimeSource(_ timeSource: any TimeSource) {
        clock.withLock { $0 = timeSource }
    }

    /// The wall-clock time now, in Unix milliseconds (origin + the time source's time).
    public func nowUnixMilliseconds() -> UInt64 {
        let now = clock.withLock { $0 }.now()
        let offset = max(0, now.nanoseconds / 1_000_000)
        return wallOriginMilliseconds &+ UInt64(offset)
    }

    /// Runs `body` with exclusive access to the state.
    func withState<Result>(_ body: (inout WorldState) -> Result) -> Result {
        state.withLock { body(&$0) }
    }

    // MARK: - Contract

    /// The generated guilds' ids, in generation order.
    public var guildIDs: [UInt64] {
        withState { $0.guilds.map(\.id) }
    }

    /// The text channels of every guild (generated order), without the restricted "staff-only" channels.
    public var textChannelIDs: [UInt64] {
        withState { state in
            state.guilds.flatMap { guild in
                guild.channels.filter { $0.kind == .text && $0.overwrites.isEmpty }.map(\.id)
            }
        }
    }

    /// The restricted text channels (hidden from @everyone and the bot; visible to moderators).
    public var restrictedChannelIDs: [UInt64] {
        withState { state in
            state.guilds.flatMap { guild in
                guild.channels.filter { $0.kind == .text && !$0.overwrites.isEmpty }.map(\.id)
            }
        }
    }

    /// The user ids of `guildID`'s members (the bot first), empty for an unknown guild.
    public func memberIDs(guildID: UInt64) -> [UInt64] {
        withState { $0.guild(guildID)?.members.map(\.userID) ?? [] }
    }

    /// The role ids of `guildID` by name (`@everyone`, `Muted`, `Member`, `Apus Bot`, `Moderator`, `Admin`).
    public func roleIDs(guildID: UInt64) -> [String: UInt64] {
        withState { state in
            Dictionary(state.guild(guildID)?.roles.map { ($0.name, $0.id) } ?? [], uniquingKeysWith: { first, _ in first })
        }
    }

    /// The READY `user` object of the bot.
    public func botUserJSON() -> String {
        withState { state in
            let bot = state.users[configuration.botUserID]
                ?? WorldUser(id: configuration.botUserID, username: "apus-sim-bot", bot: true)
            var object = renderer.user(bot)
            object["verified"] = true
            object["mfa_enabled"] = false
            object["email"] = NSNull()
            object["flags"] = 0
            return JSONText.string(object)
        }
    }

    /// The READY `application` object: `{id, flags}`.
    public func applicationJSON() -> String {
        JSONText.string(["id": String(configuration.applicationID), "flags": 565_248])
    }

    /// The full GUILD_CREATE `d` of `guildID` (channels, roles, members, presences…), or nil for an unknown guild.
    public func guildCreateJSON(guildID: UInt64) -> String? {
        withState { state in
            guard let guild = state.guild(guildID) else { return nil }
            var object = guildObject(guild)
            for (key, value) in renderer.templates.object("guild_create_extra") { object[key] = value }
            let botMember = guild.member(configuration.botUserID)
            object["joined_at"] = Snowflake.timestamp(
                unixMilliseconds: botMember?.joinedAtMilliseconds ?? WorldGenerator.generationEpochMilliseconds)
            object["member_count"] = guild.members.count
            object["large"] = guild.members.count > 250
            object["channels"] = guild.channels.map { channel -> [String: Any] in
                var rendered = renderer.channel(channel, users: state.users)
                rendered.removeValue(forKey: "guild_id")
                return rendered
            }
            object["members"] = guild.members.map { renderer.member($0, user: state.users[$0.userID]) }
            object["presences"] = guild.members.filter { $0.status != "offline" }.map(renderer.presence)
            return JSONText.string(object)
        }
    }

    /// Members for REQUEST_GUILD_MEMBERS: by username prefix `query` ("" = all) or by ids; `limit` 0 = no limit.
    public func memberJSONs(guildID: UInt64, query: String?, userIDs: [UInt64]?, limit: Int) -> [String] {
        withState { state in
            guard let guild = state.guild(guildID) else { return [] }
            var members: [WorldMember]
            if let userIDs {
                let wanted = Set(userIDs)
                members = guild.members.filter { wanted.contains($0.userID) }
            } else {
                let prefix = (query ?? "").lowercased()
                members = guild.members.filter { member in
                    guard !prefix.isEmpty else { return true }
                    let user = state.users[member.userID]
                    return (user?.username.lowercased().hasPrefix(prefix) ?? false)
                        || (member.nick?.lowercased().hasPrefix(prefix) ?? false)
                }
            }
            if limit > 0, members.count > limit { members = Array(members.prefix(limit)) }
            return members.map { JSONText.string(renderer.member($0, user: state.users[$0.userID])) }
        }
    }

    /// A message posted by a member: stores it and returns the MESSAGE_CREATE `d` text and its guild id.
    /// A nil channel or author picks the first text channel / a random-but-deterministic non-bot member.
    public func postMemberMessage(channelID: UInt64?, authorID: UInt64?, content: String) -> (guildID: UInt64, json: String)? {
        let now = nowUnixMilliseconds()
        return withState { state in
            let defaultChannel = state.guilds.first?.channels.first { $0.kind == .text }?.id
            guard let channelID = channelID ?? defaultChannel, let located = state.channel(channelID),
                let guildIndex = located.guildIndex
            else { return nil }
            let guild = state.guilds[guildIndex]
            let candidates = guild.members.filter { $0.userID != configuration.botUserID }
            let chosenAuthor = authorID ?? candidates.first?.userID ?? configuration.botUserID
            guard let member = guild.member(chosenAuthor) else { return nil }
            return postLocked(state: &state, guild: guild, channelID: channelID, member: member, content: content, now: now)
        }
    }

    /// A scripted chatter message, chosen with `random`; nil if the world has no channels.
    public func scriptedMessage(using random: inout SeededRandom) -> (guildID: UInt64, json: String)? {
        let now = nowUnixMilliseconds()
        let pick = random.next()
        let pickAuthor = random.next()
        let pickLine = random.next()
        return withState { state in
            let channels = state.guilds.flatMap { guild in
                guild.channels.filter { $0.kind == .text && $0.overwrites.isEmpty }.map { (guild, $0.id) }
            }
            guard !channels.isEmpty else { return nil }
            let (guild, channelID) = channels[Int(pick % UInt64(channels.count))]
            let members = guild.members.filter { $0.userID != configuration.botUserID }
            guard !members.isEmpty else { return nil }
            let member = members[Int(pickAuthor % UInt64(members.count))]
            let line = Self.chatterLines[Int(pickLine % UInt64(Self.chatterLines.count))]
            return postLocked(state: &state, guild: guild, channelID: channelID, member: member, content: line, now: now)
        }
    }

    static let chatterLines = [
        "hello everyone", "anyone around?", "¡hola! ¿qué tal?", "grüße aus Köln", "that build finally passed 🎉",
        "brb", "こんにちは", "lol", "did the bot restart?", "!ping", "good morning ☀️", "see you tomorrow",
    ]

    private func postLocked(
        state: inout WorldState, guild: WorldGuild, channelID: UInt64, member: WorldMember, content: String, now: UInt64
    ) -> (guildID: UInt64, json: String) {
        let message = WorldMessage(
            id: state.nextID(unixMilliseconds: now), channelID: channelID, guildID: guild.id, authorID: member.userID,
            content: content, timestampMilliseconds: now)
        state.store(message)
        let object = renderer.message(message, author: state.users[member.userID], member: member, forGateway: true)
        return (guild.id, JSONText.string(object))
    }

    /// The guild object (GET /guilds/{id} shape) for `guild`.
    func guildObject(_ guild: WorldGuild) -> [String: Any] {
        var object = renderer.templates.object("guild")
        object["id"] = String(guild.id)
        object["name"] = guild.name
        object["owner_id"] = String(guild.ownerID)
        object["roles"] = guild.roles.map(renderer.role)
        let system = guild.channels.first { $0.kind == .text }
        object["system_channel_id"] = system.map { String($0.id) } ?? NSNull()
        return object
    }
}
