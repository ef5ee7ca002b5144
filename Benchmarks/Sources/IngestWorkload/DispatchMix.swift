/// Draws the dispatches of the mix one at a time: 70% MESSAGE_CREATE, the rest TYPING_START,
/// MESSAGE_REACTION_ADD, PRESENCE_UPDATE, GUILD_MEMBER_UPDATE and MESSAGE_UPDATE.
struct DispatchMix {
    private struct SentMessage {
        var id: UInt64
        var channelID: UInt64
        var guildIndex: Int
        var author: GeneratedWorld.Member
        var timestampMilliseconds: UInt64
    }

    private var world: GeneratedWorld
    private var random: WorkloadRandom
    private var text: TextSource
    private var ids: SnowflakeFactory
    private var now: UInt64
    private var recent: [SentMessage] = []
    private var recentNext = 0
    private static let recentCapacity = 3_000
    private static let statuses = ["online", "idle", "dnd", "online", "online"]
    private static let unicodeEmoji = ["👍", "❤️", "😂", "🎉", "🔥", "👀", "✅", "🙏"]

    init(world: GeneratedWorld, random: WorkloadRandom, text: TextSource, startMilliseconds: UInt64) {
        self.world = world
        var random = random
        self.ids = SnowflakeFactory(random: WorkloadRandom(seed: random.next() ^ 0x51D))
        self.random = random
        self.text = text
        self.now = startMilliseconds
    }

    /// The next dispatch: its event name and its `d` JSON.
    mutating func next() -> (String, String) {
        now += 1 + UInt64(random.below(12))
        let roll = random.below(100)
        if roll < 70 || recent.isEmpty { return ("MESSAGE_CREATE", messageCreate()) }
        let guildIndex = random.below(world.guilds.count)
        let guild = world.guilds[guildIndex]
        let member = guild.members[random.below(guild.members.count - 1)]
        switch roll {
        case 70..<78:
            return ("TYPING_START", DispatchFrames.typingStart(
                channelID: random.pick(guild.channels), guild: guild, member: member, seconds: now / 1000, text: &text))
        case 78..<85:
            let target = recent[random.below(recent.count)]
            let targetGuild = world.guilds[target.guildIndex]
            let reactor = targetGuild.members[random.below(targetGuild.members.count - 1)]
            let emoji: (id: UInt64?, name: String) = random.chance(40)
                ? (ids.make(atMilliseconds: now - 86_400_000), text.word())
                : (nil, random.pick(Self.unicodeEmoji))
            return ("MESSAGE_REACTION_ADD", DispatchFrames.reactionAdd(
                messageID: target.id, channelID: target.channelID, guild: targetGuild, member: reactor, emoji: emoji,
                authorID: target.author.userID, text: &text))
        case 85..<92:
            let activities: [(type: Int, name: String)] = (0..<random.below(3)).map { _ in
                (random.chance(60) ? 0 : 3, text.title(words: 1 + random.below(3)))
            }
            return ("PRESENCE_UPDATE", DispatchFrames.presenceUpdate(
                guild: guild, member: member, status: random.pick(Self.statuses), activities: activities, text: &text))
        case 92..<95:
            var changed = member
            changed.nick = random.chance(50) ? text.title(words: 1) : nil
            changed.roles = Array(Set((0..<random.below(6)).map { _ in guild.roles[1 + random.below(guild.roles.count - 1)] })).sorted()
            if let index = world.guilds[guildIndex].members.firstIndex(where: { $0.userID == member.userID }) {
                world.guilds[guildIndex].members[index] = changed
            }
            return ("GUILD_MEMBER_UPDATE", DispatchFrames.memberUpdate(guild: guild, member: changed, text: &text))
        default:
            let target = recent[random.below(recent.count)]
            let targetGuild = world.guilds[target.guildIndex]
            return ("MESSAGE_UPDATE", DispatchFrames.message(
                id: target.id, channelID: target.channelID, guild: targetGuild, author: target.author,
                content: text.sentence(), timestampMilliseconds: target.timestampMilliseconds, editedMilliseconds: now,
                mentions: [], attachments: [], embeds: [], text: &text))
        }
    }

    private mutating func messageCreate() -> String {
        let guildIndex = random.below(world.guilds.count)
        let guild = world.guilds[guildIndex]
        let channelID = random.pick(guild.channels)
        let author = guild.members[random.below(guild.members.count - 1)]
        let id = ids.make(atMilliseconds: now)
        let mentions = (0..<(random.chance(20) ? 1 + random.below(3) : 0)).map { _ in
            guild.members[random.below(guild.members.count - 1)]
        }
        let attachments = random.chance(8)
            ? [DispatchFrames.attachment(id: ids.make(atMilliseconds: now), channelID: channelID, text: &text)] : []
        let embeds = random.chance(8) ? [DispatchFrames.embed(text: &text)] : []
        var content = text.sentence()
        if let first = mentions.first { content = "<@\(first.userID)> " + content }
        let sent = SentMessage(id: id, channelID: channelID, guildIndex: guildIndex, author: author, timestampMilliseconds: now)
        if recent.count < Self.recentCapacity {
            recent.append(sent)
        } else {
            recent[recentNext] = sent
            recentNext = (recentNext + 1) % Self.recentCapacity
        }
        return DispatchFrames.message(
            id: id, channelID: channelID, guild: guild, author: author, content: content,
            timestampMilliseconds: now, editedMilliseconds: nil, mentions: mentions, attachments: attachments,
            embeds: embeds, text: &text)
    }
}
