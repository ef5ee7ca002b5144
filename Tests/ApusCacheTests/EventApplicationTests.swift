import ApusCore
import ApusModel
import Testing
@testable import ApusCache

@Suite("Applying gateway events from real payloads")
struct EventApplicationTests {
    let clock = ManualTimeSource()

    func makeCache(_ configure: (inout CacheConfiguration) -> Void = { _ in }) -> DiscordCache {
        var configuration = CacheConfiguration()
        configuration.presences = .unbounded
        configure(&configuration)
        return DiscordCache(configuration: configuration, timeSource: clock)
    }

    @Test func readyRecordsUnavailableGuildsAndPinsTheBot() throws {
        let cache = makeCache()
        cache.apply(try Payloads.corpus("accord__READY__1.json"))
        let guild = try #require(cache.guild(900_000_000_000_000_034))
        #expect(guild.isUnavailable)
        #expect(cache.guild(900_000_000_000_000_008)?.isUnavailable == true)
        #expect(cache.user(900_000_000_000_000_018) != nil)
    }

    @Test func guildCreateFillsGuildRolesChannelsMembersAndVoiceStates() throws {
        let cache = makeCache()
        cache.apply(try Payloads.corpus("accord__READY__1.json"))
        cache.apply(try Payloads.corpus("accord__GUILD_CREATE__2.json"))
        let guild = try #require(cache.guild(900_000_000_000_000_034))
        #expect(!guild.isUnavailable)
        #expect(guild.memberCount == 63)
        #expect(guild.roleIDs.count == 14)
        #expect(guild.channelIDs.count == 16)  // 15 channels + 1 thread
        // The payload lists member ...065 twice: one membership, one user reference.
        #expect(cache.memberCount(guild: 900_000_000_000_000_034) == 2)
        let member = try #require(cache.member(guild: 900_000_000_000_000_034, user: 900_000_000_000_000_065))
        #expect(member.user?.id == 900_000_000_000_000_065)
        let voice = try #require(cache.voiceState(guild: 900_000_000_000_000_034, user: 900_000_000_000_000_065))
        #expect(voice.channelID == 900_000_000_000_000_039)
        #expect(cache.channel(900_000_000_000_000_081)?.isThread == true)
        // Removing the member drops the user record (no other membership refers to it).
        cache.apply(try Payloads.event("GUILD_MEMBER_REMOVE", #"{"guild_id":"900000000000000034","user":\#(Payloads.user(900_000_000_000_000_065))}"#))
        #expect(cache.member(guild: 900_000_000_000_000_034, user: 900_000_000_000_000_065) == nil)
        #expect(cache.user(900_000_000_000_000_065) == nil)
        #expect(cache.guild(900_000_000_000_000_034)?.memberCount == 62)
    }

    @Test func largeLegacyGuildCreateWithPresences() throws {
        let cache = makeCache()
        cache.apply(try Payloads.corpus("serenity__GUILD_CREATE__2.json"))
        #expect(cache.memberCount(guild: 81_384_788_765_712_384) == 9593)
        let member = try #require(cache.member(guild: 81_384_788_765_712_384, user: 145_265_491_093_487_617))
        #expect(member.user?.username == "Dadragon6")
        #expect(member.user?.avatar == "af7c23e2b8c19c4787f6ec7ddbfe328f")
        #expect(member.joinedAt == DiscordTimestamp(iso8601: "2017-01-28T04:13:49+00:00"))
        #expect(cache.presence(guild: 81_384_788_765_712_384, user: 145_265_491_093_487_617)?.status == .online)
        let channel = try #require(cache.channel(290_944_320_192_774_154))
        #expect(channel.name == "elixir_nostrum")
        #expect(channel.overwrites.count == 8)
        #expect(channel.overwrites.contains { $0.isMember && $0.id == 89_918_932_789_497_856 })
    }

    @Test func memberUpdateChangesNickAndRolesAndKeepsJoinedAt() throws {
        let cache = makeCache()
        cache.apply(try Payloads.corpus("accord__GUILD_CREATE__1.json"))
        cache.apply(try Payloads.corpus("accord__GUILD_MEMBER_UPDATE__1.json"))
        let updated = try #require(cache.member(guild: 900_000_000_000_000_008, user: 900_000_000_000_000_007))
        #expect(updated.nick == "nick_1")
        // A second update without joined_at keeps the first one's.
        cache.apply(try Payloads.event("GUILD_MEMBER_UPDATE", #"{"guild_id":"900000000000000008","roles":["900000000000000011"],"user":\#(Payloads.user(900_000_000_000_000_007)),"nick":null}"#))
        let again = try #require(cache.member(guild: 900_000_000_000_000_008, user: 900_000_000_000_000_007))
        #expect(again.nick == nil)
        #expect(again.roleIDs == [900_000_000_000_000_011])
        #expect(again.joinedAt == updated.joinedAt)
        #expect(cache.roles(of: again).map(\.id) == [900_000_000_000_000_011])
    }

    @Test func memberEventsForUncachedGuildsAreIgnored() throws {
        let cache = makeCache()
        cache.apply(try Payloads.corpus("discordeno-bench__GUILD_MEMBER_UPDATE__2.json"))
        cache.apply(try Payloads.corpus("discordeno-bench__GUILD_MEMBER_ADD__1.json"))
        cache.apply(try Payloads.corpus("discordeno-bench__GUILD_MEMBER_REMOVE__1.json"))
        #expect(cache.statistics()[.members].entries == 0)
        #expect(cache.statistics()[.users].entries == 0)
        #expect(cache.guildIDs().isEmpty)
    }

    @Test func membersChunkAddsMembersAndPresences() throws {
        let cache = makeCache()
        cache.apply(try Payloads.guildCreate(1))
        cache.apply(try Payloads.corpus("twilight__GUILD_MEMBERS_CHUNK__1.json"))
        #expect(cache.memberCount(guild: 1) == 4)
        let member = try #require(cache.member(guild: 1, user: 2))
        #expect(member.roleIDs == [6, 7])
        #expect(member.nick == "chunk")
        #expect(member.user?.isBot == true)
        #expect(member.user?.avatar == "dddddddddddddddddddddddddddddddd")
        #expect(cache.presence(guild: 1, user: 5)?.status == .doNotDisturb)
    }

    @Test func messageCreateUpdateAndDelete() throws {
        let cache = makeCache()
        cache.apply(try Payloads.corpus("accord__MESSAGE_CREATE__1.json"))
        let message = try #require(cache.message(900_000_000_000_000_087, channel: 900_000_000_000_000_009))
        #expect(message.content == "content_2")
        #expect(message.guildID == 900_000_000_000_000_008)
        #expect(message.authorID == 900_000_000_000_000_002)
        #expect(cache.message(900_000_000_000_000_087)?.id == 900_000_000_000_000_087)

        cache.apply(try Payloads.message(900_000_000_000_000_088, channel: 900_000_000_000_000_004, guild: 900_000_000_000_000_009, content: "before"))
        cache.apply(try Payloads.corpus("accord__MESSAGE_UPDATE__1.json"))
        #expect(cache.message(900_000_000_000_000_088, channel: 900_000_000_000_000_004)?.content == "content_5")

        cache.apply(try Payloads.message(900_000_000_000_000_090, channel: 900_000_000_000_000_004, guild: 900_000_000_000_000_009))
        cache.apply(try Payloads.corpus("accord__MESSAGE_DELETE__1.json"))
        #expect(cache.message(900_000_000_000_000_090, channel: 900_000_000_000_000_004) == nil)
        #expect(cache.messages(channel: 900_000_000_000_000_004).map(\.id) == [900_000_000_000_000_088])
    }

    @Test func realMessagePayloadsDecodeAndCache() throws {
        let cache = makeCache()
        for file in ["discordbm__MESSAGE_CREATE__1.json", "discordeno-bench__MESSAGE_CREATE__2.json",
                     "serenity__MESSAGE_CREATE__2.json", "accord__MESSAGE_CREATE__2.json"] {
            let event = try Payloads.corpus(file)
            guard case .messageCreate(let message) = event else {
                Issue.record("\(file) is not a MESSAGE_CREATE")
                continue
            }
            cache.apply(event)
            let cached = try #require(cache.message(message.id, channel: message.channelID))
            #expect(cached.content == message.content)
            #expect(cached.timestamp == message.timestamp)
        }
    }

    @Test func bulkDeleteRemovesEveryListedMessage() throws {
        let event = try Payloads.corpus("discordeno-bench__MESSAGE_DELETE_BULK__1.json")
        guard case .messageDeleteBulk(let bulk) = event else {
            Issue.record("not a bulk delete")
            return
        }
        let cache = makeCache()
        for id in bulk.ids { cache.apply(try Payloads.message(id.rawValue, channel: bulk.channelID.rawValue)) }
        cache.apply(try Payloads.message(1, channel: bulk.channelID.rawValue))
        cache.apply(event)
        #expect(cache.messages(channel: bulk.channelID, limit: 100).map(\.id) == [1])
    }

    @Test func channelEventsCreateUpdateAndDelete() throws {
        let create = try Payloads.corpus("discordeno-bench__CHANNEL_CREATE__1.json")
        guard case .channelCreate(let channel) = create, let guildID = channel.guildID else {
            Issue.record("not a guild CHANNEL_CREATE")
            return
        }
        let cache = makeCache()
        cache.apply(try Payloads.guildCreate(guildID.rawValue))
        cache.apply(create)
        let cached = try #require(cache.channel(channel.id))
        #expect(cached.overwrites.count == 15)
        #expect(cache.guild(guildID)?.channelIDs == [channel.id])
        var renamed = channel
        renamed.name = "renamed"
        cache.apply(.channelUpdate(renamed))
        #expect(cache.channel(channel.id)?.name == "renamed")
        cache.apply(.channelDelete(channel))
        #expect(cache.channel(channel.id) == nil)
        #expect(cache.guild(guildID)?.channelIDs == [])
    }

    @Test func roleEventsUpdateAndDelete() throws {
        let update = try Payloads.corpus("discordeno-bench__GUILD_ROLE_UPDATE__1.json")
        guard case .guildRoleUpdate(let event) = update else {
            Issue.record("not a role update")
            return
        }
        let cache = makeCache()
        cache.apply(try Payloads.guildCreate(event.guildID.rawValue))
        cache.apply(update)
        #expect(cache.role(event.role.id, guild: event.guildID)?.name == event.role.name)
        cache.apply(.guildRoleDelete(try GuildRoleDelete(jsonString: #"{"guild_id":"\#(event.guildID)","role_id":"\#(event.role.id)"}"#)))
        #expect(cache.role(event.role.id, guild: event.guildID) == nil)
    }

    @Test func guildUpdateAndDelete() throws {
        let update = try Payloads.corpus("discordeno-bench__GUILD_UPDATE__1.json")
        guard case .guildUpdate(let guild) = update else {
            Issue.record("not a guild update")
            return
        }
        let cache = makeCache()
        cache.apply(try Payloads.guildCreate(guild.id.rawValue, members: [10, 11], channels: [20]))
        cache.apply(try Payloads.message(30, channel: 20, guild: guild.id.rawValue))
        cache.apply(update)
        #expect(cache.guild(guild.id)?.name == guild.name)
        #expect(cache.guild(guild.id)?.memberCount == 2)
        #expect(cache.roles(guild: guild.id).count == 8)
        // Leaving the guild drops everything, including users and the channel's messages.
        cache.apply(.guildDelete(try UnavailableGuild(jsonString: #"{"id":"\#(guild.id)"}"#)))
        #expect(cache.guild(guild.id) == nil)
        #expect(cache.user(10) == nil)
        #expect(cache.channel(20) == nil)
        #expect(cache.message(30, channel: 20) == nil)
    }

    @Test func outageMarksGuildUnavailableAndKeepsItsName() throws {
        let cache = makeCache()
        cache.apply(try Payloads.guildCreate(5, members: [10]))
        cache.apply(.guildDelete(try UnavailableGuild(jsonString: #"{"id":"5","unavailable":true}"#)))
        let guild = try #require(cache.guild(5))
        #expect(guild.isUnavailable)
        #expect(guild.name == "guild5")
        #expect(cache.member(guild: 5, user: 10) == nil)
        #expect(cache.user(10) == nil)
    }

    @Test func voiceStateUpdateJoinsAndLeaves() throws {
        let cache = makeCache()
        cache.apply(try Payloads.guildCreate(900_000_000_000_000_034))
        cache.apply(try Payloads.corpus("accord__VOICE_STATE_UPDATE__1.json"))
        #expect(cache.voiceState(guild: 900_000_000_000_000_034, user: 900_000_000_000_000_065)?.channelID == 900_000_000_000_000_039)
        #expect(cache.voiceStates(guild: 900_000_000_000_000_034, channel: 900_000_000_000_000_039).count == 1)
        let leave = #"{"guild_id":"900000000000000034","channel_id":null,"user_id":"900000000000000065","session_id":"s","deaf":false,"mute":false,"self_deaf":false,"self_mute":false,"suppress":false}"#
        cache.apply(try Payloads.event("VOICE_STATE_UPDATE", leave))
        #expect(cache.voiceState(guild: 900_000_000_000_000_034, user: 900_000_000_000_000_065) == nil)
    }

    @Test func presenceUpdateKeepsStatusAndCustomText() throws {
        let cache = makeCache()
        cache.apply(try Payloads.guildCreate(81_384_788_765_712_384))
        cache.apply(try Payloads.corpus("serenity__PRESENCE_UPDATE__2.json"))
        let json = #"{"user":{"id":"7"},"guild_id":"81384788765712384","status":"dnd","activities":[{"name":"Custom Status","type":4,"state":"busy coding"}]}"#
        cache.apply(try Payloads.event("PRESENCE_UPDATE", json))
        let presence = try #require(cache.presence(guild: 81_384_788_765_712_384, user: 7))
        #expect(presence.status == .doNotDisturb)
        #expect(presence.customStatus == "busy coding")
        #expect(cache.statistics()[.presences].entries == 2)
    }

    @Test func userUpdateRefreshesTheSharedRecord() throws {
        let cache = makeCache()
        cache.apply(try Payloads.guildCreate(1, members: [10]))
        cache.apply(try Payloads.guildCreate(2, members: [10]))
        cache.apply(.userUpdate(try User(jsonString: #"{"id":"10","username":"renamed","global_name":"Shown"}"#)))
        #expect(cache.member(guild: 1, user: 10)?.user?.username == "renamed")
        #expect(cache.member(guild: 2, user: 10)?.displayName == "Shown")
        // Leaving one guild keeps the user while the other membership refers to it.
        cache.apply(.guildDelete(try UnavailableGuild(jsonString: #"{"id":"1"}"#)))
        #expect(cache.user(10)?.username == "renamed")
        cache.apply(.guildDelete(try UnavailableGuild(jsonString: #"{"id":"2"}"#)))
        #expect(cache.user(10) == nil)
    }

    @Test func permissionViewResolvesRolesAndOverwrites() throws {
        let cache = makeCache()
        cache.apply(try Payloads.corpus("serenity__GUILD_CREATE__2.json"))
        let view = try #require(cache.permissionView(guild: 81_384_788_765_712_384, channel: 290_944_320_192_774_154))
        #expect(view.channelOverwrites.count == 8)
        // The member overwrite for 89918932789497856 allows 805309457 on top of the role-derived permissions.
        let permissions = view.channelPermissions(userID: 89_918_932_789_497_856, roleIDs: [])
        #expect(permissions.isSuperset(of: Permissions(rawValue: 805_309_457)))
        let owner = try #require(cache.guild(81_384_788_765_712_384)).ownerID
        #expect(view.basePermissions(userID: owner, roleIDs: []).contains(.administrator))
    }

    @Test func threadCreateUsesParentOverwritesForPermissions() throws {
        let cache = makeCache()
        let parentJSON = #"{"id":"900000000000000004","type":0,"guild_id":"900000000000000009","name":"general","position":0,"permission_overwrites":[{"id":"900000000000000009","type":0,"allow":"0","deny":"2048"}]}"#
        cache.apply(try Payloads.guildCreate(900_000_000_000_000_009))
        cache.apply(try Payloads.event("CHANNEL_CREATE", parentJSON))
        let thread = try Payloads.corpus("accord__THREAD_CREATE__1.json")
        cache.apply(thread)
        let cached = try #require(cache.channel(900_000_000_000_000_088))
        #expect(cached.isThread)
        #expect(cached.parentID == 900_000_000_000_000_004)
        let view = try #require(cache.permissionView(guild: 900_000_000_000_000_009, channel: 900_000_000_000_000_088))
        #expect(view.channelOverwrites.count == 1)
        #expect(!view.channelPermissions(userID: 5, roleIDs: []).contains(.sendMessages))
        #expect(view.channelPermissions(userID: 5, roleIDs: []).contains(.viewChannel))
        guard case .threadCreate(let channel) = thread else {
            Issue.record("not a thread")
            return
        }
        cache.apply(.threadDelete(channel))
        #expect(cache.channel(900_000_000_000_000_088) == nil)
    }

    @Test func memberAddFromRealPayload() throws {
        let cache = makeCache()
        cache.apply(try Payloads.guildCreate(274_120_902_475_721_629))
        cache.apply(try Payloads.corpus("discordeno-bench__GUILD_MEMBER_ADD__1.json"))
        let member = try #require(cache.member(guild: 274_120_902_475_721_629, user: 934_404_769_308_876_056))
        #expect(member.roleIDs == [442_133_637_317_543_152])
        #expect(member.user?.id == 934_404_769_308_876_056)
        #expect(cache.guild(274_120_902_475_721_629)?.memberCount == 1)
    }
}
