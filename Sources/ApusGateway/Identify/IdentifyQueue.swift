import ApusCore
import ApusModel

/// Decides when a shard may IDENTIFY. Discord allows `max_concurrency` IDENTIFYs per 5 s, one per
/// `rate_limit_key = shard_id % max_concurrency`, and a daily `session_start_limit`.
///
/// The in-memory ``InMemoryIdentifyQueue`` serves one process; a multi-process deployment supplies a shared
/// implementation (a database or a proxy) behind this protocol.
public protocol IdentifyQueue: Sendable {
    /// Suspends until shard `shardID` may send IDENTIFY. Throws `CancellationError` if the task is cancelled.
    func waitForTurn(shardID: Int) async throws

    /// Called once before shards start, with the order they should identify in, so that rate-limit buckets start
    /// in order (0-15, then 16-31, …) even though the shards connect concurrently.
    func prepare(startOrder shardIDs: [Int]) async
}

extension IdentifyQueue {
    /// Does nothing: a queue that cannot reserve slots serves shards in the order they ask.
    public func prepare(startOrder shardIDs: [Int]) async {}
}

/// An identify queue for the shards of one process: each rate-limit key gets one IDENTIFY per window, callers
/// are served in the order they asked (so shards started in order identify in bucket order), and when the daily
/// budget runs out, IDENTIFYs wait for its reset.
public actor InMemoryIdentifyQueue: IdentifyQueue {
    private let maxConcurrency: Int
    private let window: Duration
    private let timeSource: any TimeSource
    private var nextSlot: [Int: MonotonicTime] = [:]
    private var startOrder: [Int: [Int]] = [:]
    private var orderWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var remaining: Int
    private let total: Int
    private var resetAt: MonotonicTime
    private let resetPeriod: Duration
    /// Every grant in order: (shard id, the time its slot opened). For tests and diagnostics.
    public private(set) var grants: [(shardID: Int, at: MonotonicTime)] = []

    /// IDENTIFYs left in the daily budget (a wait cancelled before its slot gives its IDENTIFY back).
    public var remainingSessionStarts: Int { remaining }

    /// Creates a queue: `maxConcurrency` rate-limit keys, one IDENTIFY per key per `window` (5 s on Discord), and
    /// `remaining` of `total` daily IDENTIFYs left until `resetAfter`.
    public init(
        maxConcurrency: Int, total: Int = 1_000, remaining: Int = 1_000, resetAfter: Duration = .seconds(86_400),
        window: Duration = .seconds(5), resetPeriod: Duration = .seconds(86_400), timeSource: any TimeSource
    ) {
        self.maxConcurrency = max(1, maxConcurrency)
        // A 5% margin: a slot that opens exactly one window after the last IDENTIFY left could still reach a
        // server whose window started when it received that IDENTIFY, a little later.
        self.window = window + .secondsDouble(window.secondsDouble * 0.05)
        self.timeSource = timeSource
        // The counts and the reset come from `GET /gateway/bot`: a day's total is at least one, a negative count is
        // none left, more left than the total is the total, and a reset beyond one period (or in the past) is one
        // period (or now), so hostile values can delay identifying by a day at most, never for ever.
        self.total = max(1, total)
        self.remaining = min(max(0, remaining), max(1, total))
        self.resetPeriod = resetPeriod
        self.resetAt = timeSource.now() + min(max(.zero, resetAfter), resetPeriod)
    }

    /// Creates a queue from `GET /gateway/bot`'s `session_start_limit`.
    public init(sessionStartLimit limit: SessionStartLimit, window: Duration = .seconds(5), timeSource: any TimeSource) {
        self.init(
            maxConcurrency: limit.maxConcurrency, total: limit.total, remaining: limit.remaining,
            resetAfter: .milliseconds(limit.resetAfter), window: window, timeSource: timeSource
        )
    }

    /// The rate-limit key of a shard.
    public nonisolated func rateLimitKey(shardID: Int) -> Int {
        shardID % maxConcurrency
    }

    /// Fixes the order in which the shards of each rate-limit key identify at start-up: a shard asking before
    /// the shards listed ahead of it (for its key) waits until they have identified.
    public func prepare(startOrder shardIDs: [Int]) async {
        for shardID in shardIDs {
            startOrder[rateLimitKey(shardID: shardID), default: []].append(shardID)
        }
    }

    public func waitForTurn(shardID: Int) async throws {
        let key = rateLimitKey(shardID: shardID)
        if let order = startOrder[key], let position = order.firstIndex(of: shardID), position > 0 {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                orderWaiters[shardID] = continuation
            }
        }
        let slot = assignSlot(shardID: shardID)
        grants.append((shardID, slot))
        defer {
            // The key's next slot counts from when this IDENTIFY actually went out, then the next shard in the
            // start order may take its turn.
            nextSlot[key] = max(nextSlot[key] ?? slot, timeSource.now() + window)
            if var order = startOrder[key], order.first == shardID {
                order.removeFirst()
                startOrder[key] = order.isEmpty ? nil : order
                if let next = order.first, let waiter = orderWaiters.removeValue(forKey: next) { waiter.resume() }
            }
        }
        do {
            try await timeSource.sleep(until: slot)
            // A slot already due returns without a suspension, so cancellation is checked here as well.
            try Task.checkCancellation()
        } catch {
            // The connection that asked is gone before its IDENTIFY went out: the daily budget was not spent.
            remaining = min(total, remaining + 1)
            throw error
        }
    }

    private func assignSlot(shardID: Int) -> MonotonicTime {
        let now = timeSource.now()
        let key = rateLimitKey(shardID: shardID)
        var slot = max(now, nextSlot[key] ?? now)
        if remaining <= 0 {
            slot = max(slot, resetAt)
            remaining = total
            resetAt = resetAt + resetPeriod
        }
        remaining -= 1
        nextSlot[key] = slot + window
        return slot
    }
}
