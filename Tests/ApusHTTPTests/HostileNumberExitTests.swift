import ApusCore
import Testing

@testable import ApusHTTP

/// Sends one `GET /users/@me` to a loopback server that answers `status` with `headers` and `body`, and returns
/// normally whatever the client throws: only a crash of the process fails the exit tests below.
private func sendOnce(status: Int, headers: [(name: String, value: String)], body: String) async throws {
    let server = try await TestHTTPServer.start { _ in .json(status, body, headers: headers) }
    let client = DiscordREST(configuration: DiscordRESTConfiguration(
        token: "t", apiBaseURL: server.baseURL, requestTimeout: .seconds(5),
        retryPolicy: RetryPolicy(maximumAttempts: 1, maximumRateLimitRetries: 1)))
    do {
        _ = try await client.getCurrentUser()
    } catch {
        // A typed error is the correct outcome for a hostile answer; the process must live on.
    }
    try await client.shutdown()
    await server.shutdown()
}

private let userJSON = #"{"id":"7","username":"apus","discriminator":"0"}"#

/// Issue #9's three REST trap cases, each run in a child process: before the fix each ended the process with a
/// trap (SIGILL) inside a `Duration` conversion or an integer addition.
@Suite("Hostile rate-limit numbers do not kill the process", .timeLimit(.minutes(1)))
struct HostileNumberExitTests {
    @Test("X-RateLimit-Reset-After: 1e10 on a success response")
    func hugeResetAfter() async {
        await #expect(processExitsWith: .success) {
            try await sendOnce(status: 200, headers: [
                (name: "X-RateLimit-Limit", value: "5"), (name: "X-RateLimit-Remaining", value: "0"),
                (name: "X-RateLimit-Reset-After", value: "1e10"), (name: "X-RateLimit-Bucket", value: "b"),
            ], body: userJSON)
        }
    }

    @Test("a 429 whose JSON body says retry_after: 1e10")
    func hugeRetryAfterInBody() async {
        await #expect(processExitsWith: .success) {
            try await sendOnce(status: 429, headers: [(name: "X-RateLimit-Scope", value: "user")],
                               body: #"{"message":"You are being rate limited.","retry_after":1e10,"global":false}"#)
        }
    }

    @Test("X-RateLimit-Remaining: 9223372036854775807 without X-RateLimit-Limit")
    func maximalRemainingWithoutLimit() async {
        await #expect(processExitsWith: .success) {
            try await sendOnce(status: 200, headers: [
                (name: "X-RateLimit-Remaining", value: "9223372036854775807"),
                (name: "X-RateLimit-Reset-After", value: "1"), (name: "X-RateLimit-Bucket", value: "b"),
            ], body: userJSON)
        }
    }

    @Test("Duration.secondsDouble of a value beyond Int64 nanoseconds returns instead of trapping")
    func durationFromHugeSeconds() async {
        await #expect(processExitsWith: .success) {
            for value in [1e10, -1e10, 9.3e9, 1e300, -1e300] {
                _ = Duration.secondsDouble(value)
            }
        }
    }
}
