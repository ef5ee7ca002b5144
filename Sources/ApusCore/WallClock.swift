#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where Apus reads calendar time and waits for it: the persistent scheduler, stored cooldowns, timestamps.
///
/// Production code uses ``SystemWallClock``; tests use ``ManualWallClock``, whose time moves only when the test
/// says so, so that "fire at 12:00 tomorrow" runs in microseconds.
public protocol WallClock: Sendable {
    /// The current wall time.
    func now() -> WallTime
    /// Suspends until the wall time `deadline` has passed. Throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: WallTime) async throws
}

extension WallClock {
    /// Suspends for `duration`. Throws `CancellationError` when the task is cancelled.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now() + duration)
    }
}

/// The operating system's real-time clock (`CLOCK_REALTIME`).
///
/// Waiting is done on the monotonic clock for the remaining span, re-checked against the real-time clock when
/// it ends, so a wall-clock step backwards delays a deadline rather than firing it early.
public struct SystemWallClock: WallClock {
    /// Creates the system wall clock.
    public init() {}

    public func now() -> WallTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return WallTime(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    public func sleep(until deadline: WallTime) async throws {
        while true {
            let remaining = deadline - now()
            if remaining <= .zero {
                try Task.checkCancellation()
                return
            }
            try await Task.sleep(for: remaining)
        }
    }
}
