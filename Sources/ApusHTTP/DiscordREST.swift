import ApusCore
import ApusModel
import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// Discord's REST API: rate-limited, retrying, with typed errors. Safe to share between tasks.
///
/// ```swift
/// let rest = DiscordREST(configuration: DiscordRESTConfiguration(token: token))
/// let message = try await rest.createMessage(channelID: channel, MessageCreatePayload(content: "Hello"))
/// try await rest.shutdown()
/// ```
///
/// Every call first takes a permit from the ``RateLimiter`` (so bursts never overrun a bucket), then sends the
/// request over a pooled connection. 429s are retried after the wait Discord asks for, unless it is longer than
/// ``DiscordRESTConfiguration/maximumRateLimitWait`` or malformed (then the call fails at once); 500/502/504 and
/// connection errors are retried with exponential backoff and seeded jitter; other errors are thrown as
/// ``DiscordHTTPError``.
///
/// Failures are visible: the client logs once when Discord becomes unreachable (connection errors, timeouts), a
/// reminder at most once a minute while it stays so, and once when it answers again; malformed rate-limit headers
/// are ignored with a warning at most once a minute; bans and invalid-request thresholds are logged by the
/// limiter. ``rateLimitStatistics`` and ``reachabilityStatistics`` count them.
public final class DiscordREST: Sendable {
    /// The configuration in force.
    public let configuration: DiscordRESTConfiguration
    /// The rate limiter (shared by every call of this client).
    public let rateLimiter: RateLimiter

    private let httpClient: HTTPClient
    private let ownsHTTPClient: Bool
    private let timeSource: any TimeSource
    private let random: Mutex<SeededRandom>
    private let logger: Logger
    private let reachability: Mutex<RESTReachability>
    private let malformedHeaderWarnings = Mutex(LogThrottle(interval: .seconds(60)))

    /// Creates a client. Pass an `HTTPClient` to share one; otherwise the client creates one (with connection reuse)
    /// and ``shutdown()`` shuts it down.
    public init(
        configuration: DiscordRESTConfiguration,
        httpClient: HTTPClient? = nil,
        timeSource: any TimeSource = SystemTimeSource(),
        logger: Logger = Logger(label: "apus.rest")
    ) {
        self.configuration = configuration
        self.timeSource = timeSource
        self.logger = logger
        rateLimiter = RateLimiter(configuration: configuration.rateLimits, timeSource: timeSource, logger: logger)
        random = Mutex(SeededRandom(seed: configuration.retryPolicy.jitterSeed))
        reachability = Mutex(RESTReachability(reminderInterval: .seconds(60)))
        if let httpClient {
            self.httpClient = httpClient
            ownsHTTPClient = false
        } else {
            var clientConfiguration = HTTPClient.Configuration()
            clientConfiguration.connectionPool = HTTPClient.Configuration.ConnectionPool(
                idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: configuration.maximumConnections)
            clientConfiguration.decompression = .enabled(limit: .ratio(50))
            self.httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)
            ownsHTTPClient = true
        }
    }

    /// Shuts down the HTTP client if this object created it. Call once, when no request is running.
    public func shutdown() async throws {
        if ownsHTTPClient { try await httpClient.shutdown() }
    }

    /// Rate-limit counters: requests sent, 429s by scope, time spent waiting, bans, invalid requests, refusals,
    /// malformed rate-limit values.
    public var rateLimitStatistics: RateLimitStatistics { rateLimiter.statistics }

    /// Whether Discord answered the last attempt, with the counts of connection failures and outages.
    public var reachabilityStatistics: RESTReachabilityStatistics {
        reachability.withLock {
            RESTReachabilityStatistics(
                isReachable: $0.isReachable, connectionFailures: $0.connectionFailures, outages: $0.outages)
        }
    }

    /// Accepts requests again at once after a Cloudflare ban (``DiscordHTTPError/cloudflareBanned(excerpt:)``),
    /// without waiting for the ban's time and its probe request.
    public func resetAfterBan() {
        rateLimiter.clearBan()
    }

    /// Sends `request` and decodes the response body as `Response`.
    public func send<Response: JSONDecodable>(_ request: DiscordRequest, as type: Response.Type) async throws(DiscordHTTPError) -> Response {
        let response = try await send(request)
        do {
            return try Response(jsonBytes: response.body)
        } catch {
            throw .invalidResponse(route: request.displayName, reason: "\(Response.self): \(error.description)")
        }
    }

    /// Sends `request` and returns the successful response; see the type's documentation for retries.
    public func send(_ request: DiscordRequest) async throws(DiscordHTTPError) -> DiscordResponse {
        let policy = configuration.retryPolicy
        let name = request.displayName
        let outbound = try makeHTTPRequest(request)
        var failedAttempts = 0
        var rateLimitRetries = 0
        var retryingAfter429 = false
        while true {
            let permit: RateLimitRequestID
            do {
                permit = try await rateLimiter.acquire(request.route, retrying: retryingAfter429)
            } catch let failure as RateLimitFailure {
                throw Self.error(for: failure, route: name)
            } catch {
                throw .connection(route: name, description: "cancelled while waiting for a rate-limit permit")
            }
            let response: DiscordResponse
            do {
                response = try await execute(outbound)
            } catch {
                rateLimiter.abandon(permit)
                let failure = classify(error, route: name)
                noteUnreachable(failure, cause: error)
                failedAttempts += 1
                guard case .connection = failure, failedAttempts < policy.maximumAttempts, !Task.isCancelled else {
                    throw failure
                }
                logger.debug("retrying after a connection error", metadata: ["route": "\(name)", "error": "\(error)"])
                try await backoff(retry: failedAttempts, route: name)
                continue
            }
            noteReachable()
            let headers = RateLimitHeaders(headers: response.headers)
            if !headers.malformed.isEmpty { warnMalformed(headers.malformed, route: name) }
            let summary = RateLimitResponse(
                status: response.status, headers: headers,
                tooManyRequests: response.status == 429 ? TooManyRequestsReader.read(response.body) : nil)
            switch rateLimiter.complete(permit, response: summary) {
            case .done:
                break
            case .banned:
                throw .cloudflareBanned(excerpt: TooManyRequestsReader.excerpt(response.body))
            case .failed(let failure):
                throw Self.error(for: failure, route: name)
            case .retry(let scope, let retryAfter):
                rateLimitRetries += 1
                logger.info("rate limited", metadata: ["route": "\(name)", "scope": "\(scope.rawValue)"])
                guard rateLimitRetries <= policy.maximumRateLimitRetries else {
                    throw .rateLimitRetriesExhausted(route: name, scope: scope, retryAfter: retryAfter)
                }
                retryingAfter429 = true
                continue
            }
            if (200..<300).contains(response.status) { return response }
            if policy.retriedStatuses.contains(response.status) {
                failedAttempts += 1
                if failedAttempts < policy.maximumAttempts {
                    try await backoff(retry: failedAttempts, route: name)
                    continue
                }
            }
            let errorBody = try? DiscordErrorBody(jsonBytes: response.body)
            throw .http(status: response.status, route: name, body: errorBody, rawBody: response.body)
        }
    }

    // MARK: - Internals

    private func makeHTTPRequest(_ request: DiscordRequest) throws(DiscordHTTPError) -> HTTPClientRequest {
        guard request.path.hasPrefix("/") else { throw .invalidRequest(reason: "path must start with '/': \(request.path)") }
        var outbound = HTTPClientRequest(url: configuration.apiBaseURL + request.path + request.encodedQuery)
        outbound.method = HTTPMethod(rawValue: request.method)
        outbound.headers.add(name: "Authorization", value: "Bot \(configuration.token)")
        outbound.headers.add(name: "User-Agent", value: configuration.userAgent)
        if let reason = request.auditLogReason {
            outbound.headers.add(name: "X-Audit-Log-Reason", value: PathEncoding.component(reason))
        }
        switch request.body {
        case .none:
            if ["POST", "PUT", "PATCH"].contains(request.method) { outbound.headers.add(name: "Content-Length", value: "0") }
        case .json(let bytes):
            outbound.headers.add(name: "Content-Type", value: "application/json")
            outbound.body = .bytes(ByteBuffer(bytes: bytes))
        case .multipart(let payloadJSON, let files):
            let boundary = "apus-" + String(random.withLock { $0.next() }, radix: 36)
            let (body, contentType) = MultipartFormData.encode(payloadJSON: payloadJSON, files: files, boundary: boundary)
            outbound.headers.add(name: "Content-Type", value: contentType)
            outbound.body = .bytes(ByteBuffer(bytes: body))
        }
        return outbound
    }

    private func execute(_ request: HTTPClientRequest) async throws -> DiscordResponse {
        let timeout = TimeAmount.nanoseconds(configuration.requestTimeout.nanosecondsClamped)
        let deadline = NIODeadline.now() + timeout
        let response = try await httpClient.execute(request, deadline: deadline, logger: logger)
        let body = try await response.body.collect(upTo: configuration.maximumResponseBytes)
        return DiscordResponse(
            status: Int(response.status.code),
            headers: response.headers.map { (name: $0.name, value: $0.value) },
            body: Array(buffer: body))
    }

    private func classify(_ error: any Error, route: String) -> DiscordHTTPError {
        if let clientError = error as? HTTPClientError {
            if clientError == .deadlineExceeded || clientError == .readTimeout || clientError == .connectTimeout {
                return .timeout(route: route)
            }
            if clientError == .cancelled { return .connection(route: route, description: "cancelled") }
        }
        if error is NIOTooManyBytesError {
            return .invalidResponse(route: route, reason: "body larger than \(configuration.maximumResponseBytes) bytes")
        }
        return .connection(route: route, description: "\(error)")
    }

    private func backoff(retry: Int, route: String) async throws(DiscordHTTPError) {
        let unit = random.withLock { $0.nextUnitInterval() }
        let delay = configuration.retryPolicy.delay(beforeRetry: retry, unitRandom: unit)
        do {
            try await timeSource.sleep(for: delay)
        } catch {
            throw .connection(route: route, description: "cancelled during retry backoff")
        }
    }

    static func error(for failure: RateLimitFailure, route: String) -> DiscordHTTPError {
        switch failure {
        case .cloudflareBanned(let excerpt):
            return .cloudflareBanned(excerpt: excerpt)
        case .waitTooLong(let scope, let wait, let maximum):
            return .rateLimitWaitTooLong(route: route, scope: scope, wait: wait, maximum: maximum)
        case .malformed(let reason):
            return .malformedRateLimit(route: route, reason: reason)
        case .tooManyInvalidRequests(let count, let threshold, let window):
            return .tooManyInvalidRequests(route: route, count: count, threshold: threshold, window: window)
        }
    }

    /// Records a failed attempt; logs when Discord becomes unreachable and, at most once a minute, while it stays so.
    private func noteUnreachable(_ failure: DiscordHTTPError, cause: any Error) {
        switch failure {
        case .timeout, .connection:
            if let clientError = cause as? HTTPClientError, clientError == .cancelled { return }
            if Task.isCancelled { return }
        default:
            return
        }
        let now = timeSource.now()
        let notice = reachability.withLock { $0.recordFailure(failure.description, at: now) }
        switch notice {
        case .unreachable(let error)?:
            logger.error("Discord REST is unreachable; requests are retried and fail with connection errors until it answers", metadata: [
                "error": "\(error)",
            ])
        case .stillUnreachable(let failures, let duration, let error)?:
            logger.error("Discord REST is still unreachable", metadata: [
                "failed_attempts": "\(failures)", "seconds": "\(Int(saturating: duration.secondsDouble))", "error": "\(error)",
            ])
        case .reachableAgain?, nil:
            break
        }
    }

    private func noteReachable() {
        let now = timeSource.now()
        guard case .reachableAgain(let failures, let duration)? = reachability.withLock({ $0.recordResponse(at: now) })
        else { return }
        logger.notice("Discord REST is reachable again", metadata: [
            "failed_attempts": "\(failures)", "outage_seconds": "\(Int(saturating: duration.secondsDouble))",
        ])
    }

    private func warnMalformed(_ names: Set<String>, route: String) {
        let now = timeSource.now()
        guard let suppressed = malformedHeaderWarnings.withLock({ $0.admit(at: now) }) else { return }
        logger.warning("ignored malformed rate-limit headers in Discord's response", metadata: [
            "headers": "\(names.sorted().joined(separator: ","))", "route": "\(route)",
            "similar_warnings_suppressed": "\(suppressed)",
        ])
    }
}

/// Whether Discord's REST API answers, for ``DiscordREST/reachabilityStatistics``.
public struct RESTReachabilityStatistics: Sendable, Hashable {
    /// Whether the last attempt got a response.
    public var isReachable: Bool
    /// Connection errors and timeouts so far (each retry counts).
    public var connectionFailures: Int
    /// Outages so far: transitions from reachable to unreachable.
    public var outages: Int
}

/// A successful (or final) HTTP response from Discord.
public struct DiscordResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The headers, in order.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
