import ApusCore
import ApusModel
import Testing
@testable import ApusCache

@Suite("Statistics and misses")
struct StatisticsTests {
    @Test func hitsMissesAndEntriesAreCounted() throws {
        let cache = DiscordCache(timeSource: ManualTimeSource())
        cache.apply(try Payloads.guildCreate(1, members: [10, 11, 12], channels: [20, 21], roles: [30]))
        cache.apply(try Payloads.message(100, channel: 20, guild: 1))
        _ = cache.member(guild: 1, user: 10)
        _ = cache.member(guild: 1, user: 99)
        _ = cache.member(guild: 2, user: 10)
        _ = cache.message(100, channel: 20)
        _ = cache.message(101, channel: 20)
        _ = cache.guild(1)
        _ = cache.guild(3)
        let statistics = cache.statistics()
        #expect(statistics[.members].entries == 3)
        #expect(statistics[.members].hits == 1)
        #expect(statistics[.members].misses == 2)
        #expect(statistics[.messages].hits == 1)
        #expect(statistics[.messages].misses == 1)
        #expect(statistics[.guilds].hits == 1)
        #expect(statistics[.guilds].misses == 1)
        #expect(statistics[.guilds].entries == 1)
        #expect(statistics[.channels].entries == 2)
        #expect(statistics[.roles].entries == 2)
        #expect(statistics[.users].entries == 3)
        #expect(statistics[.members].estimatedBytes >= 3 * MemoryLayout<MemberRecord>.stride)
        #expect(statistics[.messages].estimatedBytes >= MemoryLayout<MessageRecord>.stride)
    }

    @Test func unknownIDsAreMissesNotCrashes() {
        let cache = DiscordCache(timeSource: ManualTimeSource())
        #expect(cache.guild(1) == nil)
        #expect(cache.channel(1) == nil)
        #expect(cache.role(1, guild: 1) == nil)
        #expect(cache.member(guild: 1, user: 1) == nil)
        #expect(cache.user(1) == nil)
        #expect(cache.message(1) == nil)
        #expect(cache.message(1, channel: 1) == nil)
        #expect(cache.messages(channel: 1).isEmpty)
        #expect(cache.presence(guild: 1, user: 1) == nil)
        #expect(cache.voiceState(guild: 1, user: 1) == nil)
        #expect(cache.permissionView(guild: 1) == nil)
        #expect(cache.roles(of: CachedMember(guildID: 1, userID: 1, roleIDs: [2])).isEmpty)
        let statistics = cache.statistics()
        #expect(statistics[.guilds].misses == 1)
        #expect(statistics[.messages].misses == 3)
        #expect(statistics[.members].misses == 1)
    }

    @Test func deletesOfUnknownObjectsAreHarmless() throws {
        let cache = DiscordCache(timeSource: ManualTimeSource())
        cache.apply(try Payloads.corpus("discordeno-bench__MESSAGE_DELETE__1.json"))
        cache.apply(try Payloads.corpus("discordeno-bench__MESSAGE_DELETE_BULK__1.json"))
        cache.apply(try Payloads.corpus("discordeno-bench__CHANNEL_DELETE__1.json"))
        cache.apply(try Payloads.corpus("twilight__GUILD_ROLE_DELETE__1.json"))
        cache.apply(try Payloads.corpus("discordeno-bench__GUILD_DELETE__1.json"))
        cache.apply(try Payloads.corpus("accord__MESSAGE_UPDATE__1.json"))
        #expect(cache.statistics()[.messages].entries == 0)
        #expect(cache.guildIDs().isEmpty)
    }
}
