import ApusCore
import ApusModel
import Testing
@testable import ApusCache

@Suite("Concurrent writers")
struct ConcurrencyTests {
    @Test(.timeLimit(.minutes(1))) func writersOnDifferentGuildsEndConsistent() async throws {
        let cache = DiscordCache(timeSource: ManualTimeSource())
        let guilds = 8
        let membersPerGuild = 200
        var events: [[GatewayEvent]] = []
        for guild in 1 ... guilds {
            var list = [try Payloads.guildCreate(UInt64(guild), channels: [UInt64(guild * 1000)])]
            for member in 1 ... membersPerGuild {
                // Users 1...100 are shared by every guild; the rest are per guild.
                let user = member <= 100 ? UInt64(member) : UInt64(guild * 10_000 + member)
                list.append(try Payloads.memberAdd(guild: UInt64(guild), user: user))
                list.append(try Payloads.message(UInt64(guild * 100_000 + member), channel: UInt64(guild * 1000), guild: UInt64(guild)))
            }
            events.append(list)
        }
        await withTaskGroup(of: Void.self) { group in
            for list in events {
                group.addTask {
                    for event in list {
                        cache.apply(event)
                        _ = cache.member(guild: 1, user: 1)
                    }
                }
            }
        }
        let statistics = cache.statistics()
        #expect(statistics[.guilds].entries == guilds)
        #expect(statistics[.members].entries == guilds * membersPerGuild)
        #expect(statistics[.users].entries == 100 + guilds * (membersPerGuild - 100))
        #expect(statistics[.messages].entries == guilds * membersPerGuild)
        for guild in 1 ... guilds {
            #expect(cache.memberCount(guild: Snowflake(UInt64(guild))) == membersPerGuild)
            #expect(cache.guild(Snowflake(UInt64(guild)))?.memberCount == membersPerGuild)
        }
        // Removing the shared users from all but one guild keeps them; from the last one drops them.
        for guild in 2 ... guilds {
            for user in 1 ... 100 {
                cache.apply(try Payloads.event("GUILD_MEMBER_REMOVE", #"{"guild_id":"\#(guild)","user":\#(Payloads.user(UInt64(user)))}"#))
            }
        }
        #expect(cache.user(50) != nil)
        cache.apply(.guildDelete(try UnavailableGuild(jsonString: #"{"id":"1"}"#)))
        #expect(cache.user(50) == nil)
    }
}
