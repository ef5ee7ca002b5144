import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

@Suite("Simulated world")
struct WorldTests {
    private func world(seed: UInt64 = 42, guilds: Int = 4, clock: ManualTimeSource = ManualTimeSource()) -> SimulatorWorld {
        var configuration = SimulatorConfiguration()
        configuration.seed = seed
        configuration.guildCount = guilds
        configuration.membersPerGuild = 12
        configuration.textChannelsPerGuild = 3
        configuration.rest.wallClockOriginMilliseconds = 1_767_225_600_000
        return SimulatorWorld(configuration: configuration, timeSource: clock)
    }

    private func object(_ text: String?) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data((text ?? "").utf8))) as? [String: Any] ?? [:]
    }

    @Test func sameSeedGivesTheSameWorldAndAnotherSeedDoesNot() {
        let first = world(seed: 7)
        let second = world(seed: 7)
        let other = world(seed: 8)
        #expect(first.guildIDs == second.guildIDs)
        let sameGuildCreate = first.guildCreateJSON(guildID: first.guildIDs[0]) == second.guildCreateJSON(guildID: second.guildIDs[0])
        #expect(sameGuildCreate)
        #expect(first.guildIDs != other.guildIDs)
    }

    @Test func guildIDsAreRealisticSnowflakesThatSpreadOverShards() {
        let many = world(guilds: 64)
        let ids = many.guildIDs
        #expect(Set(ids).count == 64)
        for id in ids {
            let milliseconds = Snowflake.unixMilliseconds(of: id)
            #expect(milliseconds > 1_420_070_400_000 && milliseconds < 1_767_225_600_000)
        }
        let shards = Set(ids.map { ($0 >> 22) % 4 })
        #expect(shards.count == 4)
    }

    @Test func guildCreateHasRolesChannelsMembersAndPresencesShapedLikeDiscord() throws {
        let world = world()
        let guild = object(world.guildCreateJSON(guildID: world.guildIDs[0]))
        for key in ["id", "name", "owner_id", "roles", "channels", "members", "presences", "joined_at", "member_count",
            "large", "unavailable", "voice_states", "threads", "emojis", "features", "premium_tier", "system_channel_id"] {
            #expect(guild[key] != nil, "missing \(key)")
        }
        let roles = try #require(guild["roles"] as? [[String: Any]])
        let moderator = try #require(roles.first { $0["name"] as? String == "Moderator" })
        let permissions = UInt64(moderator["permissions"] as? String ?? "") ?? 0
        #expect(permissions & SimulatorPermission.banMembers != 0)
        #expect(permissions & SimulatorPermission.moderateMembers != 0)
        #expect(permissions & SimulatorPermission.manageRoles != 0)
        #expect(roles.contains { $0["name"] as? String == "Muted" })
        #expect(roles.contains { $0["name"] as? String == "@everyone" && $0["id"] as? String == guild["id"] as? String })
        let channels = try #require(guild["channels"] as? [[String: Any]])
        #expect(channels.contains { $0["type"] as? Int == 4 })
        #expect(channels.contains { $0["type"] as? Int == 2 })
        #expect(channels.filter { $0["type"] as? Int == 0 }.count == 4)
        let members = try #require(guild["members"] as? [[String: Any]])
        #expect(members.count == 13)
        #expect(guild["member_count"] as? Int == 13)
        let presences = try #require(guild["presences"] as? [[String: Any]])
        #expect(!presences.isEmpty)
    }

    @Test func theBotsRoleSitsInTheMiddleOfTheHierarchy() throws {
        var configuration = SimulatorConfiguration()
        configuration.membersPerGuild = 5
        let world = SimulatorWorld(configuration: configuration, timeSource: ManualTimeSource())
        let guild = object(world.guildCreateJSON(guildID: world.guildIDs[0]))
        let roles = try #require(guild["roles"] as? [[String: Any]])
        let positions = Dictionary(uniqueKeysWithValues: roles.map { ($0["name"] as? String ?? "", $0["position"] as? Int ?? -1) })
        let bot = try #require(positions["Apus Bot"])
        #expect(bot > (positions["Member"] ?? 99))
        #expect(bot < (positions["Moderator"] ?? -1))
        let members = try #require(guild["members"] as? [[String: Any]])
        let botMember = try #require(members.first {
            ($0["user"] as? [String: Any])?["id"] as? String == String(configuration.botUserID)
        })
        #expect((botMember["user"] as? [String: Any])?["bot"] as? Bool == true)
        #expect((botMember["roles"] as? [String])?.count == 1)
    }

    @Test func someMembersHaveNonASCIINames() {
        let world = world(guilds: 2)
        let names = world.guildIDs.flatMap { world.memberJSONs(guildID: $0, query: nil, userIDs: nil, limit: 0) }
            .compactMap { (object($0)["user"] as? [String: Any])?["global_name"] as? String }
        #expect(names.contains { $0.unicodeScalars.contains { !$0.isASCII } })
    }

    @Test func memberQueriesFilterByPrefixIDsAndLimit() {
        let world = world()
        let guildID = world.guildIDs[0]
        #expect(world.memberJSONs(guildID: guildID, query: "", userIDs: nil, limit: 0).count == 13)
        #expect(world.memberJSONs(guildID: guildID, query: "", userIDs: nil, limit: 5).count == 5)
        let ids = Array(world.memberIDs(guildID: guildID).prefix(2))
        #expect(world.memberJSONs(guildID: guildID, query: nil, userIDs: ids, limit: 0).count == 2)
        let bot = world.memberJSONs(guildID: guildID, query: "apus-sim", userIDs: nil, limit: 0)
        #expect(bot.count == 1)
        #expect(world.memberJSONs(guildID: 1, query: "", userIDs: nil, limit: 0).isEmpty)
    }

    @Test func postedMessagesGetSnowflakesThatMoveWithTheClock() throws {
        let clock = ManualTimeSource()
        let world = world(clock: clock)
        let channel = try #require(world.textChannelIDs.first)
        let first = try #require(world.postMemberMessage(channelID: channel, authorID: nil, content: "one"))
        clock.advance(by: .seconds(10))
        let second = try #require(world.postMemberMessage(channelID: channel, authorID: nil, content: "two"))
        let firstID = try #require(UInt64(object(first.json)["id"] as? String ?? ""))
        let secondID = try #require(UInt64(object(second.json)["id"] as? String ?? ""))
        #expect(Snowflake.unixMilliseconds(of: secondID) - Snowflake.unixMilliseconds(of: firstID) == 10_000)
        #expect(Snowflake.unixMilliseconds(of: firstID) == 1_767_225_600_000)
        #expect(object(first.json)["guild_id"] as? String == String(first.guildID))
        #expect(object(first.json)["member"] != nil)
        #expect(object(first.json)["timestamp"] as? String == "2026-01-01T00:00:00.000000+00:00")
        #expect(world.postMemberMessage(channelID: 12345, authorID: nil, content: "x") == nil)
    }

    @Test func scriptedChatterIsDeterministic() throws {
        var randomA = SeededRandom(seed: 3)
        var randomB = SeededRandom(seed: 3)
        let a = try #require(world().scriptedMessage(using: &randomA))
        let b = try #require(world().scriptedMessage(using: &randomB))
        #expect(object(a.json)["content"] as? String == object(b.json)["content"] as? String)
        #expect(object(a.json)["channel_id"] as? String == object(b.json)["channel_id"] as? String)
        var random = SeededRandom(seed: 1)
        #expect(world(guilds: 0).scriptedMessage(using: &random) == nil)
    }

    @Test func permissionsFollowRolesAndChannelOverwrites() throws {
        let world = world()
        let guildID = world.guildIDs[0]
        let state = world.withState { $0 }
        do {
            let guild = try #require(state.guild(guildID))
            let hidden = try #require(guild.channels.first { $0.name == "staff-only" })
            let general = try #require(guild.channels.first { $0.name == "general" })
            let bot = try #require(guild.member(world.configuration.botUserID))
            let moderator = try #require(guild.members.first { member in
                member.roleIDs.contains { guild.role($0)?.name == "Moderator" }
            })
            let view = SimulatorPermission.viewChannel
            #expect(SimulatorPermission.inChannel(guild: guild, channel: general, memberUserID: bot.userID, roleIDs: bot.roleIDs) & view != 0)
            #expect(SimulatorPermission.inChannel(guild: guild, channel: hidden, memberUserID: bot.userID, roleIDs: bot.roleIDs) & view == 0)
            #expect(SimulatorPermission.inChannel(
                guild: guild, channel: hidden, memberUserID: moderator.userID, roleIDs: moderator.roleIDs) & view != 0)
            #expect(SimulatorPermission.base(guild: guild, memberUserID: guild.ownerID, roleIDs: []) == SimulatorPermission.all)
        }
    }

    @Test func templatesAreLoadedFromTheBundle() {
        let templates = JSONTemplates.load()
        for name in JSONTemplates.names { #expect(templates.has(name), "template \(name) missing") }
    }

    @Test func timestampsAreFormattedLikeDiscord() {
        #expect(Snowflake.timestamp(unixMilliseconds: 1_709_063_451_701) == "2024-02-27T19:50:51.701000+00:00")
        #expect(Snowflake.parseTimestamp("2024-02-27T19:50:51.701000+00:00") == 1_709_063_451_701)
        #expect(Snowflake.parseTimestamp("not a date") == nil)
    }
}
