import ApusCore
import Logging

/// A write-behind buffer with group commit for hot keyed counters (XP and the like).
///
/// Callers ``submit(_:for:)`` the new value of a row by key; changes to the same key coalesce (the last value
/// wins). A flusher commits everything pending in **one transaction** through its ``WriteBehindSink`` when the
/// first pending change is ``Limits/maxDelay`` old (measured on the injected ``TimeSource``), when
/// ``Limits/maxRows`` keys are pending, or when ``flush()`` or ``close(deadline:retryDelay:)`` asks. One commit runs at a time;
/// changes submitted during a commit go into the next batch.
///
/// **Acknowledgement.** Every submission gets a sequence number. ``durableThrough`` is the highest sequence
/// number whose change (or a later change of the same key) has been committed; it moves only after the sink's
/// commit returned. ``waitUntilDurable(_:)`` waits for a given number. Nothing is reported durable before the
/// commit returns.
///
/// **Reads.** ``pendingValue(for:)`` returns the buffered value of a key (pending or being committed), so the XP
/// logic reads its own unflushed writes; `nil` means the database holds the latest value.
///
/// **Loss bound on a crash (`kill -9`).** Only uncommitted changes are lost, and never more than `2 × maxPending`
/// keys (one row each, holding its latest value): at most `maxPending` keys pending, and the pending keys and the
/// batch being committed together at most `2 × maxPending` (a new key waits for room; a failed batch goes back into
/// the pending set), so the bound holds while the database is failing commits too. In time, while commits succeed:
/// the changes submitted within the last `maxDelay` plus the duration of at most two commits. With the defaults
/// (50 ms, 1,000 rows, 2,000 pending) and a SQLite commit of a few milliseconds that is roughly the last 60 ms of
/// changes and never more than 4,000 rows. While the database is failing (locked, unreachable), nothing new becomes
/// durable: a crash then loses every change since the last successful commit, still at most 4,000 rows, and
/// submitters of new keys wait once the bound is reached, while changes to keys already buffered keep being
/// accepted. Failed commits are retried after `maxDelay`, doubling per consecutive failure up to 5 s (or `maxDelay`
/// if longer).
///
/// **Shutdown.** An orderly shutdown (SIGTERM) calls ``close(deadline:)``: it commits everything, retrying a
/// failed commit with backoff until its deadline, and always returns, with a ``CloseReport`` that names the keys it
/// could not commit (none when the database works; at most `2 × maxPending` when it does not).
///
/// **Backpressure.** When `maxPending` keys are pending, or `2 × maxPending` are pending or being committed,
/// ``submit(_:for:)`` of a new key waits until a batch is taken for commit or a commit succeeds (or the buffer
/// closes). A failed commit keeps its changes (newer submissions of the same key win), fails the
/// waiters of that batch with the error, and is retried after `maxDelay` or on the next ``flush()``.
///
/// **Visibility.** A failed commit is counted (``failedCommitCount``) and logged as a warning at most once a
/// minute (with the number of failures held back); the first success after failures is logged as a notice.
public actor WriteBehindBuffer<Key: Hashable & Sendable, Value: Sendable> {
    /// When batches are committed and how much may be pending.
    public struct Limits: Sendable, Equatable {
        /// The longest a change waits before its batch is committed.
        public var maxDelay: Duration
        /// The number of pending keys that triggers a commit at once.
        public var maxRows: Int
        /// The most pending keys; a new key waits for room beyond this.
        public var maxPending: Int

        /// Creates limits; `maxRows` and `maxPending` are clamped to `1...Int.max / 8` and `maxPending` raised to
        /// at least `maxRows` (so that twice the bound never overflows).
        public init(maxDelay: Duration = .milliseconds(50), maxRows: Int = 1_000, maxPending: Int? = nil) {
            self.maxDelay = maxDelay
            self.maxRows = min(max(1, maxRows), Int.max / 8)
            self.maxPending = min(max(self.maxRows, maxPending ?? 2 * self.maxRows), Int.max / 8)
        }
    }

    private struct Entry {
        var value: Value
        var sequence: UInt64
    }

    private struct DurableWaiter {
        var sequence: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    /// The buffer's limits.
    public nonisolated let limits: Limits
    private let commitBatch: @Sendable ([WriteBehindChange<Key, Value>]) async throws -> Void
    private let clock: any TimeSource

    private var pending: [Key: Entry] = [:]
    private var inFlight: [Key: Value] = [:]
    private var lastAssigned: UInt64 = 0
    private var demandedThrough: UInt64 = 0
    private var firstPendingAt: MonotonicTime?
    private var timer: Task<Void, Never>?
    private var timerGeneration: UInt64 = 0
    private var flushing = false
    private var closed = false
    private var capacityWaiters: [CheckedContinuation<Void, Never>] = []
    private var durableWaiters: [DurableWaiter] = []
    private var idleWaiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
    private var nextIdleWaiter: UInt64 = 0
    private var failedCommits = 0
    private var consecutiveFailures = 0
    private var failureWarnings = LogThrottle(interval: .seconds(60))
    private let logger: Logger

    /// The highest sequence number whose change is committed (0 before the first commit).
    public private(set) var durableThrough: UInt64 = 0
    /// How many batches have been committed.
    public private(set) var commitCount = 0
    /// How many rows (distinct keys per batch) have been committed.
    public private(set) var committedRows = 0
    /// The error of the last failed commit, cleared by the next successful one.
    public private(set) var lastError: (any Error)?
    /// How many commits have failed (each is retried).
    public var failedCommitCount: Int { failedCommits }

    /// Creates a buffer committing through `sink`, timing `maxDelay` on `clock`, logging failed commits to `logger`.
    public init<Sink: WriteBehindSink>(
        sink: Sink, limits: Limits = Limits(), clock: any TimeSource = SystemTimeSource(),
        logger: Logger = Logger(label: "apus.store.write-behind")
    ) where Sink.Key == Key, Sink.Value == Value {
        self.limits = limits
        self.clock = clock
        self.logger = logger
        self.commitBatch = { changes in try await sink.commit(changes) }
    }

    /// The number of keys waiting for a commit (not counting the batch being committed).
    public var pendingCount: Int { pending.count }

    /// The highest sequence number handed out so far.
    public var lastSequence: UInt64 { lastAssigned }

    /// Buffers `value` as the new value of `key` and returns the change's sequence number. Waits while the buffer
    /// is full. Throws a ``StoreError`` of kind `closed` after ``close()``.
    @discardableResult
    public func submit(_ value: Value, for key: Key) async throws(StoreError) -> UInt64 {
        while true {
            guard !closed else { throw StoreError(.closed, "the write-behind buffer is closed") }
            if pending[key] != nil || inFlight[key] != nil { break }
            if pending.count < limits.maxPending && pending.count + inFlight.count < 2 * limits.maxPending { break }
            demand(lastAssigned)
            await withCheckedContinuation { capacityWaiters.append($0) }
        }
        lastAssigned += 1
        pending[key] = Entry(value: value, sequence: lastAssigned)
        if firstPendingAt == nil {
            firstPendingAt = clock.now()
            armTimer()
        }
        if pending.count >= limits.maxRows {
            demand(lastAssigned)
        }
        return lastAssigned
    }

    /// The buffered value of `key` (pending or being committed), or `nil` when the database has the latest.
    public func pendingValue(for key: Key) -> Value? {
        pending[key]?.value ?? inFlight[key]
    }

    /// Commits everything submitted before this call and returns after that commit. Rethrows a failed commit.
    public func flush() async throws {
        let target = lastAssigned
        guard target > durableThrough else { return }
        demand(target)
        try await waitUntilDurable(target)
    }

    /// Waits until the change with sequence number `sequence` is committed (without asking for an early commit).
    /// Throws the commit's error if the batch carrying it failed.
    public func waitUntilDurable(_ sequence: UInt64) async throws {
        guard sequence > durableThrough else { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            durableWaiters.append(DurableWaiter(sequence: sequence, continuation: continuation))
        }
    }

    /// Stops accepting changes and commits everything pending, retrying failed commits with backoff (from
    /// `retryDelay`, doubling, at most 2 s apart) until `deadline` (measured on the buffer's clock) has passed. Always
    /// returns: the report names every key whose latest change is not known to be committed (empty when everything
    /// was), including the batch of a commit still running at the deadline. Changes not committed are lost when the
    /// process exits; waiters of ``waitUntilDurable(_:)`` for them are failed with a ``StoreError`` of kind
    /// `closed`. Call it on SIGTERM. A second call commits nothing more and reports what is still not committed.
    @discardableResult
    public func close(deadline: Duration = .seconds(10), retryDelay: Duration = .milliseconds(50)) async -> CloseReport {
        guard !closed else { return report(commitAttempts: 0) }
        closed = true
        let waiting = capacityWaiters
        capacityWaiters = []
        for waiter in waiting { waiter.resume() }
        cancelTimer()
        let end = clock.now() + max(.zero, deadline)
        var delay = max(.milliseconds(1), retryDelay)
        var attempts = 0
        while true {
            let progress = (commitCount, failedCommits)
            if flushing {
                guard await waitForFlusher(until: end) else { break }
                // A flusher that ended without committing or failing had nothing to do: stop rather than spin.
                if progress == (commitCount, failedCommits) && !pending.isEmpty { break }
                continue
            }
            if pending.isEmpty || clock.now() >= end { break }
            if attempts > 0 || lastError != nil {
                let wake = min(clock.now() + delay, end)
                do { try await clock.sleep(until: wake) } catch { break }
                delay = min(delay * 2, .seconds(2))
                if clock.now() >= end { break }
                if flushing || pending.isEmpty { continue }
            }
            attempts += 1
            demand(lastAssigned)
        }
        let result = report(commitAttempts: attempts)
        if !result.isComplete {
            let waiters = durableWaiters
            durableWaiters = []
            let error = StoreError(.closed, "the write-behind buffer closed before this change was committed")
            for waiter in waiters { waiter.continuation.resume(throwing: error) }
        }
        return result
    }

    /// What ``close(deadline:retryDelay:)`` could not commit.
    public struct CloseReport: Sendable, CustomStringConvertible {
        /// The keys whose latest change is not known to be committed (their changes are lost with the process).
        public var unflushedKeys: [Key]
        /// The description of the last failed commit, if the last commit failed.
        public var lastError: String?
        /// How many commits the close started (retries included).
        public var commitAttempts: Int

        /// Whether everything was committed.
        public var isComplete: Bool { unflushedKeys.isEmpty }

        /// One line for the shutdown log, for example `write-behind buffer: 12 rows not flushed (last error: …)`.
        public var description: String {
            if isComplete { return "write-behind buffer: everything flushed" }
            let rows = unflushedKeys.count == 1 ? "1 row" : "\(unflushedKeys.count) rows"
            return "write-behind buffer: \(rows) not flushed" + (lastError.map { " (last error: \($0))" } ?? "")
        }
    }

    private func report(commitAttempts: Int) -> CloseReport {
        var keys = Array(pending.keys)
        keys += inFlight.keys.filter { pending[$0] == nil }
        return CloseReport(
            unflushedKeys: keys, lastError: keys.isEmpty ? nil : lastError.map { String(describing: $0) },
            commitAttempts: commitAttempts)
    }

    /// Waits until no commit is running (true) or `end` has passed on the clock (false).
    private func waitForFlusher(until end: MonotonicTime) async -> Bool {
        guard flushing else { return true }
        nextIdleWaiter += 1
        let id = nextIdleWaiter
        let clock = self.clock
        let expiry = Task {
            do { try await clock.sleep(until: end) } catch { return }
            self.expireIdleWaiter(id)
        }
        let idle = await withCheckedContinuation { (waiter: CheckedContinuation<Bool, Never>) in
            idleWaiters[id] = waiter
        }
        expiry.cancel()
        return idle
    }

    private func expireIdleWaiter(_ id: UInt64) {
        idleWaiters.removeValue(forKey: id)?.resume(returning: false)
    }

    // MARK: - Flusher

    private func demand(_ sequence: UInt64) {
        demandedThrough = max(demandedThrough, sequence)
        guard !flushing else { return }
        flushing = true
        Task { await self.drain() }
    }

    private func drain() async {
        while demandedThrough > durableThrough, !pending.isEmpty {
            let batch = pending
            let high = lastAssigned
            pending = [:]
            firstPendingAt = nil
            cancelTimer()
            inFlight = batch.mapValues(\.value)
            let waiting = capacityWaiters
            capacityWaiters = []
            for waiter in waiting { waiter.resume() }

            let changes = batch.sorted { $0.value.sequence < $1.value.sequence }
                .map { WriteBehindChange(key: $0.key, value: $0.value.value) }
            do {
                try await commitBatch(changes)
                inFlight = [:]
                if consecutiveFailures > 0 {
                    logger.notice("buffered writes commit again", metadata: [
                        "failed_commits": "\(consecutiveFailures)", "rows": "\(changes.count)"])
                }
                consecutiveFailures = 0
                let roomWaiters = capacityWaiters
                capacityWaiters = []
                for waiter in roomWaiters { waiter.resume() }
                durableThrough = high
                commitCount += 1
                committedRows += changes.count
                lastError = nil
                resumeDurableWaiters(through: high, error: nil)
            } catch {
                inFlight = [:]
                for (key, entry) in batch where pending[key] == nil {
                    pending[key] = entry
                }
                lastError = error
                failedCommits += 1
                consecutiveFailures += 1
                if let suppressed = failureWarnings.admit(at: clock.now()) {
                    logger.warning("cannot commit buffered writes; keeping them and retrying", metadata: [
                        "error": "\(error)", "pending_rows": "\(pending.count)", "held_back": "\(suppressed)"])
                }
                demandedThrough = durableThrough
                resumeDurableWaiters(through: high, error: error)
                if !pending.isEmpty && !closed {
                    firstPendingAt = clock.now()
                    armTimer()
                }
                break
            }
        }
        flushing = false
        // Work demanded while the last commit ran (for example a flush() racing the loop's exit).
        if demandedThrough > durableThrough, !pending.isEmpty {
            demand(demandedThrough)
        }
        if !flushing {
            let waiters = idleWaiters.values
            idleWaiters = [:]
            for waiter in waiters { waiter.resume(returning: true) }
        }
    }

    private func resumeDurableWaiters(through sequence: UInt64, error: (any Error)?) {
        var remaining: [DurableWaiter] = []
        var due: [DurableWaiter] = []
        for waiter in durableWaiters {
            if waiter.sequence <= sequence { due.append(waiter) } else { remaining.append(waiter) }
        }
        durableWaiters = remaining
        for waiter in due {
            if let error { waiter.continuation.resume(throwing: error) } else { waiter.continuation.resume() }
        }
    }

    // MARK: - Timer

    private func armTimer() {
        guard timer == nil, let first = firstPendingAt else { return }
        timerGeneration += 1
        let generation = timerGeneration
        let deadline = first + retryDelay()
        let clock = self.clock
        timer = Task {
            do {
                try await clock.sleep(until: deadline)
            } catch {
                return
            }
            await self.timerFired(generation: generation)
        }
    }

    /// `maxDelay`, or after consecutive failed commits `maxDelay · 2^failures` (at least 1 ms doubling) capped at
    /// 5 s, or `maxDelay` when that is longer.
    private func retryDelay() -> Duration {
        guard consecutiveFailures > 0, limits.maxDelay < .seconds(5) else { return limits.maxDelay }
        // Below 5 s, so at most 5 s · 2^16: no overflow.
        let base = max(limits.maxDelay, .milliseconds(1))
        return min(base * (1 << min(consecutiveFailures, 16)), .seconds(5))
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
        timerGeneration += 1
    }

    private func timerFired(generation: UInt64) {
        guard generation == timerGeneration else { return }
        timer = nil
        demand(lastAssigned)
    }
}
