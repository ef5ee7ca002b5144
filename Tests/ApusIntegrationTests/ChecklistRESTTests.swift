import ApusCore
import ApusHTTP
import ApusModel
import ApusSimulator
import Testing

/// §5.8 point 12: the real REST client against the simulator's REST API over loopback.
@Suite("Checklist 12: REST rate limits", .serialized, .timeLimit(.minutes(2)))
struct ChecklistRESTTests {
    struct Harness {
        let simulator: DiscordSimulator
        let rest: DiscordREST
        let channels: [Snowflake]

        static func start(
            token: String? = nil, configure: (inout SimulatorConfiguration) -> Void = { _ in },
            globalLimit: Int = 50
        ) async throws -> Harness {
            var configuration = SimulatorConfiguration()
            configuration.textChannelsPerGuild = 4
            configure(&configuration)
            let simulator = DiscordSimulator(configuration: configuration)
            try await simulator.start()
            var restConfiguration = DiscordRESTConfiguration(
                token: token ?? configuration.token, apiBaseURL: simulator.apiBaseURL
            )
            restConfiguration.rateLimits = RateLimiterConfiguration(globalLimit: globalLimit, globalWindow: .seconds(1))
            restConfiguration.retryPolicy.baseDelay = .milliseconds(10)
            let rest = DiscordREST(configuration: restConfiguration)
            return Harness(simulator: simulator, rest: rest, channels: simulator.world.textChannelIDs.map { Snowflake($0) })
        }

        func stop() async {
            try? await rest.shutdown()
            await simulator.shutdown()
        }

        func send(_ text: String, to channel: Snowflake) async throws(DiscordHTTPError) -> Message {
            try await rest.createMessage(channelID: channel, MessageCreatePayload(content: text))
        }

        var tooManyRequests: Int { simulator.rest.counters().statuses[429] ?? 0 }
    }

    /// A simulator whose message bucket is 5 per 400 ms, so tests see several windows quickly.
    static func fastBuckets(_ configuration: inout SimulatorConfiguration) {
        configuration.rest.routeLimits = configuration.rest.routeLimits.map { limit in
            var limit = limit
            if limit.bucket == "message-create" { limit.window = .milliseconds(400) }
            return limit
        }
    }

    @Test("many concurrent sends at one fresh bucket see zero 429s")
    func concurrentBurstOnFreshBucket() async throws {
        let harness = try await Harness.start(configure: Self.fastBuckets)
        let channel = try #require(harness.channels.first)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<25 { group.addTask { _ = try await harness.send("burst \(index)", to: channel) } }
            try await group.waitForAll()
        }
        #expect(harness.tooManyRequests == 0)
        #expect(harness.simulator.rest.messages(channelID: channel.rawValue).count == 25)
        #expect(harness.rest.rateLimitStatistics.totalTooManyRequests == 0)
        await harness.stop()
    }

    @Test("buckets vary by major parameter: channels are limited independently")
    func majorParameters() async throws {
        let harness = try await Harness.start(configure: Self.fastBuckets)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for channel in harness.channels.prefix(3) {
                for index in 0..<8 { group.addTask { _ = try await harness.send("c\(channel) \(index)", to: channel) } }
            }
            try await group.waitForAll()
        }
        #expect(harness.tooManyRequests == 0)
        for channel in harness.channels.prefix(3) {
            #expect(harness.simulator.rest.messages(channelID: channel.rawValue).count == 8)
        }
        let routes = Set(harness.simulator.rest.requestLog().compactMap(\.route))
        #expect(routes == ["POST /channels/{channel_id}/messages"])
        await harness.stop()
    }

    @Test("a bucket shared across routes is learned from X-RateLimit-Bucket")
    func sharedBucketAcrossRoutes() async throws {
        let harness = try await Harness.start(configure: { configuration in
            // GET one message and GET the list share the "message-read" bucket (5 per second per channel).
            configuration.rest.routeLimits = configuration.rest.routeLimits.map { limit in
                var limit = limit
                if limit.bucket == "message-read" { limit.window = .milliseconds(300) }
                return limit
            }
        })
        let channel = try #require(harness.channels.first)
        let message = try await harness.send("read me", to: channel)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<12 {
                group.addTask {
                    if index.isMultiple(of: 2) {
                        _ = try await harness.rest.getMessage(channelID: channel, messageID: message.id)
                    } else {
                        _ = try await harness.rest.listMessages(channelID: channel, limit: 5)
                    }
                }
            }
            try await group.waitForAll()
        }
        // The first request of each route goes out before the client can know that the two routes share a bucket,
        // so at most one 429 may happen while the shared bucket is discovered; it is retried, and none after.
        #expect(harness.tooManyRequests <= 1)
        let reads = harness.simulator.rest.requestLog().filter { $0.method == "GET" && $0.status == 200 }
        #expect(reads.count == 12)
        await harness.stop()
    }

    @Test("user, shared and global 429s are read from body and headers, waited out and retried", arguments: [
        ApusSimulator.RateLimitScope.user, .shared, .global,
    ])
    func tooManyRequestsKinds(scope: ApusSimulator.RateLimitScope) async throws {
        let harness = try await Harness.start()
        let channel = try #require(harness.channels.first)
        harness.simulator.rest.force(.rateLimited(scope: scope, retryAfter: .milliseconds(80)), count: 1)
        let message = try await harness.send("after a \(scope) 429", to: channel)
        #expect(message.content == "after a \(scope) 429")
        let statuses = harness.simulator.rest.requestLog().map(\.status)
        #expect(statuses == [429, 200])
        let seen = harness.rest.rateLimitStatistics.tooManyRequests
        let expectedScope: ApusHTTP.RateLimitScope = switch scope {
        case .user: .user
        case .shared: .shared
        case .global: .global
        }
        #expect(seen[expectedScope] == 1)
        await harness.stop()
    }

    @Test("a Cloudflare-style HTML 429 stops the client with a clear error until it is reset")
    func cloudflareBan() async throws {
        let harness = try await Harness.start()
        let channel = try #require(harness.channels.first)
        harness.simulator.rest.force(.cloudflare, count: 1)
        await #expect(throws: DiscordHTTPError.self) { _ = try await harness.send("banned", to: channel) }
        let requestsAfterBan = harness.simulator.rest.counters().requests
        do {
            _ = try await harness.send("still banned", to: channel)
            Issue.record("a banned client must not send")
        } catch {
            guard case .cloudflareBanned = error else {
                Issue.record("expected cloudflareBanned, got \(error)")
                return
            }
        }
        #expect(harness.simulator.rest.counters().requests == requestsAfterBan, "nothing reaches the server while banned")
        harness.rest.resetAfterBan()
        _ = try await harness.send("after reset", to: channel)
        await harness.stop()
    }

    @Test("the invalid-request counter turns into a Cloudflare ban, which the client reports")
    func invalidRequestBan() async throws {
        let harness = try await Harness.start(token: "wrong-token", configure: { $0.rest.invalidRequestThreshold = 5 })
        let channel = try #require(harness.channels.first)
        var unauthorized = 0
        var banned = false
        for index in 0..<8 where !banned {
            do {
                _ = try await harness.send("nope \(index)", to: channel)
            } catch {
                switch error {
                case .http(let status, _, _, _) where status == 401: unauthorized += 1
                case .cloudflareBanned: banned = true
                default: Issue.record("unexpected \(error)")
                }
            }
        }
        #expect(unauthorized >= 5, "the threshold's worth of 401s come back as typed errors first")
        #expect(banned)
        await harness.stop()
    }

    @Test("the proactive global limit keeps 80 requests in a burst under 50/s with no 429, interactions exempt")
    func globalLimit() async throws {
        let harness = try await Harness.start()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<80 { group.addTask { _ = try await harness.rest.getCurrentUser() } }
            try await group.waitForAll()
        }
        #expect(harness.tooManyRequests == 0)
        #expect(harness.simulator.rest.counters().rateLimited["global"] == nil)
        #expect(harness.rest.rateLimitStatistics.requestsThatWaited > 0, "the client must have paced the burst")
        await harness.stop()
    }

    @Test("reset times: a server clock 30 s ahead does not stall or overrun the client (Reset-After wins)")
    func clockSkew() async throws {
        let harness = try await Harness.start(configure: { configuration in
            Self.fastBuckets(&configuration)
            configuration.rest.clockSkew = .seconds(30)
        })
        let channel = try #require(harness.channels.first)
        for index in 0..<12 { _ = try await harness.send("skewed \(index)", to: channel) }
        #expect(harness.tooManyRequests == 0)
        #expect(harness.simulator.rest.messages(channelID: channel.rawValue).count == 12)
        await harness.stop()
    }

    @Test("garbage and invalid bodies get Discord's error body as a typed error, not a crash")
    func invalidBodies() async throws {
        let harness = try await Harness.start()
        let channel = try #require(harness.channels.first)
        do {
            _ = try await harness.send(String(repeating: "x", count: 2_001), to: channel)
            Issue.record("a 2,001-character message must be rejected")
        } catch {
            #expect(error.status == 400)
            #expect(error.discordCode == 50035)
        }
        do {
            _ = try await harness.rest.getMessage(channelID: channel, messageID: 42)
            Issue.record("an unknown message must be a 404")
        } catch {
            #expect(error.status == 404)
            #expect(error.discordCode == 10008)
        }
        await harness.stop()
    }

    @Test("500/502/504 are retried with backoff")
    func serverErrors() async throws {
        let harness = try await Harness.start()
        let channel = try #require(harness.channels.first)
        harness.simulator.rest.force(.serverError(status: 502), count: 2)
        _ = try await harness.send("eventually", to: channel)
        #expect(harness.simulator.rest.requestLog().map(\.status) == [502, 502, 200])
        await harness.stop()
    }
}
