import ApusModel

/// Where converters find members, users, roles and channels (the cache implements it; tests use
/// ``InMemoryCommandLookup``).
public protocol CommandLookup: Sendable {
    /// The guild with its owner and roles.
    func guild(_ id: Snowflake) async -> CommandGuild?
    /// A member of a guild by user id.
    func member(_ id: Snowflake, in guild: Snowflake) async -> CommandMember?
    /// Members of a guild whose username, global name or nickname equals `name` ignoring case (a superset is fine:
    /// the converter applies the exact rules).
    func members(named name: String, in guild: Snowflake) async -> [CommandMember]
    /// A user by id.
    func user(_ id: Snowflake) async -> CommandUser?
    /// A channel by id.
    func channel(_ id: Snowflake) async -> CommandChannel?
    /// Every channel of a guild.
    func channels(in guild: Snowflake) async -> [CommandChannel]
}

/// A ``CommandLookup`` over plain arrays, for tests and small tools.
public struct InMemoryCommandLookup: CommandLookup {
    /// The guilds.
    public var guilds: [CommandGuild]
    /// Members per guild id.
    public var membersByGuild: [Snowflake: [CommandMember]]
    /// Users that are not (or not only) members.
    public var users: [CommandUser]
    /// Every channel.
    public var channels: [CommandChannel]

    /// Creates a lookup.
    public init(
        guilds: [CommandGuild] = [], membersByGuild: [Snowflake: [CommandMember]] = [:], users: [CommandUser] = [],
        channels: [CommandChannel] = []
    ) {
        self.guilds = guilds
        self.membersByGuild = membersByGuild
        self.users = users
        self.channels = channels
    }

    /// The guild with this id.
    public func guild(_ id: Snowflake) async -> CommandGuild? { guilds.first { $0.id == id } }

    /// The member with this user id in `guild`.
    public func member(_ id: Snowflake, in guild: Snowflake) async -> CommandMember? {
        membersByGuild[guild]?.first { $0.id == id }
    }

    /// Members whose username, global name, nickname or `username#discriminator` equals `name`, ignoring case.
    public func members(named name: String, in guild: Snowflake) async -> [CommandMember] {
        let wanted = name.lowercased()
        return (membersByGuild[guild] ?? []).filter { member in
            [member.user.username, member.user.globalName, member.nick].contains { $0?.lowercased() == wanted }
                || "\(member.user.username)#\(member.user.discriminator)".lowercased() == wanted
        }
    }

    /// A user from ``users``, else the user of any member with this id.
    public func user(_ id: Snowflake) async -> CommandUser? {
        if let user = users.first(where: { $0.id == id }) { return user }
        for members in membersByGuild.values {
            if let member = members.first(where: { $0.id == id }) { return member.user }
        }
        return nil
    }

    /// The channel with this id.
    public func channel(_ id: Snowflake) async -> CommandChannel? { channels.first { $0.id == id } }

    /// The channels of `guild`.
    public func channels(in guild: Snowflake) async -> [CommandChannel] { channels.filter { $0.guildID == guild } }
}
