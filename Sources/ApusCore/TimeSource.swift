/// Where Apus's drivers read the time and wait for it.
///
/// Production code uses ``SystemTimeSource``; tests use ``ManualTimeSource`` (time moves only when the test
/// says so) or ``SystemTimeSource`` with short protocol intervals.
public protocol TimeSource: Sendable {
    /// The current time.
    func now() -> MonotonicTime
    /// Suspends until `deadline` has passed. Throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: MonotonicTime) async throws
}

extension TimeSource {
    /// Suspends for `duration`. Throws `CancellationError` when the task is cancelled.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now() + duration)
    }
}

/// The real monotonic clock (`ContinuousClock`).
public struct SystemTimeSource: TimeSource {
    private let origin: ContinuousClock.Instant

    /// Creates a time source whose origin is the moment of creation.
    public init() {
        origin = ContinuousClock.now
    }

    public func now() -> MonotonicTime {
        MonotonicTime(nanoseconds: (ContinuousClock.now - origin).nanosecondsClamped)
    }

    public func sleep(until deadline: MonotonicTime) async throws {
        let remaining = deadline - now()
        if remaining > .zero {
            try await Task.sleep(for: remaining)
        } else {
            try Task.checkCancellation()
        }
    }
}
