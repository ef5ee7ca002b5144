import ApusCore
import Logging
import Synchronization

/// The async driver of ``RateLimiterState``: callers `await` a permit, the limiter sleeps on an injected
/// ``TimeSource`` until windows reset.
///
/// ```swift
/// let limiter = RateLimiter(timeSource: SystemTimeSource())
/// let permit = try await limiter.acquire(RateLimitRoute(method: "POST", path: "/channels/1/messages"))
/// // ... send the request, then:
/// switch limiter.complete(permit, response: summary) { case .done: ...; case .retry: ...; case .banned: ... }
/// ```
public final class RateLimiter: Sendable {
    private enum Slot {
        /// Enqueued; the caller has not started waiting yet and no outcome is known.
        case pending
        /// The caller is suspended.
        case waiting(CheckedContinuation<Void, any Error>)
        /// The outcome arrived before the caller started waiting.
        case ready(Result<Void, any Error>)
        /// The caller was cancelled before it got its outcome.
        case cancelled
        /// The caller got its outcome.
        case delivered
    }

    private struct Inner {
        var state: RateLimiterState
        var slots: [RateLimitRequestID: Slot] = [:]
        var scheduledWake: MonotonicTime?
    }

    private typealias Resumption = (CheckedContinuation<Void, any Error>, Result<Void, any Error>)

    private let inner: Mutex<Inner>
    private let timeSource: any TimeSource
    private let logger: Logger

    /// Creates a limiter that reads and sleeps on `timeSource` and logs its ``RateLimitNotice``s (bans, probes,
    /// invalid-request thresholds) to `logger`.
    public init(
        configuration: RateLimiterConfiguration = RateLimiterConfiguration(), timeSource: any TimeSource,
        logger: Logger = Logger(label: "apus.rest.ratelimit")
    ) {
        inner = Mutex(Inner(state: RateLimiterState(configuration: configuration)))
        self.timeSource = timeSource
        self.logger = logger
    }

    /// The invalid requests (401, 403, 429 except `shared`) counted in the sliding window now.
    public var invalidRequestCount: Int {
        let now = timeSource.now()
        return inner.withLock { $0.state.invalidRequestCount(at: now) }
    }

    /// Counters so far.
    public var statistics: RateLimitStatistics {
        inner.withLock { $0.state.statistics }
    }

    /// The ban in force after a non-JSON 429, if any.
    public var ban: RateLimitFailure? {
        inner.withLock { $0.state.ban }
    }

    /// Waits for a permit for `route` and returns the request's id, to be passed to ``complete(_:response:)`` or
    /// ``abandon(_:)``. Throws ``RateLimitFailure`` when the client is banned, `CancellationError` when cancelled.
    public func acquire(_ route: RateLimitRoute, retrying: Bool = false) async throws -> RateLimitRequestID {
        let now = timeSource.now()
        let (id, resumptions) = inner.withLock { inner -> (RateLimitRequestID, [Resumption]) in
            let (id, actions) = inner.state.enqueue(route, at: now, retrying: retrying)
            inner.slots[id] = .pending
            return (id, Self.apply(actions, to: &inner))
        }
        finish(resumptions)
        defer { _ = inner.withLock { $0.slots.removeValue(forKey: id) } }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = inner.withLock { inner -> Result<Void, any Error>? in
                    switch inner.slots[id] {
                    case .ready(let result):
                        inner.slots[id] = .delivered
                        return result
                    case .cancelled:
                        return .failure(CancellationError())
                    default:
                        inner.slots[id] = .waiting(continuation)
                        return nil
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            cancel(id)
        }
        return id
    }

    /// Reports the response of a request sent under permit `id`; see ``RateLimitVerdict``.
    public func complete(_ id: RateLimitRequestID, response: RateLimitResponse) -> RateLimitVerdict {
        let now = timeSource.now()
        let (verdict, resumptions) = inner.withLock { inner -> (RateLimitVerdict, [Resumption]) in
            let (verdict, actions) = inner.state.complete(id, response: response, at: now)
            return (verdict, Self.apply(actions, to: &inner))
        }
        finish(resumptions)
        return verdict
    }

    /// Reports that the request under permit `id` ended without a response.
    public func abandon(_ id: RateLimitRequestID) {
        let now = timeSource.now()
        let resumptions = inner.withLock { inner in
            Self.apply(inner.state.abandon(id, at: now), to: &inner)
        }
        finish(resumptions)
    }

    /// Lifts a Cloudflare ban at once; requests are accepted again without waiting for the ban's probe.
    public func clearBan() {
        let now = timeSource.now()
        let resumptions = inner.withLock { inner -> [Resumption] in
            inner.state.clearBan()
            return Self.apply(inner.state.advance(to: now), to: &inner)
        }
        finish(resumptions)
    }

    // MARK: - Internals

    private func cancel(_ id: RateLimitRequestID) {
        let now = timeSource.now()
        let resumptions = inner.withLock { inner -> [Resumption] in
            switch inner.slots[id] {
            case .waiting(let continuation):
                inner.slots[id] = .delivered
                var resumptions = Self.apply(inner.state.abandon(id, at: now), to: &inner)
                resumptions.append((continuation, .failure(CancellationError())))
                return resumptions
            case .pending, .ready:
                inner.slots[id] = .cancelled
                return Self.apply(inner.state.abandon(id, at: now), to: &inner)
            case .cancelled, .delivered, nil:
                return []
            }
        }
        finish(resumptions)
    }

    private static func apply(_ actions: [RateLimitAction], to inner: inout Inner) -> [Resumption] {
        var resumptions: [Resumption] = []
        for action in actions {
            let id: RateLimitRequestID
            let result: Result<Void, any Error>
            switch action {
            case .send(let granted):
                id = granted
                result = .success(())
            case .fail(let failed, let failure):
                id = failed
                result = .failure(failure)
            }
            switch inner.slots[id] {
            case .waiting(let continuation):
                inner.slots[id] = .delivered
                resumptions.append((continuation, result))
            case .pending:
                inner.slots[id] = .ready(result)
            case .ready, .cancelled, .delivered, nil:
                break
            }
        }
        return resumptions
    }

    /// Resumes callers outside the lock, logs the state's notices and makes sure a timer is set for the state's
    /// next wake-up.
    private func finish(_ resumptions: [Resumption]) {
        for (continuation, result) in resumptions { continuation.resume(with: result) }
        let (wake, notices) = inner.withLock { inner -> (MonotonicTime?, [RateLimitNotice]) in
            let notices = inner.state.takeNotices()
            guard let next = inner.state.nextWakeUp else { return (nil, notices) }
            if let scheduled = inner.scheduledWake, scheduled <= next { return (nil, notices) }
            inner.scheduledWake = next
            return (next, notices)
        }
        for notice in notices { log(notice) }
        guard let wake else { return }
        let timeSource = timeSource
        Task { [weak self] in
            try? await timeSource.sleep(until: wake)
            self?.timerFired(scheduledFor: wake)
        }
    }

    private func timerFired(scheduledFor deadline: MonotonicTime) {
        let now = timeSource.now()
        let resumptions = inner.withLock { inner -> [Resumption] in
            if inner.scheduledWake == deadline { inner.scheduledWake = nil }
            return Self.apply(inner.state.advance(to: now), to: &inner)
        }
        finish(resumptions)
    }

    private func log(_ notice: RateLimitNotice) {
        switch notice {
        case .invalidRequestsWarning(let count, let threshold):
            logger.warning("many invalid REST requests (401, 403, 429): Cloudflare bans the IP at 10,000 in 10 minutes", metadata: [
                "count": "\(count)", "threshold": "\(threshold)",
            ])
        case .invalidRequestsRefusing(let count, let threshold):
            logger.error("refusing REST requests except interaction responses: too many invalid requests", metadata: [
                "count": "\(count)", "threshold": "\(threshold)",
            ])
        case .invalidRequestsRefusalEnded(let count):
            logger.notice("REST requests are sent again: the invalid-request count fell", metadata: ["count": "\(count)"])
        case .banned(let excerpt, let duration):
            logger.error("Discord answered 429 with a non-JSON body (Cloudflare ban); REST requests fail until a probe after the ban", metadata: [
                "probe_after_seconds": "\(duration.secondsDouble)", "body": "\(excerpt)",
            ])
        case .banProbe(let id):
            logger.notice("the Cloudflare ban's time has passed; sending one probe request", metadata: ["request": "\(id)"])
        case .banLifted:
            logger.notice("the Cloudflare ban is over; REST requests are sent again")
        }
    }
}
