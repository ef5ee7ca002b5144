import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

@Suite("Simulated REST: guilds, members, roles, bans")
struct RESTGuildTests {
    @Test func readsTheGuildItsRolesAndMembers() async {
        let harness = RESTHarness()
        let guild = await harness.send("GET", "/guilds/\(harness.guildID)", query: "with_counts=true")
        #expect(guild.status == 200)
        #expect(guild.object["id"] as? String == String(harness.guildID))
        #expect(guild.object["approximate_member_count"] as? Int == 9)
        let roles = await harness.send("GET", "/guilds/\(harness.guildID)/roles")
        #expect(roles.array.count == 6)
        let members = await harness.send("GET", "/guilds/\(harness.guildID)/members", query: "limit=1000")
        #expect(members.array.count == 9)
        let member = await harness.send("GET", "/guilds/\(harness.guildID)/members/\(harness.member(3))")
        #expect((member.object["user"] as? [String: Any])?["id"] as? String == String(harness.member(3)))
    }

    @Test func editsNickRolesAndTimeoutOfALowerMember() async throws {
        let harness = RESTHarness()
        let target = harness.member(4)
        let muted = try #require(harness.roles["Muted"])
        let until = "2026-01-02T00:00:00.000000+00:00"
        let response = await harness.send(
            "PATCH", "/guilds/\(harness.guildID)/members/\(target)",
            json: #"{"nick":"renamed","roles":["\#(muted)"],"communication_disabled_until":"\#(until)"}"#)
        #expect(response.status == 200)
        #expect(response.object["nick"] as? String == "renamed")
        #expect(response.object["roles"] as? [String] == [String(muted)])
        #expect(response.object["communication_disabled_until"] as? String == until)
        let update = try #require(harness.sink.named("GUILD_MEMBER_UPDATE").first)
        #expect(update.object["guild_id"] as? String == String(harness.guildID))
        #expect(update.object["nick"] as? String == "renamed")
        let tooFar = await harness.send(
            "PATCH", "/guilds/\(harness.guildID)/members/\(target)",
            json: #"{"communication_disabled_until":"2026-03-01T00:00:00Z"}"#)
        #expect(tooFar.code == 50035)
    }

    @Test func addsAndRemovesARoleWithDispatches() async throws {
        let harness = RESTHarness()
        let target = harness.member(5)
        let muted = try #require(harness.roles["Muted"])
        let path = "/guilds/\(harness.guildID)/members/\(target)/roles/\(muted)"
        #expect(await harness.send("PUT", path).status == 204)
        #expect(harness.sink.named("GUILD_MEMBER_UPDATE").last?.object["roles"] as? [String] ?? [] != [])
        #expect(await harness.send("DELETE", path).status == 204)
        #expect(harness.sink.named("GUILD_MEMBER_UPDATE").count == 2)
    }

    @Test func hierarchyViolationsGet50013() async throws {
        let harness = RESTHarness()
        let admin = harness.member(0)
        let moderator = harness.member(1)
        let lowly = harness.member(4)
        let moderatorRole = try #require(harness.roles["Moderator"])
        let banModerator = await harness.send("PUT", "/guilds/\(harness.guildID)/bans/\(moderator)")
        #expect(banModerator.status == 403)
        #expect(banModerator.code == 50013)
        let timeoutAdmin = await harness.send(
            "PATCH", "/guilds/\(harness.guildID)/members/\(admin)",
            json: #"{"communication_disabled_until":"2026-01-01T01:00:00Z"}"#)
        #expect(timeoutAdmin.code == 50013)
        let giveHigherRole = await harness.send("PUT", "/guilds/\(harness.guildID)/members/\(lowly)/roles/\(moderatorRole)")
        #expect(giveHigherRole.code == 50013)
        let editModeratorRoles = await harness.send(
            "PATCH", "/guilds/\(harness.guildID)/members/\(moderator)", json: #"{"nick":"nope"}"#)
        #expect(editModeratorRoles.code == 50013)
        #expect(harness.sink.dispatches.isEmpty)
    }

    @Test func missingPermissionsGet50013() async throws {
        let harness = RESTHarness()
        let botRole = try #require(harness.roles["Apus Bot"])
        // Take the bot's role away: only @everyone remains, which cannot ban or manage roles.
        _ = harness.world.withState { state in
            state.guilds[0].members[0].roleIDs.removeAll { $0 == botRole }
        }
        let ban = await harness.send("PUT", "/guilds/\(harness.guildID)/bans/\(harness.member(5))")
        #expect(ban.status == 403)
        #expect(ban.code == 50013)
        #expect(ban.object["message"] as? String == "Missing Permissions")
        let bulk = await harness.send("POST", "/channels/\(harness.channelID)/messages/bulk-delete", json: #"{"messages":["1","2"]}"#)
        #expect(bulk.code == 50013)
    }

    @Test func bansAndUnbansWithDispatches() async throws {
        let harness = RESTHarness()
        let target = harness.member(6)
        let other = harness.member(7)
        let ban = await harness.send(
            "PUT", "/guilds/\(harness.guildID)/bans/\(target)", json: #"{"delete_message_seconds":0}"#,
            headers: [("X-Audit-Log-Reason", "spam%20bot")])
        #expect(ban.status == 204)
        #expect(harness.sink.named("GUILD_BAN_ADD").count == 1)
        #expect(harness.sink.named("GUILD_MEMBER_REMOVE").first?.guildID == harness.guildID)
        #expect(!harness.world.memberIDs(guildID: harness.guildID).contains(target))
        let fetched = await harness.send("GET", "/guilds/\(harness.guildID)/bans/\(target)")
        #expect(fetched.object["reason"] as? String == "spam bot")
        #expect(await harness.send("GET", "/guilds/\(harness.guildID)/bans").array.count == 1)
        #expect(await harness.send("DELETE", "/guilds/\(harness.guildID)/bans/\(target)").status == 204)
        #expect(harness.sink.named("GUILD_BAN_REMOVE").count == 1)
        let unknown = await harness.send("GET", "/guilds/\(harness.guildID)/bans/\(target)")
        #expect(unknown.code == 10026)
        let invalid = await harness.send(
            "PUT", "/guilds/\(harness.guildID)/bans/\(other)", json: #"{"delete_message_seconds":999999999}"#)
        #expect(invalid.code == 50035)
    }

    @Test func kicksAMemberBelowTheBotOnly() async throws {
        let harness = RESTHarness()
        let target = harness.member(6)
        let kick = await harness.send("DELETE", "/guilds/\(harness.guildID)/members/\(target)", headers: [("X-Audit-Log-Reason", "bye")])
        #expect(kick.status == 204)
        #expect(harness.sink.named("GUILD_MEMBER_REMOVE").first?.guildID == harness.guildID)
        #expect(!harness.world.memberIDs(guildID: harness.guildID).contains(target))
        #expect(await harness.send("GET", "/guilds/\(harness.guildID)/bans/\(target)").code == 10026, "a kick is not a ban")
        #expect(await harness.send("DELETE", "/guilds/\(harness.guildID)/members/\(target)").code == 10007)
        // The owner and a member whose top role is above the bot's cannot be kicked.
        #expect(await harness.send("DELETE", "/guilds/\(harness.guildID)/members/\(harness.member(0))").code == 50013)
        #expect(await harness.send("DELETE", "/guilds/\(harness.guildID)/members/\(harness.member(1))").code == 50013)
        #expect(harness.sink.named("GUILD_MEMBER_REMOVE").count == 1)
    }
}
