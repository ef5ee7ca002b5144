import ApusCore
import Synchronization
import Testing
@testable import ApusGateway

@Suite("Identify queue")
struct IdentifyQueueTests {
    /// Lets every sleeper registered so far run to completion on the manual clock.
    static func settle() async {
        for _ in 0..<20 { await Task.yield() }
    }

    @Test("one IDENTIFY per rate-limit key per window, granted in request order")
    func perKeyWindows() async throws {
        let clock = ManualTimeSource()
        let queue = InMemoryIdentifyQueue(maxConcurrency: 2, window: .seconds(5), timeSource: clock)
        // Shards 0-5 start in order; keys are 0,1,0,1,0,1.
        await queue.prepare(startOrder: Array(0..<6))
        for shardID in 0..<6 { try await queue.waitForTurnAsync(shardID: shardID, clock: clock) }
        let grants = await queue.grants
        #expect(grants.map(\.shardID) == [0, 1, 2, 3, 4, 5])
        // Each key's next slot opens one window (plus a 5% margin) after its last.
        #expect(grants.map(\.at.nanoseconds) == [0, 0, 5.25, 5.25, 10.5, 10.5].map { Int64($0 * 1e9) })
        for window in 0..<3 {
            let inWindow = grants.filter { $0.at == MonotonicTime.zero + .secondsDouble(5.25 * Double(window)) }
            #expect(inWindow.count <= 2)
            #expect(Set(inWindow.map { $0.shardID % 2 }).count == inWindow.count, "one per key")
        }
    }

    @Test("a shard that asks before the shards ahead of it in the start order waits for them")
    func startOrder() async throws {
        let clock = ManualTimeSource()
        let queue = InMemoryIdentifyQueue(maxConcurrency: 1, window: .seconds(5), timeSource: clock)
        await queue.prepare(startOrder: [0, 1, 2])
        let lateDone = Atomic<Bool>(false)
        let late = Task {
            defer { lateDone.store(true, ordering: .sequentiallyConsistent) }
            try await queue.waitForTurn(shardID: 2)
        }
        await IdentifyQueueTests.settle()
        #expect(await queue.grants.isEmpty, "shard 2 must wait for shards 0 and 1")
        try await queue.waitForTurnAsync(shardID: 0, clock: clock)
        try await queue.waitForTurnAsync(shardID: 1, clock: clock)
        while !lateDone.load(ordering: .sequentiallyConsistent) {
            await IdentifyQueueTests.settle()
            clock.advance(by: .milliseconds(250))
        }
        try await late.value
        #expect(await queue.grants.map(\.shardID) == [0, 1, 2])
    }

    @Test("when the daily budget is used up, IDENTIFY waits for its reset")
    func dailyBudget() async throws {
        let clock = ManualTimeSource()
        let queue = InMemoryIdentifyQueue(
            maxConcurrency: 1, total: 1000, remaining: 1, resetAfter: .seconds(3_600), window: .seconds(5), timeSource: clock
        )
        try await queue.waitForTurnAsync(shardID: 0, clock: clock)
        try await queue.waitForTurnAsync(shardID: 0, clock: clock)
        let grants = await queue.grants
        #expect(grants.map(\.at) == [MonotonicTime.zero, MonotonicTime.zero + .seconds(3_600)])
    }

    @Test("a hostile session_start_limit is clamped: a total of at least 1, counts to 0...total, the reset to at most a day",
          arguments: [
            (remaining: -5, total: 1000, resetAfter: Int64.max, left: 0), (remaining: 0, total: 0, resetAfter: Int64.max, left: 0),
            (remaining: 5_000, total: -3, resetAfter: -1, left: 1),
          ])
    func hostileSessionStartLimit(remaining: Int, total: Int, resetAfter: Int64, left: Int) async throws {
        let clock = ManualTimeSource()
        let queue = InMemoryIdentifyQueue(
            maxConcurrency: 1, total: total, remaining: remaining, resetAfter: .milliseconds(resetAfter),
            window: .seconds(5), timeSource: clock)
        #expect(await queue.remainingSessionStarts == left)
        let task = Task { try await queue.waitForTurn(shardID: 0) }
        // The slot is assigned (and recorded) before the wait for it starts.
        for _ in 0..<1_000 where await queue.grants.isEmpty { await IdentifyQueueTests.settle() }
        let granted = try #require(await queue.grants.first, "no IDENTIFY slot was assigned").at
        #expect(granted <= MonotonicTime.zero + .seconds(86_400), "identifies within a day, not never")
        clock.advance(by: .seconds(86_400))
        try await task.value
    }
}

extension InMemoryIdentifyQueue {
    /// Waits for a turn while advancing the manual clock until the grant fires.
    func waitForTurnAsync(shardID: Int, clock: ManualTimeSource) async throws {
        let done = Atomic<Bool>(false)
        let task = Task {
            defer { done.store(true, ordering: .sequentiallyConsistent) }
            try await self.waitForTurn(shardID: shardID)
        }
        while !done.load(ordering: .sequentiallyConsistent) {
            await IdentifyQueueTests.settle()
            if clock.sleeperCount > 0 { clock.advance(by: .milliseconds(250)) }
        }
        try await task.value
    }
}
