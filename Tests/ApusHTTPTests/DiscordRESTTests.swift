import ApusCore
import ApusModel
import Synchronization
import Testing

@testable import ApusHTTP

let messageJSON = """
    {"id":"1001","channel_id":"42","author":{"id":"7","username":"apus","discriminator":"0","bot":true},
    "content":"hi","timestamp":"2026-01-02T03:04:05.000000+00:00","edited_timestamp":null,"tts":false,
    "mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":0}
    """

/// A client for `server` that retries quickly.
func makeClient(_ server: TestHTTPServer, maximumAttempts: Int = 3, timeout: Duration = .seconds(5)) -> DiscordREST {
    DiscordREST(configuration: DiscordRESTConfiguration(
        token: "test-token", apiBaseURL: server.baseURL, requestTimeout: timeout,
        retryPolicy: RetryPolicy(maximumAttempts: maximumAttempts, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(20))))
}

/// Runs `body` with a server and a client, and always shuts both down.
func withServer(
    maximumAttempts: Int = 3, timeout: Duration = .seconds(5),
    _ handler: @escaping TestHTTPServer.Handler,
    _ body: (TestHTTPServer, DiscordREST) async throws -> Void
) async throws {
    let server = try await TestHTTPServer.start(handler)
    let client = makeClient(server, maximumAttempts: maximumAttempts, timeout: timeout)
    do {
        try await body(server, client)
    } catch {
        try? await client.shutdown()
        await server.shutdown()
        throw error
    }
    try await client.shutdown()
    await server.shutdown()
}

@Suite("DiscordREST over loopback", .timeLimit(.minutes(1)))
struct DiscordRESTTests {
    @Test("a JSON request carries auth, user agent and snake_case body; the response decodes into Message")
    func jsonRoundTrip() async throws {
        try await withServer({ _ in .json(200, messageJSON) }) { server, client in
            let message = try await client.createMessage(
                channelID: 42,
                MessageCreatePayload(
                    content: "hello", allowedMentions: AllowedMentions(parse: [], users: [7]),
                    messageReference: MessageReferencePayload(messageID: 99)))
            #expect(message.id == 1001)
            #expect(message.content == "hi")
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.uri == "/api/v10/channels/42/messages")
            #expect(request.header("Authorization") == "Bot test-token")
            #expect(request.header("User-Agent") == "DiscordBot (https://github.com/apus, 0.1)")
            #expect(request.header("Content-Type") == "application/json")
            #expect(request.bodyText == #"{"allowed_mentions":{"parse":[],"users":["7"]},"content":"hello","message_reference":{"message_id":"99"}}"#)
        }
    }

    @Test("the audit-log reason is percent-encoded and query parameters are sent")
    func auditReasonAndQuery() async throws {
        try await withServer({ request in
            request.method == "DELETE" ? CannedResponse(status: 204) : .json(200, "[\(messageJSON)]")
        }) { server, client in
            try await client.deleteMessage(channelID: 42, messageID: 5, reason: "spam & ads/ü")
            let messages = try await client.listMessages(channelID: 42, limit: 10, before: 77)
            #expect(messages.count == 1)
            let requests = server.requests
            #expect(requests.first?.header("X-Audit-Log-Reason") == "spam%20%26%20ads%2F%C3%BC")
            #expect(requests.last?.uri == "/api/v10/channels/42/messages?limit=10&before=77")
        }
    }

    @Test("a file upload is multipart/form-data with payload_json and files[n] parts")
    func multipartUpload() async throws {
        try await withServer({ _ in .json(200, messageJSON) }) { server, client in
            let file = FileUpload(filename: "notes \"1\".txt", contentType: "text/plain", data: Array("file body".utf8))
            _ = try await client.createMessage(
                channelID: 42,
                MessageCreatePayload(content: "see file", attachments: [AttachmentMetadata(index: 0, filename: "notes.txt")]),
                files: [file])
            let request = try #require(server.requests.first)
            let contentType = try #require(request.header("Content-Type"))
            #expect(contentType.hasPrefix("multipart/form-data; boundary="))
            let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
            let parts = request.bodyText.components(separatedBy: "--\(boundary)")
            // preamble (empty), payload_json, files[0], closing "--\r\n"
            #expect(parts.count == 4)
            #expect(parts.first == "")
            #expect(parts[1].contains("Content-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json\r\n\r\n{"))
            #expect(parts[1].contains(#""attachments":[{"filename":"notes.txt","id":"0"}]"#))
            #expect(parts[2] == "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"notes \\\"1\\\".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nfile body\r\n")
            #expect(parts[3] == "--\r\n")
        }
    }

    @Test("502 is retried with backoff until success")
    func retriesOn502() async throws {
        let calls = Mutex(0)
        try await withServer({ _ in
            let call = calls.withLock { count -> Int in
                count += 1
                return count
            }
            return call < 3 ? CannedResponse(status: 502, body: Array("bad gateway".utf8)) : .json(200, #"{"url":"wss://gw"}"#)
        }) { server, client in
            let gateway = try await client.getGateway()
            #expect(gateway.url == "wss://gw")
            #expect(server.requests.count == 3)
        }
    }

    @Test("502 gives up after the allowed attempts with a typed error")
    func gives502UpAfterAttempts() async throws {
        try await withServer(maximumAttempts: 2, { _ in CannedResponse(status: 502) }) { server, client in
            await #expect {
                _ = try await client.getGateway()
            } throws: { error in
                (error as? DiscordHTTPError)?.status == 502
            }
            #expect(server.requests.count == 2)
        }
    }

    @Test("a 400 is not retried and surfaces Discord's error body with flattened field errors")
    func typedErrorBodyOn400() async throws {
        let body = #"{"code":50035,"message":"Invalid Form Body","errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}"#
        try await withServer({ _ in .json(400, body) }) { server, client in
            let error = await #expect(throws: DiscordHTTPError.self) {
                _ = try await client.createMessage(channelID: 1, MessageCreatePayload(content: "x"))
            }
            guard case .http(let status, _, let errorBody, _) = error else {
                Issue.record("expected an HTTP error, got \(String(describing: error))")
                return
            }
            #expect(status == 400)
            #expect(errorBody?.code == 50035)
            #expect(errorBody?.errors.first?.path == "content")
            #expect(error?.description.contains("content: Must be 2000 or fewer in length.") == true)
            #expect(server.requests.count == 1)
        }
    }

    @Test("a 429 with Discord's JSON body is waited out and retried")
    func retriesAfter429() async throws {
        let calls = Mutex(0)
        try await withServer({ _ in
            let call = calls.withLock { count -> Int in
                count += 1
                return count
            }
            if call == 1 {
                return .json(429, #"{"message":"You are being rate limited.","retry_after":0.05,"global":false}"#, headers: [
                    (name: "X-RateLimit-Scope", value: "user"), (name: "X-RateLimit-Limit", value: "5"),
                    (name: "X-RateLimit-Remaining", value: "0"), (name: "X-RateLimit-Reset-After", value: "0.05"),
                    (name: "X-RateLimit-Bucket", value: "me"), (name: "Retry-After", value: "1"),
                ])
            }
            return .json(200, #"{"id":"7","username":"apus","discriminator":"0"}"#)
        }) { server, client in
            let user = try await client.getCurrentUser()
            #expect(user.username == "apus")
            #expect(server.requests.count == 2)
            #expect(client.rateLimitStatistics.tooManyRequests[.user] == 1)
        }
    }

    @Test("a non-JSON 429 stops the client: later calls fail at once until it is reset")
    func cloudflareStop() async throws {
        let banned = Mutex(true)
        try await withServer({ _ in
            if banned.withLock({ $0 }) {
                return CannedResponse(status: 429, headers: [(name: "Content-Type", value: "text/html")],
                                      body: Array("<html>Access denied | Cloudflare</html>".utf8))
            }
            return .json(200, #"{"url":"wss://gw"}"#)
        }) { server, client in
            for _ in 0..<2 {
                await #expect {
                    _ = try await client.getGateway()
                } throws: { error in
                    guard case .cloudflareBanned(let excerpt) = error as? DiscordHTTPError else { return false }
                    return excerpt.contains("Cloudflare")
                }
            }
            #expect(server.requests.count == 1)
            banned.withLock { $0 = false }
            client.resetAfterBan()
            _ = try await client.getGateway()
            #expect(server.requests.count == 2)
        }
    }

    @Test("a server that never answers gives a timeout error")
    func timeout() async throws {
        try await withServer(maximumAttempts: 1, timeout: .milliseconds(200), { _ in nil }) { _, client in
            await #expect {
                _ = try await client.getGateway()
            } throws: { error in
                guard case .timeout = error as? DiscordHTTPError else { return false }
                return true
            }
        }
    }

    @Test("many concurrent sends at one fresh bucket see zero 429s from a server enforcing 5 per window")
    func burstAtFreshBucketHasNo429s() async throws {
        let limiter = Mutex(WindowLimiter(limit: 5, window: .milliseconds(150)))
        try await withServer({ request in
            limiter.withLock { $0.respond(to: request) }
        }) { server, client in
            let sendCount = 17
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<sendCount {
                    group.addTask {
                        _ = try await client.createMessage(channelID: 42, MessageCreatePayload(content: "burst \(index)"))
                    }
                }
                try await group.waitForAll()
            }
            #expect(limiter.withLock { $0.rejected } == 0)
            #expect(server.requests.count == sendCount)
            #expect(client.rateLimitStatistics.totalTooManyRequests == 0)
            #expect(client.rateLimitStatistics.requestsSent == sendCount)
        }
    }
}

/// A fixed-window bucket as Discord runs it: the window starts with its first request; over the limit is a 429.
struct WindowLimiter {
    let limit: Int
    let window: Duration
    var windowStart: ContinuousClock.Instant?
    var used = 0
    var rejected = 0

    mutating func respond(to request: RecordedRequest) -> CannedResponse {
        let now = ContinuousClock.now
        if let start = windowStart, now - start >= window {
            windowStart = nil
        }
        if windowStart == nil {
            windowStart = now
            used = 0
        }
        let resetAfter = (window - (now - (windowStart ?? now))).secondsDouble
        used += 1
        var headers: [(name: String, value: String)] = [
            (name: "X-RateLimit-Limit", value: String(limit)),
            (name: "X-RateLimit-Remaining", value: String(max(0, limit - used))),
            (name: "X-RateLimit-Reset-After", value: String(format3(resetAfter))),
            (name: "X-RateLimit-Bucket", value: "messages"),
        ]
        if used > limit {
            rejected += 1
            headers.append((name: "X-RateLimit-Scope", value: "user"))
            return .json(429, #"{"message":"You are being rate limited.","retry_after":\#(format3(resetAfter)),"global":false}"#,
                         headers: headers)
        }
        return .json(200, messageJSON, headers: headers)
    }

    private func format3(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded(.up))
        return "\(millis / 1000).\(String(millis % 1000).leftPadded(to: 3))"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
