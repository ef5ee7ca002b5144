import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

/// A ban keeps the reason given in its `X-Audit-Log-Reason` header (percent-encoded, as Discord takes it) and returns
/// it from `GET /guilds/{guild}/bans/{user}`: what a temp-ban's expiry compares before lifting.
@Suite struct RESTBanReasonTests {
    @Test func theBanReasonFromThePercentEncodedHeaderIsStoredAndReturned() async throws {
        let harness = RESTHarness()
        let user = harness.member(5)
        let reason = "Case #12 (ref 0123456789abcdef): spam & scam, ünïcode ⏰"
        let encoded = try #require(reason.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let ban = await harness.send(
            "PUT", "/guilds/\(harness.guildID)/bans/\(user)", json: "{}", headers: [("X-Audit-Log-Reason", encoded)])
        #expect(ban.status == 204)
        let fetched = await harness.send("GET", "/guilds/\(harness.guildID)/bans/\(user)")
        #expect(fetched.status == 200)
        #expect(fetched.object["reason"] as? String == reason)
    }

    @Test func aBanWithoutAReasonReturnsNull() async throws {
        let harness = RESTHarness()
        let user = harness.member(6)
        _ = await harness.send("PUT", "/guilds/\(harness.guildID)/bans/\(user)", json: "{}")
        let fetched = await harness.send("GET", "/guilds/\(harness.guildID)/bans/\(user)")
        #expect(fetched.status == 200)
        #expect(fetched.object["reason"] is NSNull)
    }
}
