import ApusCore
import ApusModel
import Testing
@testable import ApusCache

@Suite("Switches and bounds")
struct BoundsTests {
    let clock = ManualTimeSource()

    @Test func disabledResourcesStoreNothing() throws {
        let cache = DiscordCache(configuration: .nothing, timeSource: clock)
        cache.apply(try Payloads.corpus("accord__READY__1.json"))
        cache.apply(try Payloads.corpus("serenity__GUILD_CREATE__2.json"))
        cache.apply(try Payloads.corpus("accord__MESSAGE_CREATE__1.json"))
        cache.apply(try Payloads.corpus("accord__VOICE_STATE_UPDATE__1.json"))
        let statistics = cache.statistics()
        for resource in CacheResource.allCases {
            #expect(statistics[resource].entries == 0, "\(resource)")
            #expect(statistics[resource].estimatedBytes == 0, "\(resource)")
        }
        #expect(cache.guild(81_384_788_765_712_384) == nil)
    }

    @Test func eachSwitchOffLeavesTheOthersWorking() throws {
        for resource in CacheResource.allCases {
            var configuration = CacheConfiguration()
            configuration.presences = .unbounded
            configuration[resource] = .disabled
            let cache = DiscordCache(configuration: configuration, timeSource: clock)
            cache.apply(try Payloads.corpus("serenity__GUILD_CREATE__2.json"))
            cache.apply(try Payloads.message(1, channel: 290_944_320_192_774_154, guild: 81_384_788_765_712_384))
            let statistics = cache.statistics()
            #expect(statistics[resource].entries == 0, "\(resource) is off")
            for other in CacheResource.allCases where other != resource && other != .voiceStates {
                if other == .users && resource == .members { continue }  // users live only through members
                #expect(statistics[other].entries > 0, "\(other) with \(resource) off")
            }
        }
    }

    @Test func messagesPerChannelEvictOldestFirst() throws {
        var configuration = CacheConfiguration()
        configuration.messages = ResourcePolicy(maximumPerContainer: 3)
        let cache = DiscordCache(configuration: configuration, timeSource: clock)
        for id in UInt64(1) ... 5 { cache.apply(try Payloads.message(id, channel: 100)) }
        cache.apply(try Payloads.message(50, channel: 200))
        #expect(cache.messages(channel: 100).map(\.id) == [5, 4, 3])
        #expect(cache.message(1, channel: 100) == nil)
        #expect(cache.messages(channel: 200).map(\.id) == [50])
        #expect(cache.statistics()[.messages].evictions == 2)
        #expect(cache.statistics()[.messages].entries == 4)
    }

    @Test func messagesTotalBoundEvictsOldestAcrossChannels() throws {
        var configuration = CacheConfiguration()
        configuration.shardCount = 1
        configuration.messages = ResourcePolicy(maximumTotal: 4)
        let cache = DiscordCache(configuration: configuration, timeSource: clock)
        for id in UInt64(1) ... 6 { cache.apply(try Payloads.message(id, channel: 100 + id % 2)) }
        #expect(cache.statistics()[.messages].entries == 4)
        #expect(cache.message(1, channel: 101) == nil)
        #expect(cache.message(2, channel: 100) == nil)
        #expect(cache.message(3, channel: 101) != nil)
        #expect(cache.message(6, channel: 100) != nil)
    }

    @Test func messagesTotalBoundHoldsExactlyWithManyShards() throws {
        var configuration = CacheConfiguration()
        configuration.messages = ResourcePolicy(maximumTotal: 1_000)
        let cache = DiscordCache(configuration: configuration, timeSource: clock)
        for id in UInt64(1) ... 3_000 { cache.apply(try Payloads.message(id, channel: 500 + id % 37)) }
        let statistics = cache.statistics()[.messages]
        // Each message shard holds an equal share of the bound, so the total never exceeds it (shares of shards
        // with fewer channels may stay partly unused).
        #expect(statistics.entries <= 1_000)
        #expect(statistics.entries > 800)
        #expect(statistics.entries + statistics.evictions == 3_000)
        #expect(cache.message(3_000, channel: Snowflake(500 + 3_000 % 37)) != nil)
        #expect(cache.message(1, channel: 501) == nil)
    }

    @Test func membersPerGuildEvictLeastRecentlyWritten() throws {
        var configuration = CacheConfiguration()
        configuration.members = ResourcePolicy(maximumPerContainer: 2)
        let cache = DiscordCache(configuration: configuration, timeSource: clock)
        cache.apply(try Payloads.guildCreate(1))
        for user in UInt64(10) ... 12 {
            cache.apply(try Payloads.memberAdd(guild: 1, user: user))
            clock.advance(by: .seconds(1))
        }
        #expect(cache.member(guild: 1, user: 10) == nil)
        #expect(cache.member(guild: 1, user: 11) != nil)
        #expect(cache.member(guild: 1, user: 12) != nil)
        #expect(cache.user(10) == nil)  // its only membership was evicted
        #expect(cache.statistics()[.members].evictions == 1)
    }

    @Test func ageBoundIsEnforcedLazilyAndBySweep() throws {
        var configuration = CacheConfiguration()
        configuration.messages = ResourcePolicy(maximumAge: .seconds(60))
        configuration.members = ResourcePolicy(maximumAge: .seconds(60))
        let cache = DiscordCache(configuration: configuration, timeSource: clock)
        cache.apply(try Payloads.guildCreate(1, members: [10, 11]))
        cache.apply(try Payloads.message(1, channel: 100))
        cache.apply(try Payloads.message(2, channel: 100))
        clock.advance(by: .seconds(30))
        cache.apply(try Payloads.message(3, channel: 100))
        #expect(cache.message(1, channel: 100) != nil)
        clock.advance(by: .seconds(31))
        // Lazily: the first two messages and the members are older than 60 s now.
        #expect(cache.message(1, channel: 100) == nil)
        #expect(cache.messages(channel: 100).map(\.id) == [3])
        #expect(cache.member(guild: 1, user: 10) == nil)
        // The sweep removes what nobody looked at.
        let removed = cache.sweep(now: clock.now())
        #expect(removed == 2)  // message 2 and member 11
        #expect(cache.statistics()[.members].entries == 0)
        #expect(cache.statistics()[.messages].entries == 1)
        #expect(cache.statistics()[.users].entries == 0)
        #expect(cache.sweep(now: clock.now() + .seconds(61)) == 1)
    }

    @Test func presencesBoundedPerGuild() throws {
        var configuration = CacheConfiguration()
        configuration.presences = ResourcePolicy(maximumPerContainer: 1)
        let cache = DiscordCache(configuration: configuration, timeSource: clock)
        cache.apply(try Payloads.guildCreate(1))
        for user in 1 ... 3 {
            cache.apply(try Payloads.event("PRESENCE_UPDATE", #"{"user":{"id":"\#(user)"},"guild_id":"1","status":"idle"}"#))
            clock.advance(by: .seconds(1))
        }
        #expect(cache.statistics()[.presences].entries == 1)
        #expect(cache.presence(guild: 1, user: 3)?.status == .idle)
        #expect(cache.statistics()[.presences].evictions == 2)
    }
}
