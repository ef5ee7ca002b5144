import ApusCache
import ApusCommands
import ApusModel

/// The command framework's lookups answered from the bot's cache: member, user, role and channel arguments resolve
/// without a REST call when the cache holds them.
public struct CacheCommandLookup: CommandLookup {
    /// The cache read.
    public let cache: DiscordCache
    /// The clock that decides whether a member's timeout is still running.
    public let wallClock: any WallClock

    /// Creates a lookup over `cache`.
    public init(cache: DiscordCache, wallClock: any WallClock = SystemWallClock()) {
        self.cache = cache
        self.wallClock = wallClock
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
        cache.user(id).map { CommandUser(id: $0.id, username: $0.username, globalName: $0.globalName, isBot: $0.isBot) }
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
