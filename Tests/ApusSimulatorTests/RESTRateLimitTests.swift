import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

@Suite("Simulated REST: rate limits, faults, wall time")
struct RESTRateLimitTests {
    private func send(_ harness: RESTHarness, channel: UInt64) async -> SimulatorHTTPResponse {
        await harness.send("POST", "/channels/\(channel)/messages", json: #"{"content":"x"}"#)
    }

    @Test func bucketHeadersArePerRouteAndPerChannel() async throws {
        let harness = RESTHarness { $0.rest.clockSkew = .seconds(2) }
        let channels = harness.world.textChannelIDs
        let first = await send(harness, channel: channels[0])
        #expect(first.header("X-RateLimit-Limit") == "5")
        #expect(first.header("X-RateLimit-Remaining") == "4")
        #expect(first.header("X-RateLimit-Reset-After") == "5.000")
        #expect(first.header("X-RateLimit-Reset") == "1767225607.000")
        let createBucket = try #require(first.header("X-RateLimit-Bucket"))
        let second = await send(harness, channel: channels[0])
        #expect(second.header("X-RateLimit-Remaining") == "3")
        let otherChannel = await send(harness, channel: channels[1])
        #expect(otherChannel.header("X-RateLimit-Remaining") == "4")
        #expect(otherChannel.header("X-RateLimit-Bucket") == createBucket)
        let id = try #require(first.object["id"] as? String)
        let delete = await harness.send("DELETE", "/channels/\(channels[0])/messages/\(id)")
        #expect(delete.status == 204)
        #expect(delete.header("X-RateLimit-Bucket") != createBucket)
        #expect(delete.header("X-RateLimit-Bucket") != nil)
        harness.clock.advance(by: .seconds(1))
        let later = await send(harness, channel: channels[0])
        #expect(later.header("X-RateLimit-Reset-After") == "4.000")
    }

    @Test func theSixthSendInFiveSecondsGetsAUserScope429() async throws {
        let harness = RESTHarness()
        for _ in 0..<5 { #expect(await send(harness, channel: harness.channelID).status == 200) }
        harness.clock.advance(by: .seconds(2))
        let limited = await send(harness, channel: harness.channelID)
        #expect(limited.status == 429)
        #expect(limited.header("X-RateLimit-Scope") == "user")
        #expect(limited.header("Retry-After") == "3")
        #expect(limited.header("X-RateLimit-Remaining") == "0")
        #expect(limited.header("X-RateLimit-Global") == nil)
        #expect(limited.object["retry_after"] as? Double == 3.0)
        #expect(limited.object["global"] as? Bool == false)
        #expect(harness.sink.named("MESSAGE_CREATE").count == 5)
        harness.clock.advance(by: .seconds(3))
        #expect(await send(harness, channel: harness.channelID).status == 200)
        #expect(harness.rest.counters().rateLimited["user"] == 1)
    }

    @Test func theGlobalLimitAnswersAGlobal429AndExemptsInteractions() async throws {
        let harness = RESTHarness { $0.rest.defaultLimit = 1000 }
        for _ in 0..<50 { #expect(await harness.send("GET", "/users/@me").status == 200) }
        let limited = await harness.send("GET", "/users/@me")
        #expect(limited.status == 429)
        #expect(limited.header("X-RateLimit-Global") == "true")
        #expect(limited.header("X-RateLimit-Scope") == "global")
        #expect(limited.header("X-RateLimit-Bucket") == nil)
        #expect(limited.header("X-RateLimit-Limit") == nil)
        #expect(limited.object["global"] as? Bool == true)
        let interaction = try #require(harness.rest.makeCommandInteraction(commandName: "ping"))
        let object = RecordedDispatch(event: "", guildID: nil, json: interaction.json).object
        let callback = await harness.send(
            "POST", "/interactions/\(object["id"] as? String ?? "")/\(object["token"] as? String ?? "")/callback",
            json: #"{"type":4,"data":{"content":"still works"}}"#, authorized: false)
        #expect(callback.status == 204)
        harness.clock.advance(by: .seconds(1))
        #expect(await harness.send("GET", "/users/@me").status == 200)
        #expect(harness.rest.counters().rateLimited["global"] == 1)
    }

    @Test func aRaisedGlobalLimitLetsChannelBucketsBind() async {
        let harness = RESTHarness {
            $0.rest.globalLimit = 100_000
            $0.textChannelsPerGuild = 30
        }
        var statuses: [Int] = []
        for channel in harness.world.textChannelIDs.prefix(20) {
            for _ in 0..<5 { statuses.append(await send(harness, channel: channel).status) }
        }
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(statuses.count == 100)
    }

    @Test(.timeLimit(.minutes(1))) func concurrentSendsToOneChannelLetExactlyTheBucketThrough() async {
        let harness = RESTHarness()
        let statuses = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { await harness.send("POST", "/channels/\(harness.channelID)/messages", json: #"{"content":"x"}"#).status } }
            var statuses: [Int] = []
            for await status in group { statuses.append(status) }
            return statuses
        }
        #expect(statuses.filter { $0 == 200 }.count == 5)
        #expect(statuses.filter { $0 == 429 }.count == 15)
        #expect(harness.rest.messages(channelID: harness.channelID).count == 5)
        #expect(harness.rest.counters().requests == 20)
    }

    @Test func aSharedResourceLimitAnswersASharedScope429() async throws {
        let route = "PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me"
        let harness = RESTHarness {
            $0.rest.sharedLimits = [RESTRouteLimit(route: route, bucket: "", limit: 1, window: .seconds(10))]
        }
        let id = try #require(await harness.postMessage("popular"))
        let path = "/channels/\(harness.channelID)/messages/\(id)/reactions/%E2%AD%90/@me"
        #expect(await harness.send("PUT", path).status == 204)
        harness.clock.advance(by: .seconds(1))
        let shared = await harness.send("PUT", path)
        #expect(shared.status == 429)
        #expect(shared.header("X-RateLimit-Scope") == "shared")
        #expect(shared.header("X-RateLimit-Remaining") == "1")
        #expect(shared.object["message"] as? String == "The resource is being rate limited.")
        #expect(shared.object["retry_after"] as? Double == 9.0)
        #expect(harness.rest.invalidRequestCount() == 0)
        let otherEmoji = await harness.send("PUT", "/channels/\(harness.channelID)/messages/\(id)/reactions/%F0%9F%8E%89/@me")
        #expect(otherEmoji.status == 204)
        #expect(harness.rest.counters().rateLimited["shared"] == 1)
    }

    @Test func forcedSharedScope429DoesNotCountAsInvalid() async {
        let harness = RESTHarness()
        harness.rest.force(.rateLimited(scope: .shared, retryAfter: .milliseconds(1500)), count: 1)
        let shared = await harness.send("GET", "/users/@me")
        #expect(shared.status == 429)
        #expect(shared.header("X-RateLimit-Scope") == "shared")
        #expect(shared.object["retry_after"] as? Double == 1.5)
        #expect(harness.rest.invalidRequestCount() == 0)
        #expect(await harness.send("GET", "/users/@me").status == 200)
        harness.rest.force(.rateLimited(scope: .user, retryAfter: .seconds(1)))
        #expect(await harness.send("GET", "/users/@me").status == 429)
        #expect(harness.rest.invalidRequestCount() == 1)
    }

    @Test func tooManyInvalidRequestsTriggerTheCloudflareBan() async {
        let harness = RESTHarness {
            $0.rest.invalidRequestThreshold = 5
            $0.rest.cloudflareBanDuration = .seconds(60)
        }
        for _ in 0..<6 { #expect(await harness.send("GET", "/users/@me", authorized: false).status == 401) }
        let banned = await harness.send("GET", "/users/@me")
        #expect(banned.status == 429)
        #expect(banned.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(banned.header("X-RateLimit-Scope") == nil)
        #expect(banned.bodyText.contains("Error 1015"))
        #expect(harness.rest.counters().rateLimited["cloudflare"] == 1)
        harness.clock.advance(by: .seconds(61))
        #expect(await harness.send("GET", "/users/@me").status == 200)
    }

    @Test func forcedFaultsReplaceTheNextMatchingResponses() async {
        let harness = RESTHarness()
        harness.rest.force(.serverError(status: 502), count: 2, route: "POST /channels/{channel_id}/messages")
        #expect(await harness.send("GET", "/users/@me").status == 200)
        #expect(await send(harness, channel: harness.channelID).status == 502)
        #expect(await send(harness, channel: harness.channelID).status == 502)
        #expect(await send(harness, channel: harness.channelID).status == 200)
        harness.rest.force(.serverError(status: 500))
        let internalError = await harness.send("GET", "/users/@me")
        #expect(internalError.status == 500)
        harness.rest.force(.cloudflare)
        #expect(await harness.send("GET", "/users/@me").header("Content-Type")?.hasPrefix("text/html") == true)
        harness.rest.force(.rateLimited(scope: .global, retryAfter: .seconds(2)))
        let global = await harness.send("GET", "/users/@me")
        #expect(global.header("X-RateLimit-Global") == "true")
        let log = harness.rest.requestLog()
        #expect(log.map(\.status) == [200, 502, 502, 200, 500, 429, 429])
        #expect(log[1].route == "POST /channels/{channel_id}/messages")
        #expect(log[1].body == #"{"content":"x"}"#)
    }

    @Test(.timeLimit(.minutes(1))) func responsesCanBeDelayedOnTheTimeSource() async throws {
        let harness = RESTHarness()
        harness.rest.setResponseDelay(.seconds(2))
        let pending = Task { await harness.send("GET", "/users/@me") }
        while harness.clock.sleeperCount == 0 { await Task.yield() }
        harness.clock.advance(by: .seconds(2))
        #expect(await pending.value.status == 200)
        #expect(harness.rest.requestLog().first?.time == MonotonicTime.zero + .seconds(2))
    }

    @Test func minimumWallTimeFollowsTheBucketTableAndTheGlobalLimit() {
        let rest = RESTHarness { $0.rest.globalLimit = 100_000 }.rest
        #expect(rest.minimumWallTime(for: [.messageSends(perChannel: 20, channels: 100)]) == .seconds(15))
        #expect(rest.minimumWallTime(for: [.messageSends(perChannel: 5, channels: 100)]) == .zero)
        #expect(rest.minimumWallTime(for: [.messageSends(perChannel: 6, channels: 1)]) == .seconds(5))
        let defaults = RESTHarness().rest
        #expect(defaults.minimumWallTime(for: [.messageSends(perChannel: 20, channels: 100)]) == .seconds(39))
        #expect(defaults.minimumWallTime(for: []) == .zero)
        var settings = RESTSimulationSettings()
        settings.globalLimit = 10_000
        #expect(settings.minimumWallTime(for: [.messageSends(perChannel: 20, channels: 100)]) == .seconds(15))
        let interactions = RESTWorkload(
            route: "POST /interactions/{interaction_id}/{interaction_token}/callback", parameterCount: 200,
            requestsPerParameter: 1)
        #expect(RESTSimulationSettings().minimumWallTime(for: [interactions]) == .zero)
    }

    @Test func aGreedyClientFinishesExactlyAtTheMinimumWallTime() async {
        let harness = RESTHarness { $0.rest.globalLimit = 100_000 }
        let channels = Array(harness.world.textChannelIDs.prefix(3))
        var pending = Dictionary(uniqueKeysWithValues: channels.map { ($0, 7) })
        var steps = 0
        while pending.values.contains(where: { $0 > 0 }), steps < 100 {
            steps += 1
            var wait: Double = .infinity
            for channel in channels where (pending[channel] ?? 0) > 0 {
                while (pending[channel] ?? 0) > 0 {
                    let response = await send(harness, channel: channel)
                    if response.status == 200 { pending[channel, default: 0] -= 1; continue }
                    wait = min(wait, Double(response.header("X-RateLimit-Reset-After") ?? "") ?? 1)
                    break
                }
            }
            if wait.isFinite { harness.clock.advance(by: .secondsDouble(wait)) }
        }
        let expected = harness.rest.minimumWallTime(for: [.messageSends(perChannel: 7, channels: 3)])
        #expect(expected == .seconds(5))
        #expect(harness.rest.requestLog().last { $0.status == 200 }?.time == MonotonicTime.zero + expected)
        #expect(harness.rest.messageCounts().values.reduce(0, +) == 21)
    }
}
