import ApusCore
import ApusStore
import Synchronization
import Testing

/// A sink whose commits wait for the test, then fail while told to.
final class HeldFailingSink: WriteBehindSink, Sendable {
    struct Failure: Error {}

    private struct State {
        var held = true
        var failing = true
        var started = 0
        var holders: [CheckedContinuation<Void, Never>] = []
        var startWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var committed: [[String: Int]] = []
    }

    private let state = Mutex(State())

    var committed: [[String: Int]] { state.withLock { $0.committed } }

    func setFailing(_ failing: Bool) {
        state.withLock { $0.failing = failing }
    }

    /// Lets every held and later commit go on.
    func release() {
        let holders = state.withLock { state in
            state.held = false
            defer { state.holders = [] }
            return state.holders
        }
        for holder in holders { holder.resume() }
    }

    /// Holds the commits that start from now on (until ``release()``).
    func hold() {
        state.withLock { $0.held = true }
    }

    /// Suspends until `count` commits have started.
    func waitForCommit(_ count: Int = 1) async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let started = state.withLock { state -> Bool in
                if state.started >= count { return true }
                state.startWaiters.append((count, waiter))
                return false
            }
            if started { waiter.resume() }
        }
    }

    func commit(_ changes: [WriteBehindChange<String, Int>]) async throws {
        let waiters = state.withLock { state in
            state.started += 1
            let started = state.started
            defer { state.startWaiters.removeAll { $0.count <= started } }
            return state.startWaiters.filter { $0.count <= started }.map(\.continuation)
        }
        for waiter in waiters { waiter.resume() }
        await withCheckedContinuation { (holder: CheckedContinuation<Void, Never>) in
            let held = state.withLock { state -> Bool in
                if state.held { state.holders.append(holder) }
                return state.held
            }
            if !held { holder.resume() }
        }
        try state.withLock { state in
            if state.failing { throw Failure() }
            state.committed.append(Dictionary(uniqueKeysWithValues: changes.map { ($0.key, $0.value) }))
        }
    }
}

/// Runs `close(deadline:)` while moving the manual clock forward in small steps until it returns.
func closeAdvancing<Key: Hashable & Sendable, Value: Sendable>(
    _ buffer: WriteBehindBuffer<Key, Value>, clock: ManualTimeSource, deadline: Duration
) async -> WriteBehindBuffer<Key, Value>.CloseReport? {
    let result = Mutex<WriteBehindBuffer<Key, Value>.CloseReport?>(nil)
    let closing = Task {
        let report = await buffer.close(deadline: deadline)
        result.withLock { $0 = report }
    }
    while result.withLock({ $0 == nil }) {
        clock.advance(by: .milliseconds(10))
        await Task.yield()
    }
    await closing.value
    return result.withLock { $0 }
}

@Suite("Write-behind buffer close", .timeLimit(.minutes(1)))
struct WriteBehindCloseTests {
    @Test("close() returns when the commit in flight at shutdown fails, and names the keys it could not commit")
    func closeReturnsWhenTheCommitInFlightFails() async throws {
        let sink = HeldFailingSink()
        let clock = ManualTimeSource()
        let buffer = WriteBehindBuffer(sink: sink, limits: .init(maxDelay: .seconds(3600), maxRows: 1), clock: clock)
        try await buffer.submit(1, for: "a")  // one row: its commit starts at once
        await sink.waitForCommit()
        try await buffer.submit(2, for: "b")  // submitted while "a" is being committed
        let durable = Task { try await buffer.waitUntilDurable(2) }
        let report = Mutex<WriteBehindBuffer<String, Int>.CloseReport?>(nil)
        let closing = Task {
            let result = await buffer.close(deadline: .seconds(2))
            report.withLock { $0 = result }
        }
        // close() has begun once the buffer refuses submissions.
        while (try? await buffer.submit(2, for: "b")) != nil { await Task.yield() }
        sink.release()  // the commit in flight fails, and so does every retry
        while report.withLock({ $0 == nil }) {
            clock.advance(by: .milliseconds(10))
            await Task.yield()
        }
        await closing.value
        let result = try #require(report.withLock { $0 })
        #expect(Set(result.unflushedKeys) == ["a", "b"])
        #expect(!result.isComplete)
        #expect(result.commitAttempts >= 2, "the final flush was retried")
        #expect(result.description.hasPrefix("write-behind buffer: 2 rows not flushed (last error: "))
        await #expect(throws: (any Error).self, "a waiter for an unflushed change is failed, not left hanging") {
            try await durable.value
        }
    }

    @Test("close() retries a failing final commit with backoff and flushes everything once the database is back")
    func closeRetriesUntilTheDatabaseIsBack() async throws {
        let sink = FailingTimesSink(failures: 3)
        let clock = ManualTimeSource()
        let buffer = WriteBehindBuffer(sink: sink, limits: .init(maxDelay: .seconds(3600)), clock: clock)
        try await buffer.submit(1, for: "a")
        try await buffer.submit(2, for: "b")
        let report = try #require(await closeAdvancing(buffer, clock: clock, deadline: .seconds(30)))
        #expect(report.isComplete)
        #expect(report.unflushedKeys.isEmpty)
        #expect(report.commitAttempts == 4)
        #expect(sink.committed == [["a": 1, "b": 2]])
        #expect(report.description == "write-behind buffer: everything flushed")
    }

    @Test("close() returns at its deadline when a commit never returns, naming the keys of that commit")
    func closeReturnsWhenACommitHangs() async throws {
        let sink = HeldFailingSink()  // never released: the commit hangs
        let clock = ManualTimeSource()
        let buffer = WriteBehindBuffer(sink: sink, limits: .init(maxDelay: .seconds(3600), maxRows: 2), clock: clock)
        try await buffer.submit(1, for: "a")
        try await buffer.submit(2, for: "b")
        await sink.waitForCommit()
        try await buffer.submit(3, for: "c")
        let report = try #require(await closeAdvancing(buffer, clock: clock, deadline: .seconds(1)))
        #expect(Set(report.unflushedKeys) == ["a", "b", "c"])
        #expect(report.commitAttempts == 0, "no second commit starts while the first one hangs")
        sink.release()
    }

    @Test("while commits fail, new keys wait once the buffered and in-flight keys reach twice maxPending")
    func theLossBoundHoldsWhileCommitsFail() async throws {
        let sink = HeldFailingSink()
        let buffer = WriteBehindBuffer(
            sink: sink, limits: .init(maxDelay: .seconds(3600), maxRows: 2, maxPending: 2), clock: ManualTimeSource())
        try await buffer.submit(1, for: "a")
        try await buffer.submit(2, for: "b")  // two rows: the commit starts and is held
        await sink.waitForCommit()
        try await buffer.submit(3, for: "c")
        try await buffer.submit(4, for: "d")  // two pending: full
        let fifth = Task { try await buffer.submit(5, for: "e") }
        sink.release()  // the first commit fails: its rows go back to the pending set (four keys)
        await eventuallyAsync { await buffer.pendingCount == 4 }
        sink.hold()
        let flushing = Task { try await buffer.flush() }
        await sink.waitForCommit(2)  // all four keys are in flight, none pending
        for _ in 0..<20 { _ = await buffer.pendingCount; await Task.yield() }
        #expect(await buffer.pendingValue(for: "e") == nil, "the new key waits: four keys are not yet durable")
        sink.setFailing(false)
        sink.release()
        try await flushing.value
        _ = try await fifth.value
        try await buffer.flush()
        #expect(sink.committed.last == ["e": 5])
        #expect(await buffer.close().isComplete)
    }
}

/// Yields until `condition` holds; the test's time limit bounds it.
func eventuallyAsync(_ condition: () async -> Bool) async {
    while await !condition() { await Task.yield() }
}

/// A sink that fails its first `failures` commits, then commits.
final class FailingTimesSink: WriteBehindSink, Sendable {
    struct Failure: Error {}

    private let state: Mutex<(failuresLeft: Int, committed: [[String: Int]])>

    init(failures: Int) {
        state = Mutex((failures, []))
    }

    var committed: [[String: Int]] { state.withLock { $0.committed } }

    func commit(_ changes: [WriteBehindChange<String, Int>]) async throws {
        try state.withLock { state in
            if state.failuresLeft > 0 {
                state.failuresLeft -= 1
                throw Failure()
            }
            state.committed.append(Dictionary(uniqueKeysWithValues: changes.map { ($0.key, $0.value) }))
        }
    }
}
