import ApusCore
import Testing

@testable import ApusHTTP

@Suite("RateLimiter async driver", .timeLimit(.minutes(1)))
struct RateLimiterDriverTests {
    @Test("a waiter is released when the manual clock reaches the bucket reset")
    func waiterReleasedOnReset() async throws {
        let clock = ManualTimeSource()
        let limiter = RateLimiter(timeSource: clock)
        let route = RateLimitRoute(method: "POST", path: "/channels/1/messages")
        let first = try await limiter.acquire(route)
        _ = limiter.complete(first, response: RateLimitResponse(
            status: 200, headers: RateLimitHeaders(limit: 1, remaining: 0, resetAfter: 5, bucket: "b")))
        let waiter = Task { try await limiter.acquire(route) }
        // Wait until the waiter is queued and the limiter's timer sleeps on the clock.
        while clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(by: .seconds(4))
        #expect(limiter.statistics.requestsSent == 1)
        clock.advance(by: .seconds(1))
        let second = try await waiter.value
        #expect(second != first)
        #expect(limiter.statistics.requestsSent == 2)
        #expect(limiter.statistics.timeSpentWaiting == .seconds(5))
    }

    @Test("cancelling a waiting request frees its place and throws CancellationError")
    func cancellation() async throws {
        let clock = ManualTimeSource()
        let limiter = RateLimiter(timeSource: clock)
        let route = RateLimitRoute(method: "GET", path: "/channels/1")
        let first = try await limiter.acquire(route)
        let waiter = Task { try await limiter.acquire(route) }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
        limiter.abandon(first)
        let third = try await limiter.acquire(route)
        #expect(third.rawValue == 3)
    }
}
