import ApusCache
import ApusCommands
import ApusHTTP
import ApusModel

/// The command framework's lookups answered from the bot's cache: member, user, role and channel arguments resolve
/// without a REST call when the cache holds them. A user id the cache does not know (a banned user, say) is fetched
/// with `GET /users/{id}` when a REST client is given, as discord.py's `UserConverter` does.
public struct CacheCommandLookup: CommandLookup {
    /// The cache read.
    public let cache: DiscordCache
    /// The clock that decides whether a member's timeout is still running.
    public let wallClock: any WallClock
    /// The REST client used for users the cache does not hold, if any.
    public let rest: DiscordREST?

    /// Creates a lookup over `cache`, falling back to `rest` for unknown user ids.
    public init(cache: DiscordCache, wallClock: any WallClock = SystemWallClock(), rest: DiscordREST? = nil) {
        self.cache = cache
        self.wallClock = wallClock
        self.rest = rest
    }

    /// The guild with its owner and roles.
    public func guild(_ id: Snowflake) async -> CommandGuild? {
        guard let guild = cache.guild(id) else { return nil }
        let roles = cache.roles(guild: id).map {
            CommandRole(id: $0.id, name: $0.name, position: Int($0.position), permissions: $0.permissions)
        }
        return CommandGuild(id: id, ownerID: guild.ownerID, roles: roles)
    }

    /// A member of a guild by user id.
    public func member(_ id: Snowflake, in guild: Snowflake) async -> CommandMember? {
        cache.member(guild: guild, user: id).flatMap(commandMember)
    }

    /// Members whose username, global name or nickname equals `name` ignoring case.
    public func members(named name: String, in guild: Snowflake) async -> [CommandMember] {
        let wanted = name.lowercased()
        return cache.members(guild: guild).filter { member in
            [member.user?.username, member.user?.globalName, member.nick].contains { $0?.lowercased() == wanted }
                || member.user.map { "\($0.username)#0".lowercased() == wanted } == true
        }.compactMap(commandMember)
    }

    /// A user by id.
    public func user(_ id: Snowflake) async -> CommandUser? {
        if let cached = cache.user(id) {
            return CommandUser(id: cached.id, username: cached.username, globalName: cached.globalName, isBot: cached.isBot)
        }
        guard let rest, let fetched = try? await rest.getUser(userID: id) else { return nil }
        return CommandUser(fetched)
    }

    /// A channel by id.
    public func channel(_ id: Snowflake) async -> CommandChannel? {
        cache.channel(id).map(Self.commandChannel)
    }

    /// Every channel of a guild.
    public func channels(in guild: Snowflake) async -> [CommandChannel] {
        cache.channels(guild: guild).map(Self.commandChannel)
    }

    private func commandMember(_ member: CachedMember) -> CommandMember? {
        guard let user = member.user else { return nil }
        let now = wallClock.now().millisecondsSinceEpoch * 1000
        let timedOut = member.communicationDisabledUntil.map { $0.microsecondsSinceEpoch > now } ?? false
        return CommandMember(
            user: CommandUser(id: user.id, username: user.username, globalName: user.globalName, isBot: user.isBot),
            nick: member.nick, roleIDs: member.roleIDs, isTimedOut: timedOut)
    }

    private static func commandChannel(_ channel: CachedChannel) -> CommandChannel {
        CommandChannel(
            id: channel.id, name: channel.name, type: channel.type, guildID: channel.guildID,
            overwrites: channel.overwrites.map {
                PermissionCalculator.Overwrite(id: $0.id, target: $0.isMember ? .member : .role, allow: $0.allow, deny: $0.deny)
            })
    }
}
