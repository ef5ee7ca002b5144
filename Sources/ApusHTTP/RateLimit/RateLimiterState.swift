import ApusCore

/// The REST rate limiter as a pure state machine: requests, responses and time go in, permits come out.
///
/// A permit is reserved *before* a request is sent, so a burst never overruns a bucket:
/// - an unknown bucket lets exactly one request through until its response teaches the limit;
/// - a known bucket lets `remaining` requests through until its reset, then releases the waiters in FIFO order;
/// - non-exempt routes also share a sliding-window global limit (50/s by default);
/// - a 429 pauses the bucket (user/shared scope) or every non-exempt route (global scope), and the request is
///   retried; a non-JSON 429 (Cloudflare ban) fails everything until ``clearBan()``.
///
/// The driver calls ``advance(to:)`` at ``nextWakeUp`` and performs the returned ``RateLimitAction``s.
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
    public private(set) var statistics = RateLimitStatistics()
    /// When the driver must call ``advance(to:)`` next, or nil when no waiter depends on time.
    public private(set) var nextWakeUp: MonotonicTime?
    /// The ban in force after a non-JSON 429, if any.
    public private(set) var ban: RateLimitFailure?

    private var global: GlobalRateLimit
    private var globalPausedUntil: MonotonicTime?
    private var routeHashes: [String: String] = [:]
    private var buckets: [RateLimitBucketKey: RateLimitBucket] = [:]
    private var queues: [RateLimitBucketKey: [RateLimitRequestID]] = [:]
    private var pending: [RateLimitRequestID: Pending] = [:]
    private var nextID: UInt64 = 0

    /// Creates an empty limiter.
    public init(configuration: RateLimiterConfiguration = RateLimiterConfiguration()) {
        self.configuration = configuration
        global = GlobalRateLimit(limit: configuration.globalLimit, window: configuration.globalWindow)
    }

    /// Requests waiting for a permit.
    public var waitingCount: Int { queues.values.reduce(0) { $0 + $1.count } }
    /// Requests holding a permit whose response has not been reported.
    public var inFlightCount: Int { pending.values.reduce(0) { $0 + ($1.grantedKey == nil ? 0 : 1) } }

    /// Adds a request for `route`. Returns its id and the actions that follow (often `.send` for it at once).
    /// `retrying: true` puts it at the head of its bucket's queue (a request retried after a 429).
    public mutating func enqueue(
        _ route: RateLimitRoute, at now: MonotonicTime, retrying: Bool = false
    ) -> (id: RateLimitRequestID, actions: [RateLimitAction]) {
        nextID += 1
        let id = RateLimitRequestID(rawValue: nextID)
        if let ban {
            statistics.requestsRejectedWhileBanned += 1
            return (id, [.fail(id, ban)])
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
        let movedKeys = headers.bucket.map { learnHash($0, for: request.route) } ?? []
        // The grant key may have been rebound by learnHash; recompute it from the route when it was a pseudo key.
        let key = request.grantedKey.map { reboundKey($0, route: request.route) } ?? bucketKey(for: request.route)
        var bucket = buckets[key, default: RateLimitBucket()]
        if request.grantedKey != nil { bucket.inFlight = max(0, bucket.inFlight - 1) }

        var verdict = RateLimitVerdict.done
        if response.status == 429 {
            switch response.tooManyRequests {
            case .json(let retryAfterSeconds, let bodyGlobal, _):
                let retryAfter = Duration.secondsDouble(max(0, retryAfterSeconds))
                let isGlobal = bodyGlobal || headers.isGlobal || headers.scope == "global"
                if isGlobal {
                    let until = now + retryAfter
                    globalPausedUntil = max(globalPausedUntil ?? until, until)
                    verdict = .retry(scope: .global, retryAfter: retryAfter)
                } else {
                    bucket.learn(from: headers, at: now, isSuccess: false)
                    let until = now + retryAfter
                    bucket.pausedUntil = max(bucket.pausedUntil ?? until, until)
                    let scope: RateLimitScope = headers.scope == "shared" ? .shared : .user
                    if scope == .user { bucket.remaining = 0 }
                    verdict = .retry(scope: scope, retryAfter: retryAfter)
                }
            case .notJSON(let excerpt):
                verdict = .banned(imposeBan(excerpt: excerpt))
            case nil:
                verdict = .banned(imposeBan(excerpt: "(empty body)"))
            }
            if case .retry(let scope, _) = verdict { statistics.tooManyRequests[scope, default: 0] += 1 }
        } else if response.status < 500 {
            bucket.learn(from: headers, at: now, isSuccess: (200..<300).contains(response.status))
        }
        buckets[key] = bucket
        return (verdict, pump(at: now, only: [key] + movedKeys))
    }

    /// Reports that a request ended without a response (connection error, cancellation) or gave up waiting.
    /// Its permit, if any, is returned to the bucket count of requests in flight.
    public mutating func abandon(_ id: RateLimitRequestID, at now: MonotonicTime) -> [RateLimitAction] {
        guard let request = pending.removeValue(forKey: id) else { return [] }
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
        pump(at: now, only: nil)
    }

    /// Lifts a Cloudflare ban so that requests are accepted again (after the user has waited it out).
    public mutating func clearBan() {
        ban = nil
    }

    // MARK: - Internals

    private func bucketKey(for route: RateLimitRoute) -> RateLimitBucketKey {
        let major = route.majorParameter ?? ""
        if let hash = routeHashes[route.routeKey] { return RateLimitBucketKey(hash: hash, major: major) }
        return RateLimitBucketKey(hash: Self.pseudoHash(route.routeKey), major: major)
    }

    private static func pseudoHash(_ routeKey: String) -> String { "route:" + routeKey }

    /// A key taken under the route's pseudo hash maps to the learned bucket once the hash is known.
    private func reboundKey(_ key: RateLimitBucketKey, route: RateLimitRoute) -> RateLimitBucketKey {
        key.hash == Self.pseudoHash(route.routeKey) ? bucketKey(for: route) : key
    }

    /// Records that `route` belongs to bucket `hash`, and moves the route's pseudo buckets and queues (one per major
    /// parameter) onto the learned bucket, carrying their in-flight counts so no extra request slips through.
    /// Returns the keys whose queues moved.
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
        var moved: [RateLimitBucketKey] = []
        for (key, queue) in queues where key.hash == pseudo {
            queues.removeValue(forKey: key)
            let real = RateLimitBucketKey(hash: hash, major: key.major)
            queues[real] = ((queues[real] ?? []) + queue).sorted()
            moved.append(real)
        }
        return moved
    }

    private mutating func imposeBan(excerpt: String) -> RateLimitFailure {
        let failure = RateLimitFailure.cloudflareBanned(excerpt: excerpt)
        ban = failure
        statistics.tooManyRequests[.cloudflare, default: 0] += 1
        return failure
    }

    /// Grants every permit the current state allows, FIFO per bucket, and updates ``nextWakeUp``.
    ///
    /// `only` limits the visit to the buckets an event touched (a response frees only its own bucket; time frees
    /// the rest), which keeps a burst of thousands of waiters cheap. Once a deadline has passed, every bucket is
    /// visited in the order of its oldest waiter.
    private mutating func pump(at now: MonotonicTime, only touched: [RateLimitBucketKey]?) -> [RateLimitAction] {
        var actions: [RateLimitAction] = []
        if let ban {
            for queue in queues.values {
                for id in queue {
                    pending.removeValue(forKey: id)
                    statistics.requestsRejectedWhileBanned += 1
                    actions.append(.fail(id, ban))
                }
            }
            queues.removeAll()
            nextWakeUp = nil
            return actions
        }
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
            var granted = 0
            for id in queue {
                guard let request = pending[id] else {
                    granted += 1
                    continue
                }
                let (allowed, retryAt) = bucket.availability(at: now)
                guard allowed else {
                    note(retryAt)
                    break
                }
                if !request.route.isExemptFromGlobalLimit {
                    if let paused = globalPausedUntil {
                        note(paused)
                        break
                    }
                    let (globalAllowed, globalRetryAt) = global.availability(at: now)
                    guard globalAllowed else {
                        note(globalRetryAt)
                        break
                    }
                    global.record(at: now)
                }
                bucket.grant()
                pending[id]?.grantedKey = key
                statistics.requestsSent += 1
                if now > request.enqueuedAt {
                    statistics.requestsThatWaited += 1
                    statistics.timeSpentWaiting += now - request.enqueuedAt
                }
                actions.append(.send(id))
                granted += 1
            }
            buckets[key] = bucket
            if granted == queue.count {
                queues.removeValue(forKey: key)
            } else if granted > 0 {
                queues[key] = Array(queue.dropFirst(granted))
            }
        }
        nextWakeUp = wake
        return actions
    }
}
