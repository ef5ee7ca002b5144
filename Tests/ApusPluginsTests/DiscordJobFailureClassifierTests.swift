import Apus
import ApusHTTP
import ApusScheduler
import Testing

/// What a Discord REST failure means for a scheduled job.
@Suite struct DiscordJobFailureClassifierTests {
    static func http(_ status: Int) -> DiscordHTTPError {
        .http(status: status, route: "PUT /guilds/{guild.id}/bans/{user.id}", body: nil, rawBody: [])
    }

    static let table: [(DiscordHTTPError, JobFailureKind)] = [
        (http(401), .unauthorized),
        (http(400), .job), (http(403), .job), (http(404), .job), (http(405), .job),
        (http(408), .transient), (http(429), .transient),
        (http(500), .transient), (http(502), .transient), (http(503), .transient), (http(504), .transient),
        (.timeout(route: "GET /x"), .transient),
        (.connection(route: "GET /x", description: "connection refused"), .transient),
        (.rateLimitRetriesExhausted(route: "GET /x", scope: .user, retryAfter: .seconds(9)), .transient),
        (.cloudflareBanned(excerpt: "1015"), .transient),
        (.invalidResponse(route: "GET /x", reason: "not JSON"), .transient),
        (.invalidRequest(reason: "path must start with '/'"), .job),
    ]

    @Test(arguments: table)
    func discordErrorsAreClassified(_ error: DiscordHTTPError, _ kind: JobFailureKind) {
        #expect(DiscordJobFailureClassifier().classify(error) == kind)
    }

    struct DatabaseAway: Error {}

    @Test func anyOtherErrorIsTransient() {
        #expect(DiscordJobFailureClassifier().classify(DatabaseAway()) == .transient)
        #expect(DiscordJobFailureClassifier().classify(CancellationError()) == .transient)
    }

    @Test func aThrownErrorBecomesTheOutcomeOfItsKind() {
        let classifier = DiscordJobFailureClassifier()
        #expect(JobOutcome.failure(Self.http(503), classifiedBy: classifier) == .failed(Self.http(503).description))
        #expect(JobOutcome.failure(Self.http(401), classifiedBy: classifier) == .unauthorized(Self.http(401).description))
        #expect(JobOutcome.failure(Self.http(404), classifiedBy: classifier) == .permanentFailure(Self.http(404).description))
    }
}
