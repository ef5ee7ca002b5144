import ApusCore

/// The REST rate limiter as a pure state machine: requests, responses and time go in, permits come out.
///
/// A permit is reserved *before* a request is sent, so a burst never overruns a bucket:
/// - an unknown bucket lets exactly one request through until its response teaches the limit;
/// - a known bucket lets `remaining` requests through until its reset, then releases the waiters in FIFO order;
/// - non-exempt routes also share a sliding-window global limit (50/s by default);
/// - a 429 pauses the bucket (user/shared scope) or every non-exempt route (global scope), and the request is
///   retried; a 429 asking for more than ``RateLimiterConfiguration/maximumWait`` fails its request at once, and
///   one with a malformed wait fails it as malformed; no pause or window end lies further ahead than the maximum;
/// - a non-JSON 429 (Cloudflare ban) fails everything until the ban's `Retry-After` (or one hour) has passed;
///   then one probe request goes out alone and its answer lifts or renews the ban;
/// - invalid responses (401, 403, 429 except `shared`) are counted in a sliding window: a notice at the warning
///   threshold, and from the refusal threshold every request except interaction responses fails at once.
///
/// The driver calls ``advance(to:)`` at ``nextWakeUp``, performs the returned ``RateLimitAction``s and reports
/// ``takeNotices()`` to the operator.
public struct RateLimiterState: Sendable {
    private struct Pending: Sendable {
        var route: RateLimitRoute
        var enqueuedAt: MonotonicTime
        /// The bucket the permit was taken from, once granted.
        var grantedKey: RateLimitBucketKey?
    }

    /// The configuration in force.
    public let configuration: RateLimiterConfiguration
    /// Counters.
    public internal(set) var statistics = RateLimitStatistics()
    /// When the driver must call ``advance(to:)`` next, or nil when no waiter depends on time.
    public private(set) var nextWakeUp: MonotonicTime?
    /// Notices not yet taken by the driver, oldest first.
    public internal(set) var notices: [RateLimitNotice] = []

    private var global: GlobalRateLimit
    private var routeHashes: [String: String] = [:]
    private var buckets: [RateLimitBucketKey: RateLimitBucket] = [:]
    private var queues: [RateLimitBucketKey: [RateLimitRequestID]] = [:]
    private var pending: [RateLimitRequestID: Pending] = [:]
    private var nextID: UInt64 = 0
    // Internal rather than private only for the extension in RateLimiterState+TooManyRequests.swift.
    var globalPausedUntil: MonotonicTime?
    var cloudflareBan: CloudflareBan?
    var invalidRequests: InvalidRequestGuard

    /// Creates an empty limiter.
    public init(configuration: RateLimiterConfiguration = RateLimiterConfiguration()) {
        self.configuration = configuration
        global = GlobalRateLimit(limit: configuration.globalLimit, window: configuration.globalWindow)
        invalidRequests = InvalidRequestGuard(limits: configuration.invalidRequests)
    }

    /// The ban in force after a non-JSON 429, if any (also while its probe is out).
    public var ban: RateLimitFailure? { cloudflareBan?.failure }
    /// Requests waiting for a permit.
    public var waitingCount: Int { queues.values.reduce(0) { $0 + $1.count } }
    /// Requests holding a permit whose response has not been reported.
    public var inFlightCount: Int { pending.values.reduce(0) { $0 + ($1.grantedKey == nil ? 0 : 1) } }
    /// Whether requests other than interaction responses are refused for too many invalid requests.
    public var isRefusingForInvalidRequests: Bool { invalidRequests.refusing }

    /// The invalid requests (401, 403, 429 except `shared`) counted in the window ending at `now`.
    public mutating func invalidRequestCount(at now: MonotonicTime) -> Int {
        invalidRequests.count(at: now)
    }

    /// Returns the notices produced since the last call and forgets them.
    public mutating func takeNotices() -> [RateLimitNotice] {
        defer { notices.removeAll() }
        return notices
    }

    /// Adds a request for `route`. Returns its id and the actions that follow (often `.send` for it at once).
    /// `retrying: true` puts it at the head of its bucket's queue (a request retried after a 429).
    public mutating func enqueue(
        _ route: RateLimitRoute, at now: MonotonicTime, retrying: Bool = false
    ) -> (id: RateLimitRequestID, actions: [RateLimitAction]) {
        nextID += 1
        let id = RateLimitRequestID(rawValue: nextID)
        if let ban = cloudflareBan, ban.rejects(at: now) {
            statistics.requestsRejectedWhileBanned += 1
            return (id, [.fail(id, ban.failure)])
        }
        notices += invalidRequests.update(at: now)
        if invalidRequests.refusing, !route.isInteractionResponse {
            statistics.requestsRefusedForInvalidRequests += 1
            return (id, [.fail(id, refusal(at: now))])
        }
        pending[id] = Pending(route: route, enqueuedAt: now)
        let key = bucketKey(for: route)
        if retrying {
            queues[key, default: []].insert(id, at: 0)
        } else {
            queues[key, default: []].append(id)
        }
        return (id, pump(at: now, only: [key]))
    }

    /// Reports the response of a request that was sent. Returns what to do with the request and the actions
    /// that follow for others.
    public mutating func complete(
        _ id: RateLimitRequestID, response: RateLimitResponse, at now: MonotonicTime
    ) -> (verdict: RateLimitVerdict, actions: [RateLimitAction]) {
        guard let request = pending.removeValue(forKey: id) else { return (.done, []) }
        statistics.responsesReceived += 1
        let headers = response.headers
        statistics.malformedRateLimitValues += headers.malformed.count
        let movedKeys = headers.bucket.map { learnHash($0, for: request.route) } ?? []
        // The grant key may have been rebound by learnHash; recompute it from the route when it was a pseudo key.
        let key = request.grantedKey.map { reboundKey($0, route: request.route) } ?? bucketKey(for: request.route)
        var bucket = buckets[key, default: RateLimitBucket()]
        if request.grantedKey != nil { bucket.inFlight = max(0, bucket.inFlight - 1) }
        let wasProbe = cloudflareBan?.probe == id

        var verdict = RateLimitVerdict.done
        if response.status == 429 {
            verdict = tooManyRequests(response, bucket: &bucket, at: now)
        } else if response.status < 500 {
            bucket.learn(from: headers, at: now, isSuccess: (200..<300).contains(response.status),
                         maximumWait: configuration.maximumWait)
        }
        if response.status == 401 || response.status == 403 || (response.status == 429 && headers.scope != "shared") {
            statistics.invalidRequests += 1
            notices += invalidRequests.record(at: now)
        }
        var liftedBan = false
        if wasProbe, case .banned = verdict {
            // The probe met the ban again: imposeBan renewed it.
        } else if wasProbe {
            cloudflareBan = nil
            statistics.bansLifted += 1
            notices.append(.banLifted)
            liftedBan = true
        }
        buckets[key] = bucket
        // A lifted ban releases the waiters of every bucket, not just the probe's.
        return (verdict, pump(at: now, only: liftedBan ? nil : [key] + movedKeys))
    }

    /// Reports that a request ended without a response (connection error, cancellation) or gave up waiting.
    /// Its permit, if any, is returned to the bucket count of requests in flight.
    public mutating func abandon(_ id: RateLimitRequestID, at now: MonotonicTime) -> [RateLimitAction] {
        guard let request = pending.removeValue(forKey: id) else { return [] }
        if cloudflareBan?.probe == id { cloudflareBan?.probe = nil }
        if let granted = request.grantedKey {
            let key = reboundKey(granted, route: request.route)
            if var bucket = buckets[key] {
                bucket.inFlight = max(0, bucket.inFlight - 1)
                buckets[key] = bucket
            }
            return pump(at: now, only: [key])
        }
        let key = bucketKey(for: request.route)
        queues[key]?.removeAll { $0 == id }
        if queues[key]?.isEmpty == true { queues.removeValue(forKey: key) }
        return pump(at: now, only: [key])
    }

    /// Time has moved to `now`: releases whatever the passing of time allows.
    public mutating func advance(to now: MonotonicTime) -> [RateLimitAction] {
        notices += invalidRequests.update(at: now)
        return pump(at: now, only: nil)
    }

    /// Lifts a Cloudflare ban at once, without waiting for its time and probe (an operator's override).
    public mutating func clearBan() {
        if cloudflareBan != nil {
            cloudflareBan = nil
            statistics.bansLifted += 1
            notices.append(.banLifted)
        }
    }

    // MARK: - Internals

    private func bucketKey(for route: RateLimitRoute) -> RateLimitBucketKey {
        let major = route.majorParameter ?? ""
        if let hash = routeHashes[route.routeKey] { return RateLimitBucketKey(hash: hash, major: major) }
        return RateLimitBucketKey(hash: Self.pseudoHash(route.routeKey), major: major)
    }

    private static func pseudoHash(_ routeKey: String) -> String { "route:" + routeKey }

    /// A key taken under the route's pseudo hash maps to the learned bucket once the hash is known. (Requests still
    /// pending are moved by ``learnHash(_:for:)``; this covers the request whose own response taught the hash.)
    private func reboundKey(_ key: RateLimitBucketKey, route: RateLimitRoute) -> RateLimitBucketKey {
        key.hash == Self.pseudoHash(route.routeKey) ? bucketKey(for: route) : key
    }

    /// Records that `route` belongs to bucket `hash`, and moves the route's pseudo buckets and queues (one per major
    /// parameter) onto the learned bucket, carrying their in-flight counts so no extra request slips through, and
    /// re-keys the requests in flight under them, so that each one's completion is counted where its permit now is
    /// (even if the route's hash changes again before it completes). Returns the keys whose queues moved.
    private mutating func learnHash(_ hash: String, for route: RateLimitRoute) -> [RateLimitBucketKey] {
        guard routeHashes[route.routeKey] != hash else { return [] }
        let pseudo = Self.pseudoHash(route.routeKey)
        routeHashes[route.routeKey] = hash
        for (key, bucket) in buckets where key.hash == pseudo {
            buckets.removeValue(forKey: key)
            let real = RateLimitBucketKey(hash: hash, major: key.major)
            if var existing = buckets[real] {
                existing.inFlight += bucket.inFlight
                buckets[real] = existing
            } else {
                buckets[real] = bucket
            }
        }
        for (id, request) in pending {
            guard let granted = request.grantedKey, granted.hash == pseudo else { continue }
            pending[id]?.grantedKey = RateLimitBucketKey(hash: hash, major: granted.major)
        }
        var moved: [RateLimitBucketKey] = []
        for (key, queue) in queues where key.hash == pseudo {
            queues.removeValue(forKey: key)
            let real = RateLimitBucketKey(hash: hash, major: key.major)
            queues[real] = ((queues[real] ?? []) + queue).sorted()
            moved.append(real)
        }
        return moved
    }

    /// Grants every permit the current state allows, FIFO per bucket, and updates ``nextWakeUp``.
    ///
    /// `only` limits the visit to the buckets an event touched (a response frees only its own bucket; time frees
    /// the rest), which keeps a burst of thousands of waiters cheap. Once a deadline has passed, every bucket is
    /// visited in the order of its oldest waiter. A request at the head of a queue that would have to wait longer
    /// than the maximum rate-limit wait fails at once.
    private mutating func pump(at now: MonotonicTime, only touched: [RateLimitBucketKey]?) -> [RateLimitAction] {
        if cloudflareBan != nil { return pumpWhileBanned(at: now) }
        var actions: [RateLimitAction] = invalidRequests.refusing ? refuseQueued(at: now) : []
        if let paused = globalPausedUntil, paused <= now { globalPausedUntil = nil }
        let visitAll = touched == nil || nextWakeUp.map { $0 <= now } ?? false
        var wake: MonotonicTime? = visitAll ? nil : nextWakeUp
        func note(_ time: MonotonicTime?) {
            guard let time else { return }
            wake = min(wake ?? time, time)
        }
        // Visit buckets in the order of their oldest waiter, so the global limit is shared fairly.
        let candidates: [RateLimitBucketKey] = visitAll ? Array(queues.keys) : Array(Set(touched ?? []))
        let order = candidates.compactMap { key in queues[key]?.first.map { (key: key, head: $0) } }
            .sorted { $0.head < $1.head }
        for (key, _) in order {
            guard let queue = queues[key] else { continue }
            var bucket = buckets[key, default: RateLimitBucket()]
            bucket.refresh(at: now)
            var consumed = 0
            for id in queue {
                guard let request = pending[id] else {
                    consumed += 1
                    continue
                }
                let exempt = request.route.isExemptFromGlobalLimit
                var blocked: (until: MonotonicTime?, scope: RateLimitScope)?
                let (allowed, retryAt) = bucket.availability(at: now)
                if !allowed {
                    blocked = (retryAt, .user)
                } else if !exempt, let paused = globalPausedUntil {
                    blocked = (paused, .global)
                } else if !exempt {
                    let (globalAllowed, globalRetryAt) = global.availability(at: now)
                    if !globalAllowed { blocked = (globalRetryAt, .global) }
                }
                if let blocked {
                    if let until = blocked.until, until - now > configuration.maximumWait {
                        pending.removeValue(forKey: id)
                        statistics.requestsFailedForLongWaits += 1
                        actions.append(.fail(id, .waitTooLong(
                            scope: blocked.scope, wait: until - now, maximum: configuration.maximumWait)))
                        consumed += 1
                        continue
                    }
                    note(blocked.until)
                    break
                }
                if !exempt { global.record(at: now) }
                bucket.grant()
                recordGrant(id, request: request, key: key, at: now)
                actions.append(.send(id))
                consumed += 1
            }
            buckets[key] = bucket
            if consumed == queue.count {
                queues.removeValue(forKey: key)
            } else if consumed > 0 {
                queues[key] = Array(queue.dropFirst(consumed))
            }
        }
        nextWakeUp = wake
        return actions
    }

    private mutating func recordGrant(_ id: RateLimitRequestID, request: Pending, key: RateLimitBucketKey, at now: MonotonicTime) {
        pending[id]?.grantedKey = key
        statistics.requestsSent += 1
        if now > request.enqueuedAt {
            statistics.requestsThatWaited += 1
            statistics.timeSpentWaiting += now - request.enqueuedAt
        }
    }

    /// While banned: before the ban's time every waiter fails; after it, the oldest waiter goes out alone as the
    /// probe and the others wait for its answer.
    private mutating func pumpWhileBanned(at now: MonotonicTime) -> [RateLimitAction] {
        guard var ban = cloudflareBan else { return [] }
        nextWakeUp = nil
        if ban.rejects(at: now) {
            var actions: [RateLimitAction] = []
            for id in queues.values.joined().sorted() where pending.removeValue(forKey: id) != nil {
                statistics.requestsRejectedWhileBanned += 1
                actions.append(.fail(id, ban.failure))
            }
            queues.removeAll()
            return actions
        }
        guard ban.probe == nil else { return [] }
        let heads = queues.compactMap { key, queue in queue.first.map { (key: key, id: $0) } }
        guard let head = heads.min(by: { $0.id < $1.id }), let request = pending[head.id] else { return [] }
        queues[head.key]?.removeFirst()
        if queues[head.key]?.isEmpty == true { queues.removeValue(forKey: head.key) }
        var bucket = buckets[head.key, default: RateLimitBucket()]
        bucket.grant()
        buckets[head.key] = bucket
        if !request.route.isExemptFromGlobalLimit { global.record(at: now) }
        recordGrant(head.id, request: request, key: head.key, at: now)
        ban.probe = head.id
        cloudflareBan = ban
        statistics.banProbes += 1
        notices.append(.banProbe(head.id))
        return [.send(head.id)]
    }

    /// Fails every queued request that is not an interaction response (the refusal threshold was reached).
    private mutating func refuseQueued(at now: MonotonicTime) -> [RateLimitAction] {
        var actions: [RateLimitAction] = []
        for (key, queue) in queues {
            var kept: [RateLimitRequestID] = []
            for id in queue {
                guard let request = pending[id] else { continue }
                if request.route.isInteractionResponse {
                    kept.append(id)
                } else {
                    pending.removeValue(forKey: id)
                    statistics.requestsRefusedForInvalidRequests += 1
                    actions.append(.fail(id, refusal(at: now)))
                }
            }
            queues[key] = kept.isEmpty ? nil : kept
        }
        return actions
    }
}
