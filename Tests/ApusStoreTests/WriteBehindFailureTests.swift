import ApusCore
import ApusStore
import Synchronization
import Testing

/// A sink that fails while told to and records what it committed otherwise.
final class FlakySink: WriteBehindSink, Sendable {
    struct Failure: Error {}

    private let state = Mutex<(failing: Bool, committed: [[WriteBehindChange<String, Int>]])>((true, []))

    var committedBatches: [[String: Int]] {
        state.withLock { state in
            state.committed.map { batch in Dictionary(uniqueKeysWithValues: batch.map { ($0.key, $0.value) }) }
        }
    }

    func setFailing(_ failing: Bool) {
        state.withLock { $0.failing = failing }
    }

    func commit(_ changes: [WriteBehindChange<String, Int>]) async throws {
        try state.withLock { state in
            if state.failing { throw Failure() }
            state.committed.append(changes)
        }
    }
}

@Suite("Write-behind buffer failures")
struct WriteBehindFailureTests {
    @Test("a failed commit reports the error, keeps the changes and retries them", .timeLimit(.minutes(1)))
    func failedCommitIsRetried() async throws {
        let sink = FlakySink()
        let buffer = WriteBehindBuffer(sink: sink, limits: .init(maxDelay: .seconds(3600)), clock: ManualTimeSource())
        try await buffer.submit(1, for: "a")
        try await buffer.submit(2, for: "b")
        await #expect(throws: FlakySink.Failure.self) { try await buffer.flush() }
        #expect(await buffer.durableThrough == 0, "nothing is acknowledged after a failed commit")
        #expect(await buffer.lastError != nil)
        #expect(await buffer.pendingValue(for: "a") == 1, "failed changes stay buffered")
        // A newer value submitted after the failure wins over the failed one.
        let last = try await buffer.submit(20, for: "b")
        sink.setFailing(false)
        try await buffer.flush()
        #expect(await buffer.durableThrough == last)
        #expect(sink.committedBatches == [["a": 1, "b": 20]])
        #expect(await buffer.lastError == nil)
        #expect(await buffer.close().isComplete)
    }

    @Test("flush() with nothing pending returns at once and commits nothing")
    func emptyFlush() async throws {
        let sink = FlakySink()
        sink.setFailing(false)
        let buffer = WriteBehindBuffer(sink: sink, clock: ManualTimeSource())
        try await buffer.flush()
        #expect(await buffer.close().isComplete)
        #expect(sink.committedBatches.isEmpty)
        #expect(await buffer.commitCount == 0)
    }
}
