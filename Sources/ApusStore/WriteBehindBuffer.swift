import ApusCore

/// A write-behind buffer with group commit for hot keyed counters (XP and the like).
///
/// Callers ``submit(_:for:)`` the new value of a row by key; changes to the same key coalesce (the last value
/// wins). A flusher commits everything pending in **one transaction** through its ``WriteBehindSink`` when the
/// first pending change is ``Limits/maxDelay`` old (measured on the injected ``TimeSource``), when
/// ``Limits/maxRows`` keys are pending, or when ``flush()`` or ``close()`` asks. One commit runs at a time;
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
/// **Loss bound on a crash (`kill -9`).** Only uncommitted changes are lost: those submitted within the last
/// `maxDelay` plus the duration of at most two commits (the one running and the one that would carry them), and
/// at most `maxPending` pending keys plus the batch being committed (itself at most `maxPending` keys). With the
/// defaults (50 ms, 1,000 rows, 2,000 pending) and a SQLite commit of a few milliseconds that is roughly the last
/// 60 ms of changes and never more than 4,000 rows (while the database is failing commits, the retained
/// changes can grow by one more `maxPending`). An orderly shutdown (SIGTERM) calls ``close()``, which commits
/// everything first and loses nothing.
///
/// **Backpressure.** When `maxPending` keys are pending, ``submit(_:for:)`` of a new key waits until a batch is
/// taken for commit. A failed commit keeps its changes (newer submissions of the same key win), fails the
/// waiters of that batch with the error, and is retried after `maxDelay` or on the next ``flush()``.
public actor WriteBehindBuffer<Key: Hashable & Sendable, Value: Sendable> {
    /// When batches are committed and how much may be pending.
    public struct Limits: Sendable, Equatable {
        /// The longest a change waits before its batch is committed.
        public var maxDelay: Duration
        /// The number of pending keys that triggers a commit at once.
        public var maxRows: Int
        /// The most pending keys; a new key waits for room beyond this.
        public var maxPending: Int

        /// Creates limits; `maxRows` and `maxPending` are raised to at least 1 and `maxPending` to at least
        /// `maxRows`.
        public init(maxDelay: Duration = .milliseconds(50), maxRows: Int = 1_000, maxPending: Int? = nil) {
            self.maxDelay = maxDelay
            self.maxRows = max(1, maxRows)
            self.maxPending = max(self.maxRows, maxPending ?? 2 * self.maxRows)
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

    /// The highest sequence number whose change is committed (0 before the first commit).
    public private(set) var durableThrough: UInt64 = 0
    /// How many batches have been committed.
    public private(set) var commitCount = 0
    /// How many rows (distinct keys per batch) have been committed.
    public private(set) var committedRows = 0
    /// The error of the last failed commit, cleared by the next successful one.
    public private(set) var lastError: (any Error)?

    /// Creates a buffer committing through `sink`, timing `maxDelay` on `clock`.
    public init<Sink: WriteBehindSink>(
        sink: Sink, limits: Limits = Limits(), clock: any TimeSource = SystemTimeSource()
    ) where Sink.Key == Key, Sink.Value == Value {
        self.limits = limits
        self.clock = clock
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
            if pending[key] != nil || pending.count < limits.maxPending { break }
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

    /// Stops accepting changes, commits everything pending and stops the timer. Call it on SIGTERM. Rethrows a
    /// failed final commit (the changes are then lost with the process).
    public func close() async throws {
        guard !closed else { return }
        closed = true
        let waiting = capacityWaiters
        capacityWaiters = []
        for waiter in waiting { waiter.resume() }
        defer {
            timer?.cancel()
            timer = nil
        }
        try await flush()
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
        let deadline = first + limits.maxDelay
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
