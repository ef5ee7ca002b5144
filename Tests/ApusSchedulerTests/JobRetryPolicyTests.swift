import ApusCore
import ApusScheduler
import Testing

@Suite struct JobRetryPolicyTests {
    @Test func delaysDoubleFromTheBaseUpToTheCapWithoutJitter() {
        let policy = JobRetryPolicy(baseDelay: .seconds(2), maxDelay: .seconds(20), jitterFraction: 0)
        var random = SeededRandom(seed: 1)
        let delays = (1...6).map { policy.delay(afterAttempt: $0, using: &random) }
        #expect(delays == [.seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(20), .seconds(20)])
    }

    @Test func jitterStaysWithinItsFractionAndFollowsTheSeed() {
        let policy = JobRetryPolicy(
            baseDelay: .seconds(10), maxDelay: .seconds(3600), jitterFraction: 0.1
        )
        var first = SeededRandom(seed: 42)
        var second = SeededRandom(seed: 42)
        var sawJitter = false
        for attempt in 1...8 {
            let delay = policy.delay(afterAttempt: attempt, using: &first)
            let base = min(Duration.seconds(10) * (1 << (attempt - 1)), .seconds(3600))
            #expect(delay >= base)
            #expect(delay < base + base / 10 + .milliseconds(1))
            if delay > base { sawJitter = true }
            #expect(policy.delay(afterAttempt: attempt, using: &second) == delay)
        }
        #expect(sawJitter)
    }

    @Test func hugeAttemptNumbersDoNotOverflow() {
        let policy = JobRetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(60), jitterFraction: 0)
        var random = SeededRandom(seed: 0)
        #expect(policy.delay(afterAttempt: 10_000, using: &random) == .seconds(60))
        #expect(policy.delay(afterAttempt: .max, using: &random) == .seconds(60))
        #expect(policy.delay(afterAttempt: 0, using: &random) == .seconds(1))
        #expect(policy.delay(afterAttempt: -5, using: &random) == .seconds(1))
    }

    @Test func outOfRangeSettingsAreClamped() {
        let policy = JobRetryPolicy(
            baseDelay: .seconds(-5), maxDelay: .seconds(-10), jitterFraction: .nan, unknownKindDelay: .seconds(-1)
        )
        #expect(policy.baseDelay == .milliseconds(1))
        #expect(policy.maxDelay == .milliseconds(1))
        #expect(policy.jitterFraction == 0)
        #expect(policy.unknownKindDelay == .seconds(1))
        #expect(JobRetryPolicy(jitterFraction: 7).jitterFraction == 1)
    }
}
