/// The guilds the generated stream talks about: their channels, roles and members, all drawn from a seed.
///
/// The READY and GUILD_CREATE frames describe exactly this world, and every dispatch in the mix refers to it,
/// so discord.py's cache finds the guilds, channels and members it looks up.
struct GeneratedWorld {
    /// One member of a guild.
    struct Member {
        var userID: UInt64
        var username: String
        var globalName: String?
        var nick: String?
        var roles: [UInt64]
        var joinedAtMilliseconds: UInt64
    }

    /// One guild.
    struct Guild {
        var id: UInt64
        var name: String
        var ownerID: UInt64
        var channels: [UInt64]
        var channelNames: [String]
        var roles: [UInt64]
        var roleNames: [String]
        var members: [Member]
    }

    var botUserID: UInt64
    var applicationID: UInt64
    var guilds: [Guild]

    /// Builds `guildCount` guilds of `channelsPerGuild` text channels, `rolesPerGuild` roles and `membersPerGuild`
    /// members each.
    init(
        random: inout WorkloadRandom, text: inout TextSource, startMilliseconds: UInt64,
        guildCount: Int, channelsPerGuild: Int, rolesPerGuild: Int, membersPerGuild: Int
    ) {
        var ids = SnowflakeFactory(random: random)
        let earlier = startMilliseconds - 400 * 86_400_000
        botUserID = ids.make(atMilliseconds: earlier)
        applicationID = botUserID
        var guilds: [Guild] = []
        for _ in 0..<guildCount {
            let guildID = ids.make(atMilliseconds: earlier + UInt64(random.below(86_400_000)))
            let channels = (0..<channelsPerGuild).map { _ in ids.make(atMilliseconds: earlier + UInt64(random.below(86_400_000))) }
            let channelNames = channels.map { _ in text.slug(words: 2) }
            // The @everyone role has the guild's id.
            var roles = [guildID]
            roles += (1..<rolesPerGuild).map { _ in ids.make(atMilliseconds: earlier + UInt64(random.below(86_400_000))) }
            let roleNames = ["@everyone"] + (1..<rolesPerGuild).map { _ in text.title(words: 2) }
            var members: [Member] = []
            for _ in 0..<membersPerGuild {
                let memberRoles = (0..<random.below(7)).map { _ in roles[1 + random.below(roles.count - 1)] }
                members.append(Member(
                    userID: ids.make(atMilliseconds: earlier + UInt64(random.below(300 * 86_400_000))),
                    username: text.username(),
                    globalName: random.chance(70) ? text.title(words: 2) : nil,
                    nick: random.chance(30) ? text.title(words: 1) : nil,
                    roles: Array(Set(memberRoles)).sorted(),
                    joinedAtMilliseconds: earlier + UInt64(random.below(300 * 86_400_000))
                ))
            }
            guilds.append(Guild(
                id: guildID, name: text.title(words: 3), ownerID: members[0].userID, channels: channels,
                channelNames: channelNames, roles: roles, roleNames: roleNames, members: members
            ))
        }
        // Members of the bot's own guilds include the bot.
        for index in guilds.indices {
            guilds[index].members.append(Member(
                userID: botUserID, username: "apus-bench", globalName: nil, nick: nil, roles: [],
                joinedAtMilliseconds: earlier
            ))
        }
        self.guilds = guilds
        random = ids.random
    }
}

/// Makes snowflakes whose timestamp part is a given time, with random worker/sequence bits.
struct SnowflakeFactory {
    static let discordEpochMilliseconds: UInt64 = 1_420_070_400_000
    var random: WorkloadRandom

    mutating func make(atMilliseconds milliseconds: UInt64) -> UInt64 {
        ((milliseconds - Self.discordEpochMilliseconds) << 22) | (random.next() & 0x3F_FFFF)
    }
}
