import ApusCore
import Testing

@testable import ApusHTTP

/// Drives a `RateLimiterState` on a manual time line; records sends, failures (with their reasons) and notices.
private struct SafetyHarness {
    var state: RateLimiterState
    var now = MonotonicTime.zero
    var sent: [RateLimitRequestID] = []
    var failed: [RateLimitRequestID: RateLimitFailure] = [:]
    var notices: [RateLimitNotice] = []

    init(_ configuration: RateLimiterConfiguration = RateLimiterConfiguration()) {
        state = RateLimiterState(configuration: configuration)
    }

    mutating func record(_ actions: [RateLimitAction]) {
        for action in actions {
            switch action {
            case .send(let id): sent.append(id)
            case .fail(let id, let failure): failed[id] = failure
            }
        }
        notices += state.takeNotices()
    }

    @discardableResult
    mutating func enqueue(_ method: String = "POST", _ path: String = "/channels/1/messages", retrying: Bool = false)
        -> RateLimitRequestID
    {
        let (id, actions) = state.enqueue(RateLimitRoute(method: method, path: path), at: now, retrying: retrying)
        record(actions)
        return id
    }

    @discardableResult
    mutating func respond(
        _ id: RateLimitRequestID, status: Int = 200, headers: RateLimitHeaders = RateLimitHeaders(),
        body: TooManyRequestsBody? = nil
    ) -> RateLimitVerdict {
        let (verdict, actions) = state.complete(
            id, response: RateLimitResponse(status: status, headers: headers, tooManyRequests: body), at: now)
        record(actions)
        return verdict
    }

    mutating func advance(_ duration: Duration) {
        now = now + duration
        record(state.advance(to: now))
    }
}

@Suite("Rate limiter: maximum wait and malformed waits")
struct RateLimiterWaitTests {
    @Test(
        "a 429 asking for more than the maximum wait fails its request at once; the pause is capped at the maximum",
        arguments: [(RateLimitScope.user, "user"), (.shared, "shared"), (.global, "global")]
    )
    func waitTooLong(scope: RateLimitScope, header: String) {
        var harness = SafetyHarness(RateLimiterConfiguration(maximumWait: .seconds(300)))
        let first = harness.enqueue()
        let verdict = harness.respond(
            first, status: 429, headers: RateLimitHeaders(scope: header),
            body: .json(retryAfter: 1e10, global: scope == .global, code: nil))
        #expect(verdict == .failed(.waitTooLong(scope: scope, wait: .maximumRepresentable, maximum: .seconds(300))))
        #expect(harness.state.statistics.requestsFailedForLongWaits == 1)
        // The next request on the same route waits at most the maximum, not a century.
        let next = harness.enqueue()
        #expect(!harness.sent.contains(next))
        #expect(harness.state.nextWakeUp == harness.now + .seconds(300))
        harness.advance(.seconds(300))
        #expect(harness.sent.contains(next))
    }

    @Test(
        "a 429 whose wait is negative, NaN, infinite or a string fails as malformed and pauses for the default",
        arguments: [
            TooManyRequestsBody.json(retryAfter: -1, global: false, code: nil),
            .json(retryAfter: .nan, global: false, code: nil), .json(retryAfter: .infinity, global: false, code: nil),
            .malformed(reason: #"retry_after is "1.5""#),
        ]
    )
    func malformedWait(body: TooManyRequestsBody) {
        var harness = SafetyHarness(RateLimiterConfiguration(defaultRetryAfter: .seconds(1)))
        let first = harness.enqueue()
        let verdict = harness.respond(first, status: 429, headers: RateLimitHeaders(scope: "user"), body: body)
        guard case .failed(.malformed) = verdict else {
            Issue.record("expected a malformed failure, got \(verdict)")
            return
        }
        #expect(harness.state.statistics.malformedRateLimitValues == 1)
        let next = harness.enqueue()
        #expect(!harness.sent.contains(next))
        harness.advance(.seconds(1))
        #expect(harness.sent.contains(next))
    }

    @Test("a JSON 429 with only retry_after is an ordinary bucket 429, not a ban")
    func onlyRetryAfter() {
        var harness = SafetyHarness()
        let first = harness.enqueue()
        let verdict = harness.respond(first, status: 429, body: TooManyRequestsReader.read(Array(#"{"retry_after":0.5}"#.utf8)))
        #expect(verdict == .retry(scope: .user, retryAfter: .milliseconds(500)))
        #expect(harness.state.ban == nil)
    }

    @Test("a JSON 429 without retry_after waits for the Retry-After header")
    func retryAfterHeaderFallback() {
        var harness = SafetyHarness()
        let first = harness.enqueue()
        let verdict = harness.respond(
            first, status: 429, headers: RateLimitHeaders(headers: [(name: "Retry-After", value: "3")]),
            body: .json(retryAfter: nil, global: false, code: nil))
        #expect(verdict == .retry(scope: .user, retryAfter: .seconds(3)))
    }

    @Test("a bucket window beyond the maximum wait is shortened to it: waiters go out after the maximum")
    func hugeResetIsCapped() {
        var harness = SafetyHarness(RateLimiterConfiguration(maximumWait: .seconds(60)))
        let first = harness.enqueue()
        harness.respond(first, headers: RateLimitHeaders(headers: [
            (name: "X-RateLimit-Limit", value: "1"), (name: "X-RateLimit-Remaining", value: "0"),
            (name: "X-RateLimit-Reset-After", value: "1e10"), (name: "X-RateLimit-Bucket", value: "b"),
        ]))
        let waiter = harness.enqueue()
        #expect(harness.state.nextWakeUp == harness.now + .seconds(60))
        harness.advance(.seconds(60))
        #expect(harness.sent == [first, waiter])
    }

    @Test("a waiter blocked for longer than the maximum (a global window longer than it) fails at once")
    func waiterBeyondMaximumFails() {
        var harness = SafetyHarness(RateLimiterConfiguration(
            globalLimit: 1, globalWindow: .seconds(10), maximumWait: .seconds(5)))
        let first = harness.enqueue("GET", "/channels/1")
        let second = harness.enqueue("GET", "/channels/2")
        #expect(harness.sent == [first])
        #expect(harness.failed[second] == .waitTooLong(scope: .global, wait: .seconds(10), maximum: .seconds(5)))
    }

    @Test("X-RateLimit-Limit and -Remaining at 0, negative and Int.max are accepted without overflow",
          arguments: [(Optional(0), 0), (-5, -5), (nil, Int.max), (Int.max, Int.max), (Int.min, Int.min), (1, Int.max)]
          as [(Int?, Int)])
    func extremeCounts(limit: Int?, remaining: Int) {
        var harness = SafetyHarness()
        let first = harness.enqueue()
        harness.respond(first, headers: RateLimitHeaders(limit: limit, remaining: remaining, resetAfter: 1, bucket: "b"))
        let second = harness.enqueue()
        harness.advance(.seconds(1))
        #expect(harness.sent.contains(second))
    }
}

@Suite("Rate limiter: Cloudflare bans end with one probe")
struct RateLimiterBanTests {
    @Test("a ban fails requests until Retry-After, then one probe goes out alone and a success lifts the ban")
    func banProbeLifts() {
        var harness = SafetyHarness()
        let first = harness.enqueue()
        let verdict = harness.respond(
            first, status: 429, headers: RateLimitHeaders(retryAfter: 60), body: .notJSON(excerpt: "<html>"))
        #expect(verdict == .banned(.cloudflareBanned(excerpt: "<html>")))
        harness.advance(.seconds(59))
        let early = harness.enqueue()
        #expect(harness.failed[early] == .cloudflareBanned(excerpt: "<html>"))
        harness.advance(.seconds(1))
        let probe = harness.enqueue("GET", "/users/@me")
        let queued = (0..<3).map { index in harness.enqueue("GET", "/channels/\(index + 5)") }
        #expect(harness.sent == [first, probe])
        #expect(harness.notices.contains(.banProbe(probe)))
        harness.respond(probe, headers: RateLimitHeaders())
        #expect(harness.state.ban == nil)
        #expect(harness.sent == [first, probe] + queued)
        #expect(harness.notices.last == .banLifted)
        #expect(harness.state.statistics.banProbes == 1)
        #expect(harness.state.statistics.bansLifted == 1)
    }

    @Test("a probe answered with another ban renews it and fails the requests that waited for it")
    func banProbeRenews() {
        var harness = SafetyHarness()
        let first = harness.enqueue()
        harness.respond(first, status: 429, headers: RateLimitHeaders(retryAfter: 10), body: .notJSON(excerpt: "x"))
        harness.advance(.seconds(10))
        let probe = harness.enqueue()
        let waiting = harness.enqueue("GET", "/users/@me")
        #expect(harness.sent == [first, probe])
        harness.respond(probe, status: 429, headers: RateLimitHeaders(), body: .notJSON(excerpt: "x"))
        #expect(harness.failed[waiting] == .cloudflareBanned(excerpt: "x"))
        #expect(harness.state.ban != nil)
        // No usable Retry-After: the renewed ban lasts the configured hour.
        harness.advance(.seconds(3_599))
        let stillBanned = harness.enqueue()
        #expect(harness.failed[stillBanned] != nil)
        harness.advance(.seconds(1))
        let nextProbe = harness.enqueue()
        #expect(harness.sent.last == nextProbe)
        #expect(harness.state.statistics.bans == 2)
    }

    @Test("an abandoned probe hands the probe role to the next waiter")
    func abandonedProbe() {
        var harness = SafetyHarness()
        let first = harness.enqueue()
        harness.respond(first, status: 429, headers: RateLimitHeaders(retryAfter: 1), body: .notJSON(excerpt: "x"))
        harness.advance(.seconds(1))
        let probe = harness.enqueue()
        let next = harness.enqueue("GET", "/users/@me")
        harness.record(harness.state.abandon(probe, at: harness.now))
        #expect(harness.sent == [first, probe, next])
    }

    @Test("an absurd Retry-After on a ban is capped at the ban duration", arguments: [1e10, .infinity, -5.0])
    func absurdBanRetryAfter(retryAfter: Double) {
        var harness = SafetyHarness(RateLimiterConfiguration(cloudflareBanDuration: .seconds(3_600)))
        let first = harness.enqueue()
        harness.respond(first, status: 429, headers: RateLimitHeaders(retryAfter: retryAfter), body: .notJSON(excerpt: "x"))
        harness.advance(.seconds(3_600))
        let probe = harness.enqueue()
        #expect(harness.sent.last == probe)
    }
}

@Suite("Rate limiter: invalid-request counter")
struct InvalidRequestTests {
    private static let limits = InvalidRequestLimits(window: .seconds(600), warningThreshold: 3, refusalThreshold: 5)

    @Test("401, 403 and non-shared 429s count; shared 429s and other statuses do not",
          arguments: [(401, nil, true), (403, nil, true), (429, "user", true), (429, "global", true),
                      (429, "shared", false), (404, nil, false), (400, nil, false), (500, nil, false), (200, nil, false)]
          as [(Int, String?, Bool)])
    func whatCounts(status: Int, scope: String?, counts: Bool) {
        var harness = SafetyHarness(RateLimiterConfiguration(invalidRequests: Self.limits))
        let id = harness.enqueue("GET", "/channels/1")
        harness.respond(id, status: status, headers: RateLimitHeaders(scope: scope),
                        body: status == 429 ? .json(retryAfter: 0, global: false, code: nil) : nil)
        #expect(harness.state.invalidRequestCount(at: harness.now) == (counts ? 1 : 0))
    }

    @Test("a warning at the warning threshold, refusal from the refusal threshold except for interaction responses, and recovery as the window slides")
    func warningRefusalRecovery() {
        var harness = SafetyHarness(RateLimiterConfiguration(invalidRequests: Self.limits))
        for index in 0..<5 {
            let id = harness.enqueue("GET", "/channels/\(index)")
            harness.respond(id, status: 403)
            harness.advance(.seconds(1))
            if index == 2 { #expect(harness.notices == [.invalidRequestsWarning(count: 3, threshold: 3)]) }
        }
        #expect(harness.notices.last == .invalidRequestsRefusing(count: 5, threshold: 5))
        let refused = harness.enqueue("POST", "/channels/9/messages")
        #expect(harness.failed[refused] == .tooManyInvalidRequests(count: 5, threshold: 5, window: .seconds(600)))
        let callback = harness.enqueue("POST", "/interactions/1/tok/callback")
        let followUp = harness.enqueue("POST", "/webhooks/2/tok")
        #expect(harness.sent.suffix(2) == [callback, followUp])
        #expect(harness.state.statistics.requestsRefusedForInvalidRequests == 1)
        // The first 403 leaves the window 10 minutes (and at most one second) after it.
        harness.advance(.seconds(595))
        let stillRefused = harness.enqueue("GET", "/users/@me")
        #expect(harness.failed[stillRefused] != nil)
        harness.advance(.seconds(1))
        #expect(harness.notices.last == .invalidRequestsRefusalEnded(count: 4))
        let allowed = harness.enqueue("GET", "/users/@me")
        #expect(harness.sent.last == allowed)
    }

    @Test("requests queued when the refusal threshold is reached fail; queued interaction responses stay")
    func queuedRequestsRefused() {
        var harness = SafetyHarness(RateLimiterConfiguration(
            invalidRequests: InvalidRequestLimits(warningThreshold: 1, refusalThreshold: 1)))
        let probe = harness.enqueue("POST", "/channels/1/messages")
        let queued = harness.enqueue("POST", "/channels/1/messages")
        #expect(harness.sent == [probe])
        harness.respond(probe, status: 401)
        #expect(harness.failed[queued] != nil)
    }

    @Test("the sliding counter counts at least the last window and forgets events after it")
    func slidingCounter() {
        var counter = SlidingWindowCounter(window: .seconds(600))
        for second in 0..<1_000 { counter.record(at: .zero + .milliseconds(Int64(second) * 100)) }
        #expect(counter.count(at: .zero + .seconds(100)) == 1_000)
        #expect(counter.count(at: .zero + .seconds(600)) == 1_000)
        #expect(counter.count(at: .zero + .seconds(650)) == 500)
        #expect(counter.count(at: .zero + .seconds(702)) == 0)
        #expect(counter.record(at: .zero + .seconds(702)) == 1)
    }

    @Test("property: the sliding counter matches a brute-force count within one slot, for random event times")
    func slidingCounterProperty() {
        var random = SeededRandom(seed: 600)
        var counter = SlidingWindowCounter(window: .seconds(600))
        var events: [MonotonicTime] = []
        var now = MonotonicTime.zero
        for _ in 0..<3_000 {
            now = now + .milliseconds(Int64(random.next() % 2_000))
            if random.next() % 3 != 0 {
                counter.record(at: now)
                events.append(now)
            }
            let strict = events.filter { now - $0 < .seconds(600) }.count
            let loose = events.filter { now - $0 < .seconds(602) }.count
            let counted = counter.count(at: now)
            #expect(counted >= strict && counted <= loose)
        }
    }
}

@Suite("Rate limiter: random hostile traffic")
struct RateLimiterPropertyTests {
    @Test(
        "property: random routes, statuses, extreme headers and bodies never trap, never schedule a wake-up past the maximum wait, and every request resolves",
        arguments: [0xBAD, 1, 2, 3, 4, 5, 6, 7] as [UInt64])
    func randomHostileTraffic(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let configuration = RateLimiterConfiguration(
            maximumWait: .seconds(300), invalidRequests: InvalidRequestLimits(window: .seconds(60), warningThreshold: 50, refusalThreshold: 100),
            cloudflareBanDuration: .seconds(600))
        var harness = SafetyHarness(configuration)
        let routes = [("POST", "/channels/1/messages"), ("GET", "/channels/2"), ("PATCH", "/guilds/3/members/4"),
                      ("POST", "/interactions/5/tok/callback"), ("GET", "/users/@me")]
        let integers = [nil, 0, -1, 1, 5, Int.max, Int.min]
        let seconds: [Double?] = [nil, 0, 0.5, 2, 1e10, -1, .nan, .infinity, 1e300]
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        var completed = Set<RateLimitRequestID>()
        var enqueued: [RateLimitRequestID] = []
        for _ in 0..<5_000 {
            switch random.next() % 3 {
            case 0:
                let (method, path) = pick(routes)
                enqueued.append(harness.enqueue(method, path))
            case 1:
                guard let id = harness.sent.first(where: { !completed.contains($0) }) else { continue }
                completed.insert(id)
                let status = pick([200, 200, 204, 401, 403, 404, 429, 429, 500])
                let headers = RateLimitHeaders(
                    limit: pick(integers), remaining: pick(integers), resetAfter: pick(seconds),
                    bucket: pick([nil, "a", "b"]), isGlobal: random.next() % 5 == 0,
                    scope: pick([nil, "user", "shared", "global"]), retryAfter: pick(seconds))
                let body: TooManyRequestsBody? = status != 429 ? nil : pick([
                    .json(retryAfter: pick(seconds), global: random.next() % 4 == 0, code: nil),
                    .json(retryAfter: 1, global: false, code: nil), .malformed(reason: "x"),
                    random.next() % 10 == 0 ? .notJSON(excerpt: "<html>") : .json(retryAfter: 0.1, global: false, code: nil),
                ])
                harness.respond(id, status: status, headers: headers, body: body)
            default:
                harness.advance(.milliseconds(Int64(random.next() % 10_000)))
            }
            if let wake = harness.state.nextWakeUp {
                #expect(wake - harness.now <= .seconds(300), "wake-up \(wake) at \(harness.now)")
            }
        }
        // Answer everything, let every pause and ban run out: no request is left waiting.
        for _ in 0..<50 {
            for id in harness.sent where !completed.contains(id) {
                completed.insert(id)
                harness.respond(id, status: 200, headers: RateLimitHeaders())
            }
            harness.advance(.seconds(601))
        }
        #expect(harness.state.waitingCount == 0)
        #expect(harness.state.inFlightCount == 0)
        for id in enqueued { #expect(harness.sent.contains(id) || harness.failed[id] != nil) }
    }
}
