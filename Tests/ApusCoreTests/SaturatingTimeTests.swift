import ApusCore
import Synchronization
import Testing

/// Tests of ApusCore's saturating time arithmetic.
@Suite("Saturating time conversions")
struct SaturatingTimeTests {
    @Test(
        "Int64(saturating:) rounds in range and stops at the limits outside it",
        arguments: [
            (0.0, Int64(0)), (1.4, 1), (-1.5, -2), (2.5, 3), (.nan, 0), (.infinity, .max), (-.infinity, .min),
            (9.223372036854775807e18, .max), (-9.223372036854775808e18, .min), (1e300, .max), (-1e300, .min),
            (9.2233720368547748e18, 9_223_372_036_854_774_784),
        ] as [(Double, Int64)]
    )
    func int64Saturating(value: Double, expected: Int64) {
        #expect(Int64(saturating: value) == expected)
    }

    @Test(
        "Duration.secondsDouble saturates at Int64 nanoseconds, NaN is zero",
        arguments: [
            (1e10, Duration.maximumRepresentable), (-1e10, Duration.minimumRepresentable),
            (.infinity, .maximumRepresentable), (-.infinity, .minimumRepresentable), (.nan, .zero),
            (1.5, .milliseconds(1500)), (-0.25, .milliseconds(-250)), (9.2e9, .seconds(9_200_000_000)),
        ] as [(Double, Duration)]
    )
    func secondsDoubleSaturates(seconds: Double, expected: Duration) {
        #expect(Duration.secondsDouble(seconds) == expected)
    }

    @Test("property: for 100,000 random doubles of every magnitude, secondsDouble is monotone and within Int64 nanoseconds")
    func secondsDoubleProperty() {
        var random = SeededRandom(seed: 9)
        var previous: (Double, Duration)?
        for _ in 0..<100_000 {
            // Random bit patterns cover NaN, infinities, subnormals and every exponent.
            let value = Double(bitPattern: random.next())
            let duration = Duration.secondsDouble(value)
            #expect(duration >= .minimumRepresentable && duration <= .maximumRepresentable)
            if value.isNaN {
                #expect(duration == .zero)
            } else if let (lastValue, lastDuration) = previous {
                #expect((value <= lastValue) == (duration <= lastDuration) || duration == lastDuration)
            }
            if !value.isNaN { previous = (value, duration) }
        }
    }

    @Test("MonotonicTime plus an absurd duration is the distant future, never a time in the past")
    func monotonicTimeSaturates() {
        let now = MonotonicTime(nanoseconds: 5_000_000_000)
        #expect(now + .secondsDouble(1e10) == .distantFuture)
        #expect(now + .seconds(Int64.max) == .distantFuture)
        #expect(MonotonicTime(nanoseconds: -5_000_000_000) - .seconds(Int64.max) == .distantPast)
        #expect(MonotonicTime.distantFuture + .nanoseconds(1) == .distantFuture)
        #expect(MonotonicTime.distantFuture - MonotonicTime.distantPast == .maximumRepresentable)
        #expect(MonotonicTime.distantPast - MonotonicTime.distantFuture == .minimumRepresentable)
        #expect(now + .seconds(1) > now)
    }

    @Test("WallTime arithmetic saturates instead of wrapping")
    func wallTimeSaturates() {
        #expect((WallTime(millisecondsSinceEpoch: .max - 10) + .seconds(1)).millisecondsSinceEpoch == .max)
        #expect((WallTime(millisecondsSinceEpoch: .min + 10) - .seconds(1)).millisecondsSinceEpoch == .min)
        let far = WallTime(millisecondsSinceEpoch: .max) - WallTime(millisecondsSinceEpoch: .min)
        #expect(far == .milliseconds(Int64.max))
    }

    @Test("a log throttle admits one line per interval and reports how many it held back")
    func logThrottle() {
        var throttle = LogThrottle(interval: .seconds(60))
        var admitted: [Int] = []
        for second in [0, 1, 2, 59, 60, 61, 200] {
            if let held = throttle.admit(at: .zero + .seconds(second)) { admitted.append(held) }
        }
        #expect(admitted == [0, 3, 1])
    }

    @Test("sleeping until the distant future neither returns early nor traps, and cancellation ends it", .timeLimit(.minutes(1)))
    func sleepUntilDistantFuture() async throws {
        let finished = Mutex(false)
        let sleeper = Task {
            defer { finished.withLock { $0 = true } }
            try await SystemTimeSource().sleep(until: .distantFuture)
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(!finished.withLock { $0 })
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }
}
