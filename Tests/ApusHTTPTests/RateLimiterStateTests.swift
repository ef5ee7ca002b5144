import ApusCore
import Testing

@testable import ApusHTTP

/// Drives a `RateLimiterState` on a manual time line and records which requests were released.
private struct Harness {
    var state: RateLimiterState
    var now = MonotonicTime.zero
    var sent: [RateLimitRequestID] = []
    var failed: [RateLimitRequestID] = []

    init(globalLimit: Int = 50) {
        state = RateLimiterState(configuration: RateLimiterConfiguration(globalLimit: globalLimit))
    }

    mutating func record(_ actions: [RateLimitAction]) {
        for action in actions {
            switch action {
            case .send(let id): sent.append(id)
            case .fail(let id, _): failed.append(id)
            }
        }
    }

    @discardableResult
    mutating func enqueue(_ method: String, _ path: String) -> RateLimitRequestID {
        let (id, actions) = state.enqueue(RateLimitRoute(method: method, path: path), at: now)
        record(actions)
        return id
    }

    @discardableResult
    mutating func respond(
        _ id: RateLimitRequestID, status: Int = 200, headers: RateLimitHeaders, body: TooManyRequestsBody? = nil
    ) -> RateLimitVerdict {
        let (verdict, actions) = state.complete(
            id, response: RateLimitResponse(status: status, headers: headers, tooManyRequests: body), at: now)
        record(actions)
        return verdict
    }

    mutating func advance(seconds: Double) {
        now = now + .secondsDouble(seconds)
        record(state.advance(to: now))
    }
}

private func window(limit: Int, remaining: Int, resetAfter: Double, bucket: String = "abc") -> RateLimitHeaders {
    RateLimitHeaders(limit: limit, remaining: remaining, resetAfter: resetAfter, bucket: bucket)
}

@Suite("Rate limit state machine")
struct RateLimiterStateTests {
    @Test("an unknown bucket lets exactly one request through until its response teaches the limit")
    func unknownBucketLetsOneThrough() {
        var harness = Harness()
        let ids = (0..<4).map { _ in harness.enqueue("POST", "/channels/1/messages") }
        #expect(harness.sent == [ids[0]])
        harness.respond(ids[0], headers: window(limit: 5, remaining: 4, resetAfter: 5))
        #expect(harness.sent == ids)
        #expect(harness.state.inFlightCount == 3)
    }

    @Test("a learned limit lets `remaining` requests run, then reset releases the waiters in FIFO order")
    func learnedLimitAndFIFOReset() throws {
        var harness = Harness()
        let first = harness.enqueue("POST", "/channels/1/messages")
        harness.respond(first, headers: window(limit: 3, remaining: 2, resetAfter: 5))
        let rest = (0..<6).map { _ in harness.enqueue("POST", "/channels/1/messages") }
        #expect(harness.sent == [first] + rest.prefix(2))
        for id in rest.prefix(2) { harness.respond(id, headers: window(limit: 3, remaining: 0, resetAfter: 4.9)) }
        let wake = try #require(harness.state.nextWakeUp)
        #expect(wake == .zero + .seconds(5))
        harness.advance(seconds: 4.5)
        #expect(harness.sent.count == 3)
        harness.advance(seconds: 0.5)
        #expect(harness.sent == [first] + rest.prefix(5))
        #expect(harness.state.waitingCount == 1)
        #expect(harness.state.statistics.requestsThatWaited == 3)
    }

    @Test("the major parameter separates buckets that share a hash")
    func majorParametersAreSeparate() {
        var harness = Harness()
        let a = harness.enqueue("POST", "/channels/1/messages")
        harness.respond(a, headers: window(limit: 1, remaining: 0, resetAfter: 5))
        let a2 = harness.enqueue("POST", "/channels/1/messages")
        let b = harness.enqueue("POST", "/channels/2/messages")
        #expect(!harness.sent.contains(a2))
        #expect(harness.sent.contains(b))
    }

    @Test("routes that share a bucket hash share its limit")
    func sharedBucketHash() {
        var harness = Harness()
        let edit = harness.enqueue("PATCH", "/channels/1/messages/10")
        harness.respond(edit, headers: window(limit: 2, remaining: 1, resetAfter: 5, bucket: "shared"))
        let delete = harness.enqueue("DELETE", "/channels/1/messages/11")
        // The DELETE route is not known yet: it probes once and learns the same hash.
        #expect(harness.sent == [edit, delete])
        harness.respond(delete, headers: window(limit: 2, remaining: 0, resetAfter: 5, bucket: "shared"))
        let editAgain = harness.enqueue("PATCH", "/channels/1/messages/12")
        let deleteAgain = harness.enqueue("DELETE", "/channels/1/messages/13")
        #expect(harness.sent == [edit, delete])
        harness.advance(seconds: 5)
        #expect(harness.sent == [edit, delete, editAgain, deleteAgain])
    }

    @Test("the global limit holds non-exempt routes to 50 per second; interaction routes are exempt")
    func globalLimitWithInteractionExemption() {
        var harness = Harness()
        for channel in 0..<60 { harness.enqueue("GET", "/channels/\(channel)") }
        #expect(harness.sent.count == 50)
        let callback = harness.enqueue("POST", "/interactions/1/tok/callback")
        let followUp = harness.enqueue("POST", "/webhooks/7/tok")
        #expect(harness.sent.suffix(2) == [callback, followUp])
        #expect(harness.state.nextWakeUp == .zero + .seconds(1))
        harness.advance(seconds: 1)
        #expect(harness.sent.count == 62)
    }

    @Test("a user-scope 429 pauses the bucket for retry_after and asks for a retry")
    func userScope429() {
        var harness = Harness()
        let first = harness.enqueue("POST", "/channels/1/messages")
        var headers = window(limit: 5, remaining: 0, resetAfter: 2)
        headers.scope = "user"
        headers.retryAfter = 3
        let verdict = harness.respond(first, status: 429, headers: headers, body: .json(retryAfter: 2.5, global: false, code: nil))
        #expect(verdict == .retry(scope: .user, retryAfter: .milliseconds(2500)))
        let retry = harness.state.enqueue(RateLimitRoute(method: "POST", path: "/channels/1/messages"), at: harness.now, retrying: true)
        harness.record(retry.actions)
        let other = harness.enqueue("POST", "/channels/2/messages")
        #expect(harness.sent == [first, other])
        harness.advance(seconds: 2.5)
        #expect(harness.sent == [first, other, retry.id])
        #expect(harness.state.statistics.tooManyRequests[.user] == 1)
    }

    @Test("a shared-scope 429 pauses only that resource and counts as shared")
    func sharedScope429() {
        var harness = Harness()
        let first = harness.enqueue("PUT", "/channels/1/messages/2/reactions/%F0%9F%91%8D/@me")
        var headers = window(limit: 10, remaining: 9, resetAfter: 1)
        headers.scope = "shared"
        let verdict = harness.respond(first, status: 429, headers: headers, body: .json(retryAfter: 30, global: false, code: nil))
        #expect(verdict == .retry(scope: .shared, retryAfter: .seconds(30)))
        let same = harness.enqueue("PUT", "/channels/1/messages/2/reactions/x/@me")
        harness.advance(seconds: 29)
        #expect(!harness.sent.contains(same))
        harness.advance(seconds: 1)
        #expect(harness.sent.contains(same))
        #expect(harness.state.statistics.tooManyRequests[.shared] == 1)
    }

    @Test("a global 429 without bucket headers pauses every non-exempt route")
    func global429() {
        var harness = Harness()
        let first = harness.enqueue("GET", "/users/@me")
        let headers = RateLimitHeaders(isGlobal: true, scope: "global", retryAfter: 2)
        let verdict = harness.respond(first, status: 429, headers: headers, body: .json(retryAfter: 1.5, global: true, code: nil))
        #expect(verdict == .retry(scope: .global, retryAfter: .milliseconds(1500)))
        let other = harness.enqueue("GET", "/channels/9")
        let exempt = harness.enqueue("POST", "/interactions/3/tok/callback")
        #expect(harness.sent == [first, exempt])
        harness.advance(seconds: 1.5)
        #expect(harness.sent == [first, exempt, other])
        #expect(harness.state.statistics.tooManyRequests[.global] == 1)
    }

    @Test("a non-JSON 429 bans the client: waiters and later requests fail at once until the ban is cleared")
    func cloudflareBan() {
        var harness = Harness()
        let first = harness.enqueue("POST", "/channels/1/messages")
        let waiting = harness.enqueue("POST", "/channels/1/messages")
        let verdict = harness.respond(first, status: 429, headers: RateLimitHeaders(), body: .notJSON(excerpt: "<html>"))
        #expect(verdict == .banned(.cloudflareBanned(excerpt: "<html>")))
        #expect(harness.failed == [waiting])
        let later = harness.enqueue("GET", "/users/@me")
        #expect(harness.failed == [waiting, later])
        harness.state.clearBan()
        let afterReset = harness.enqueue("GET", "/users/@me")
        #expect(harness.sent.last == afterReset)
        #expect(harness.state.statistics.tooManyRequests[.cloudflare] == 1)
    }

    @Test(
        "reset-after is preferred; epoch reset minus the server Date is immune to client clock skew",
        arguments: [
            // (reset-after, reset epoch, server date, expected seconds until the window resets)
            (Optional(2.0), Optional(1_000_000_010.0), Optional(1_000_000_000.0), 2.0),
            (nil, Optional(1_700_000_003.5), Optional(1_700_000_000.0), 3.5),
        ] as [(Double?, Double?, Double?, Double)]
    )
    func resetAfterVersusEpoch(resetAfter: Double?, resetEpoch: Double?, serverDate: Double?, expected: Double) throws {
        var harness = Harness()
        harness.now = .zero + .seconds(100)
        let first = harness.enqueue("POST", "/channels/1/messages")
        let headers = RateLimitHeaders(
            limit: 1, remaining: 0, resetAfter: resetAfter, resetEpoch: resetEpoch, serverDateEpoch: serverDate, bucket: "b")
        harness.respond(first, headers: headers)
        harness.enqueue("POST", "/channels/1/messages")
        #expect(harness.state.nextWakeUp == harness.now + .secondsDouble(expected))
    }

    @Test("a route answering without rate-limit headers is limited only globally")
    func routeWithoutHeaders() {
        var harness = Harness()
        let first = harness.enqueue("GET", "/gateway")
        harness.respond(first, headers: RateLimitHeaders())
        for _ in 0..<5 { harness.enqueue("GET", "/gateway") }
        #expect(harness.sent.count == 6)
    }

    @Test("an abandoned request frees its in-flight slot")
    func abandonFreesSlot() {
        var harness = Harness()
        let first = harness.enqueue("POST", "/channels/1/messages")
        let second = harness.enqueue("POST", "/channels/1/messages")
        harness.record(harness.state.abandon(first, at: harness.now))
        #expect(harness.sent == [first, second])
    }
}

@Suite("Rate limit routes and headers")
struct RateLimitRouteTests {
    @Test(
        "major parameters are kept and minor ids become placeholders",
        arguments: [
            ("POST", "/channels/123/messages", "POST /channels/{channel_id}/messages", "channel_id:123", false),
            ("DELETE", "/channels/1/messages/99", "DELETE /channels/{channel_id}/messages/{id}", "channel_id:1", false),
            ("PUT", "/guilds/5/members/6/roles/7", "PUT /guilds/{guild_id}/members/{id}/roles/{id}", "guild_id:5", false),
            ("PUT", "/channels/1/messages/2/reactions/%E2%9C%85/@me",
             "PUT /channels/{channel_id}/messages/{id}/reactions/{emoji}/@me", "channel_id:1", false),
            ("POST", "/webhooks/8/abc?wait=true", "POST /webhooks/{webhook_id}/{webhook_token}", "webhook:8/abc", true),
            ("POST", "/interactions/9/tok/callback", "POST /interactions/{interaction_id}/{interaction_token}/callback", "interaction:9", true),
            ("GET", "/users/@me", "GET /users/@me", nil, false),
        ] as [(String, String, String, String?, Bool)]
    )
    func routeTemplates(method: String, path: String, key: String, major: String?, exempt: Bool) {
        let route = RateLimitRoute(method: method, path: path)
        #expect(route.routeKey == key)
        #expect(route.majorParameter == major)
        #expect(route.isExemptFromGlobalLimit == exempt)
    }

    @Test("headers parse case-insensitively; malformed values are ignored")
    func headerParsing() {
        let headers = RateLimitHeaders(headers: [
            (name: "X-RateLimit-Limit", value: "5"), (name: "x-ratelimit-remaining", value: "oops"),
            (name: "X-RateLimit-Reset-After", value: "1.25"), (name: "X-RateLimit-Bucket", value: "h1"),
            (name: "X-RateLimit-Scope", value: "Shared"), (name: "Date", value: "Sun, 06 Nov 1994 08:49:37 GMT"),
        ])
        #expect(headers.limit == 5)
        #expect(headers.remaining == nil)
        #expect(headers.resetAfter == 1.25)
        #expect(headers.bucket == "h1")
        #expect(headers.scope == "shared")
        #expect(headers.serverDateEpoch == 784_111_777)
    }
}

@Suite("Rate limit windows with late requests")
struct RateLimitLateRequestTests {
    @Test("requests still in flight at a local reset count against the new window")
    func inFlightAtResetCountInNewWindow() {
        var harness = Harness()
        let probe = harness.enqueue("POST", "/channels/1/messages")
        harness.respond(probe, headers: window(limit: 3, remaining: 2, resetAfter: 1))
        let late = (0..<2).map { _ in harness.enqueue("POST", "/channels/1/messages") }
        #expect(harness.sent == [probe] + late)
        let waiting = (0..<3).map { _ in harness.enqueue("POST", "/channels/1/messages") }
        // The two granted requests have not been answered when the window resets: only one new permit remains.
        harness.advance(seconds: 1)
        #expect(harness.sent == [probe] + late + [waiting[0]])
    }
}

@Suite("Rate limit edge cases")
struct RateLimitEdgeCaseTests {
    @Test("a bucket 429 without bucket headers keeps an unknown bucket at one request in flight")
    func bucket429WithoutHeadersStaysCautious() {
        var harness = Harness()
        let first = harness.enqueue("POST", "/channels/1/messages")
        let verdict = harness.respond(
            first, status: 429, headers: RateLimitHeaders(scope: "user"), body: .json(retryAfter: 1, global: false, code: nil))
        #expect(verdict == .retry(scope: .user, retryAfter: .seconds(1)))
        harness.advance(seconds: 1)
        let a = harness.enqueue("POST", "/channels/1/messages")
        let b = harness.enqueue("POST", "/channels/1/messages")
        #expect(harness.sent == [first, a])
        #expect(!harness.sent.contains(b))
    }

    @Test("an error response without headers does not lift an unknown bucket's caution")
    func errorWithoutHeaders() {
        var harness = Harness()
        let first = harness.enqueue("GET", "/channels/1")
        harness.respond(first, status: 404, headers: RateLimitHeaders())
        let a = harness.enqueue("GET", "/channels/1")
        let b = harness.enqueue("GET", "/channels/1")
        #expect(harness.sent == [first, a])
        #expect(!harness.sent.contains(b))
    }
}
