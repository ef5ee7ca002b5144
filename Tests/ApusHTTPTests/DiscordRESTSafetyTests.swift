import ApusCore
import ApusModel
import Logging
import Synchronization
import Testing

@testable import ApusHTTP

private let userJSON = #"{"id":"7","username":"apus","discriminator":"0"}"#

/// Runs `body` with a loopback server and a client built by `configure`, and always shuts both down.
private func withSafetyServer(
    timeSource: any TimeSource = SystemTimeSource(), logger: Logger = Logger(label: "test"),
    configure: (inout DiscordRESTConfiguration) -> Void = { _ in },
    _ handler: @escaping TestHTTPServer.Handler,
    _ body: (TestHTTPServer, DiscordREST) async throws -> Void
) async throws {
    let server = try await TestHTTPServer.start(handler)
    var configuration = DiscordRESTConfiguration(
        token: "t", apiBaseURL: server.baseURL, requestTimeout: .seconds(5),
        retryPolicy: RetryPolicy(maximumAttempts: 1, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(20)))
    configure(&configuration)
    let client = DiscordREST(configuration: configuration, timeSource: timeSource, logger: logger)
    do {
        try await body(server, client)
    } catch {
        try? await client.shutdown()
        await server.shutdown()
        throw error
    }
    try await client.shutdown()
    await server.shutdown()
}

private func cloudflarePage(retryAfter: String?) -> CannedResponse {
    CannedResponse(
        status: 429,
        headers: [(name: "Content-Type", value: "text/html")] + (retryAfter.map { [(name: "Retry-After", value: $0)] } ?? []),
        body: Array("<html>Access denied | Cloudflare</html>".utf8))
}

@Suite("DiscordREST safety over loopback", .timeLimit(.minutes(1)))
struct DiscordRESTSafetyTests {
    @Test("a 429 asking for 1e10 s fails at once with rateLimitWaitTooLong, a transient error")
    func waitTooLong() async throws {
        try await withSafetyServer({ _ in
            .json(429, #"{"message":"You are being rate limited.","retry_after":1e10,"global":false}"#)
        }) { server, client in
            let error = await #expect(throws: DiscordHTTPError.self) { _ = try await client.getCurrentUser() }
            guard case .rateLimitWaitTooLong(_, .user, _, let maximum)? = error else {
                Issue.record("expected rateLimitWaitTooLong, got \(String(describing: error))")
                return
            }
            #expect(maximum == .seconds(300))
            #expect(error?.isTransient == true)
            #expect(error?.isRateLimitRefusal == true, "the framework does not answer such a failure in the same channel")
            #expect(server.requests.count == 1)
        }
    }

    @Test("the maximum rate-limit wait is one setting of the client")
    func maximumWaitSetting() async throws {
        try await withSafetyServer(configure: { $0.maximumRateLimitWait = .seconds(2) }, { _ in
            .json(429, #"{"retry_after":3}"#)
        }) { _, client in
            #expect(client.configuration.rateLimits.maximumWait == .seconds(2))
            await #expect {
                _ = try await client.getCurrentUser()
            } throws: { error in
                guard case .rateLimitWaitTooLong(_, _, let wait, .seconds(2))? = error as? DiscordHTTPError else { return false }
                return wait == .seconds(3)
            }
        }
    }

    @Test("a 429 whose retry_after is a string fails as malformed without waiting")
    func malformedRetryAfter() async throws {
        try await withSafetyServer({ _ in .json(429, #"{"message":"x","retry_after":"soon","global":false}"#) }) { server, client in
            await #expect {
                _ = try await client.getCurrentUser()
            } throws: { error in
                guard case .malformedRateLimit(_, let reason)? = error as? DiscordHTTPError else { return false }
                return reason.contains("soon") && (error as? DiscordHTTPError)?.isTransient == true
                    && (error as? DiscordHTTPError)?.isRateLimitRefusal == true
            }
            #expect(server.requests.count == 1)
            #expect(client.rateLimitStatistics.malformedRateLimitValues == 1)
        }
    }

    @Test("a JSON 429 with only retry_after is an ordinary 429: waited out and retried, no ban")
    func onlyRetryAfterIsOrdinary() async throws {
        let calls = Mutex(0)
        try await withSafetyServer({ _ in
            let call = calls.withLock { count -> Int in
                count += 1
                return count
            }
            return call == 1 ? .json(429, #"{"retry_after":0.05}"#) : .json(200, userJSON)
        }) { server, client in
            let user = try await client.getCurrentUser()
            #expect(user.username == "apus")
            #expect(server.requests.count == 2)
            #expect(client.rateLimitStatistics.tooManyRequests[.user] == 1)
            #expect(client.rateLimiter.ban == nil)
        }
    }

    @Test("malformed rate-limit headers on successes are ignored, counted, and warned about once a minute")
    func malformedHeadersOnSuccess() async throws {
        let (logger, logs) = CapturingLogHandler.logger()
        try await withSafetyServer(logger: logger, { _ in
            .json(200, userJSON, headers: [
                (name: "X-RateLimit-Limit", value: "five"), (name: "X-RateLimit-Remaining", value: "1"),
                (name: "X-RateLimit-Reset-After", value: "nan"), (name: "X-RateLimit-Bucket", value: "b"),
            ])
        }) { _, client in
            for _ in 0..<3 { _ = try await client.getCurrentUser() }
            #expect(client.rateLimitStatistics.malformedRateLimitValues == 6)
            #expect(logs.messages(atLeast: .warning).filter { $0.contains("malformed rate-limit headers") }.count == 1)
        }
    }

    @Test("a Cloudflare ban fails requests until Retry-After, then sends ONE probe; a success lifts it")
    func banEndsWithOneProbe() async throws {
        let clock = ManualTimeSource()
        let banning = Mutex(true)
        let (logger, logs) = CapturingLogHandler.logger()
        try await withSafetyServer(timeSource: clock, logger: logger, { _ in
            banning.withLock { $0 } ? cloudflarePage(retryAfter: "30") : .json(200, userJSON)
        }) { server, client in
            await #expect(throws: DiscordHTTPError.self) { _ = try await client.getCurrentUser() }
            // Within the ban, nothing reaches the server.
            await #expect(throws: DiscordHTTPError.self) { _ = try await client.getCurrentUser() }
            #expect(server.requests.count == 1)
            clock.advance(by: .seconds(30))
            // The ban's time has passed: of three concurrent calls exactly one reaches the server, meets the ban
            // again, and the two that waited for it fail with it.
            await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        do {
                            _ = try await client.getCurrentUser()
                            return false
                        } catch {
                            guard case .cloudflareBanned = error as? DiscordHTTPError else { return false }
                            return true
                        }
                    }
                }
                for await banned in group { #expect(banned) }
            }
            #expect(server.requests.count == 2)
            banning.withLock { $0 = false }
            clock.advance(by: .seconds(30))
            _ = try await client.getCurrentUser()
            _ = try await client.getCurrentUser()
            #expect(server.requests.count == 4)
            let statistics = client.rateLimitStatistics
            #expect(statistics.bans == 2)
            #expect(statistics.banProbes == 2)
            #expect(statistics.bansLifted == 1)
            #expect(logs.messages(atLeast: .notice).contains { $0.contains("ban is over") })
        }
    }

    @Test("a Cloudflare ban without Retry-After lasts the configured ban duration (one hour by default)")
    func banWithoutRetryAfter() async throws {
        let clock = ManualTimeSource()
        let banning = Mutex(true)
        try await withSafetyServer(timeSource: clock, { _ in
            banning.withLock { $0 } ? cloudflarePage(retryAfter: nil) : .json(200, userJSON)
        }) { server, client in
            await #expect(throws: DiscordHTTPError.self) { _ = try await client.getCurrentUser() }
            banning.withLock { $0 = false }
            clock.advance(by: .seconds(3_599))
            await #expect(throws: DiscordHTTPError.self) { _ = try await client.getCurrentUser() }
            clock.advance(by: .seconds(1))
            _ = try await client.getCurrentUser()
            #expect(server.requests.count == 2)
        }
    }

    @Test("from the refusal threshold every request but interaction responses fails at once; warnings are logged once")
    func invalidRequestRefusal() async throws {
        let (logger, logs) = CapturingLogHandler.logger()
        try await withSafetyServer(logger: logger, configure: {
            $0.rateLimits.invalidRequests = InvalidRequestLimits(warningThreshold: 2, refusalThreshold: 3)
        }, { request in
            request.uri.contains("/interactions/") ? CannedResponse(status: 204)
                : .json(403, #"{"message":"Missing Permissions","code":50013}"#)
        }) { server, client in
            for index in 0..<3 {
                await #expect {
                    _ = try await client.createMessage(channelID: 42, MessageCreatePayload(content: "no \(index)"))
                } throws: { error in
                    (error as? DiscordHTTPError)?.status == 403 && (error as? DiscordHTTPError)?.isTransient == false
                }
            }
            await #expect {
                _ = try await client.createMessage(channelID: 42, MessageCreatePayload(content: "refused"))
            } throws: { error in
                guard case .tooManyInvalidRequests(_, 3, 3, _)? = error as? DiscordHTTPError else { return false }
                return (error as? DiscordHTTPError)?.isTransient == true
            }
            #expect(server.requests.count == 3)
            _ = try await client.send(DiscordRequest(method: "POST", path: "/interactions/1/tok/callback"))
            #expect(server.requests.count == 4)
            #expect(client.rateLimiter.invalidRequestCount == 3)
            #expect(client.rateLimitStatistics.requestsRefusedForInvalidRequests == 1)
            let warnings = logs.messages(atLeast: .warning)
            #expect(warnings.filter { $0.contains("many invalid REST requests") }.count == 1)
            #expect(warnings.filter { $0.contains("refusing REST requests") }.count == 1)
        }
    }

    @Test("REST going unreachable is logged once, and coming back once, however many requests fail")
    func unreachableThenBack() async throws {
        let (logger, logs) = CapturingLogHandler.logger()
        let answering = Mutex(false)
        try await withSafetyServer(logger: logger, configure: { $0.requestTimeout = .milliseconds(200) }, { _ in
            answering.withLock { $0 } ? .json(200, userJSON) : nil
        }) { _, client in
            for _ in 0..<3 {
                await #expect {
                    _ = try await client.getCurrentUser()
                } throws: { error in
                    guard case .timeout = error as? DiscordHTTPError else { return false }
                    return (error as? DiscordHTTPError)?.isTransient == true
                }
            }
            var statistics = client.reachabilityStatistics
            #expect(!statistics.isReachable)
            #expect(statistics.connectionFailures == 3)
            #expect(statistics.outages == 1)
            answering.withLock { $0 = true }
            _ = try await client.getCurrentUser()
            statistics = client.reachabilityStatistics
            #expect(statistics.isReachable)
            let errors = logs.messages(atLeast: .error)
            #expect(errors.filter { $0.contains("unreachable") }.count == 1)
            #expect(logs.messages(atLeast: .notice).filter { $0.contains("reachable again") }.count == 1)
        }
    }
}

@Suite("DiscordHTTPError classification")
struct DiscordHTTPErrorClassificationTests {
    @Test(
        "isTransient: outages, 5xx and rate limits are transient; other 4xx and bad requests or responses are not",
        arguments: [
            (DiscordHTTPError.connection(route: "r", description: "refused"), true),
            (.timeout(route: "r"), true),
            (.http(status: 500, route: "r", body: nil, rawBody: []), true),
            (.http(status: 503, route: "r", body: nil, rawBody: []), true),
            (.http(status: 429, route: "r", body: nil, rawBody: []), true),
            (.rateLimitRetriesExhausted(route: "r", scope: .user, retryAfter: .seconds(1)), true),
            (.rateLimitWaitTooLong(route: "r", scope: .global, wait: .seconds(900), maximum: .seconds(300)), true),
            (.malformedRateLimit(route: "r", reason: "x"), true),
            (.cloudflareBanned(excerpt: "x"), true),
            (.tooManyInvalidRequests(route: "r", count: 9_000, threshold: 9_000, window: .seconds(600)), true),
            (.http(status: 400, route: "r", body: nil, rawBody: []), false),
            (.http(status: 401, route: "r", body: nil, rawBody: []), false),
            (.http(status: 403, route: "r", body: nil, rawBody: []), false),
            (.http(status: 404, route: "r", body: nil, rawBody: []), false),
            (.invalidResponse(route: "r", reason: "x"), false),
            (.invalidRequest(reason: "x"), false),
        ] as [(DiscordHTTPError, Bool)]
    )
    func transient(error: DiscordHTTPError, expected: Bool) {
        #expect(error.isTransient == expected)
        #expect(!error.description.isEmpty)
    }

    @Test("status still reports the HTTP status of an HTTP error, and nil otherwise")
    func status() {
        #expect(DiscordHTTPError.http(status: 401, route: "r", body: nil, rawBody: []).status == 401)
        #expect(DiscordHTTPError.cloudflareBanned(excerpt: "x").status == nil)
    }
}

@Suite("REST reachability tracker")
struct RESTReachabilityTests {
    @Test("one notice when REST goes down, reminders at most once per interval, one when it comes back")
    func notices() {
        var tracker = RESTReachability(reminderInterval: .seconds(60))
        var notices: [RESTReachability.Notice] = []
        for second in [0, 10, 20, 59, 60, 61, 130] {
            if let notice = tracker.recordFailure("refused", at: .zero + .seconds(second)) { notices.append(notice) }
        }
        if let notice = tracker.recordResponse(at: .zero + .seconds(140)) { notices.append(notice) }
        #expect(tracker.recordResponse(at: .zero + .seconds(141)) == nil)
        #expect(notices == [
            .unreachable(error: "refused"),
            .stillUnreachable(failures: 5, duration: .seconds(60), error: "refused"),
            .stillUnreachable(failures: 7, duration: .seconds(130), error: "refused"),
            .reachableAgain(failures: 7, duration: .seconds(140)),
        ])
        #expect(tracker.connectionFailures == 7)
        #expect(tracker.outages == 1)
        #expect(tracker.recordFailure("reset", at: .zero + .seconds(200)) == .unreachable(error: "reset"))
        #expect(tracker.outages == 2)
    }
}
