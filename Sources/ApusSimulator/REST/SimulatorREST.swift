import ApusCore
import Foundation
import Logging
import Synchronization

/// The REST API of the local Discord: routes, buckets, the global limit, OpenAPI validation, permission checks,
/// forced faults and a request log. Time comes only from the injected ``TimeSource``.
public final class SimulatorREST: Sendable {
    struct State: Sendable {
        var limiter = RESTRateLimiter()
        var faults: [PendingFault] = []
        var delay: Duration = .zero
        var log: [RESTLogEntry] = []
        var counters = RESTCounters()
        /// Interactions the simulator created or was told about, by id.
        var interactions: [UInt64: InteractionRecord] = [:]
    }

    let configuration: SimulatorConfiguration
    let settings: RESTSimulationSettings
    let world: SimulatorWorld
    let timeSource: any TimeSource
    let sink: any SimulatorDispatchSink
    let validator: OpenAPIValidator?
    let state = Mutex(State())
    let logger = Logger(label: "apus.simulator.rest")

    /// Creates the REST API over `world`; dispatches go to `dispatch`. Loads the OpenAPI document named by
    /// `configuration.rest.openAPIPath` (or the corpus copy); without it, validation falls back to hand-written checks.
    public init(
        configuration: SimulatorConfiguration, world: SimulatorWorld, timeSource: any TimeSource,
        dispatch: any SimulatorDispatchSink
    ) {
        self.configuration = configuration
        settings = configuration.rest
        self.world = world
        self.timeSource = timeSource
        sink = dispatch
        world.useTimeSource(timeSource)
        if settings.validateWithOpenAPI {
            let path = settings.openAPIPath ?? OpenAPIValidator.defaultPath
            validator = OpenAPIValidator.load(path: path)
            if validator == nil {
                logger.warning(
                    "OpenAPI document not found; falling back to hand-written body checks", metadata: ["path": "\(path)"])
            }
        } else {
            validator = nil
        }
    }

    /// Whether bodies are checked against the OpenAPI document (false: hand-written checks only).
    public var usesOpenAPIValidation: Bool { validator != nil }

    /// Handles one request (paths start with `/api/v10/` or `/api/v9/`); never throws, always answers like Discord.
    public func handle(_ request: SimulatorHTTPRequest) async -> SimulatorHTTPResponse {
        let delay = state.withLock { $0.delay }
        if delay > .zero { try? await timeSource.sleep(for: delay) }
        let now = timeSource.now()
        let (response, match, bucket, dispatches) = respond(to: request, now: now)
        for dispatch in dispatches { sink.dispatch(event: dispatch.event, guildID: dispatch.guildID, json: dispatch.json) }
        record(request: request, response: response, match: match, bucket: bucket, now: now, dispatches: dispatches.count)
        return response
    }

    private func respond(
        to request: SimulatorHTTPRequest, now: MonotonicTime
    ) -> (SimulatorHTTPResponse, RESTRouteMatch?, String?, [RESTDispatch]) {
        let method = request.method.uppercased()
        if let banned = state.withLock({ state -> Duration? in
            guard let until = state.limiter.cloudflareBanUntil, state.limiter.isBanned(now: now) else { return nil }
            return until - now
        }) {
            return (RESTResponses.cloudflareBan(retryAfter: banned), nil, nil, [])
        }
        guard let apiPath = RESTRouter.apiPath(request.path) else {
            return (RESTResponses.error(404, code: 0, message: "404: Not Found"), nil, nil, [])
        }
        guard let match = RESTRouter.match(method: method, path: apiPath) else {
            let status = RESTRouter.pathExists(apiPath) ? 405 : 404
            let message = status == 405 ? "405: Method Not Allowed" : "404: Not Found"
            return (RESTResponses.error(status, code: 0, message: message), nil, nil, [])
        }
        let needsToken = !match.isInteractionRoute && match.key != "GET /gateway"
        if needsToken, request.header("Authorization") != "Bot \(configuration.token)" {
            return (RESTResponses.unauthorized(), match, nil, [])
        }
        let limit = settings.limit(for: match.key)
        let bucketName = limit?.bucket ?? match.key
        let bucketHash = Self.bucketHash(bucketName)
        let bucketKey = bucketName + "|" + match.majorParameter
        let bucketLimit = limit?.limit ?? settings.defaultLimit
        let window = limit?.window ?? settings.defaultWindow
        // Forced faults first: they replace whatever the real answer would be (header overrides edit it instead).
        var headerOverrides: [String: String] = [:]
        if let fault = state.withLock({ state -> RESTForcedFault? in
            guard let index = state.faults.firstIndex(where: { $0.matches(match) }) else { return nil }
            state.faults[index].remaining -= 1
            let fault = state.faults[index].fault
            if state.faults[index].remaining <= 0 { state.faults.remove(at: index) }
            return fault
        }) {
            if case .headers(let overrides) = fault {
                headerOverrides = overrides
            } else {
                let response = forcedResponse(fault, bucketHash: bucketHash, limit: bucketLimit, window: window, now: now)
                return (response, match, bucketHash, [])
            }
        }
        // Rate limits: the route's bucket, then the global limit; a request that passes uses one of each, whatever
        // the handler answers afterwards (Discord counts it too).
        let limiterAnswer = state.withLock { state -> Result<[(String, String)], RESTRejection> in
            if case .limited(let limitValue, let reset) = state.limiter.peek(
                key: bucketKey, limit: bucketLimit, window: window, now: now)
            {
                let headers = bucketHeaders(limit: limitValue, remaining: 0, reset: reset, bucket: bucketHash, now: now)
                return .failure(RESTRejection(
                    response: RESTResponses.tooManyRequests(scope: .user, retryAfter: reset - now, bucketHeaders: headers)))
            }
            // A shared resource limit (per full path, whoever calls) answers a shared-scope 429.
            let shared = settings.sharedLimits.first { $0.route == match.key }
            let sharedKey = "shared|" + match.key + "|" + apiPath
            if let shared, case .limited(_, let reset) = state.limiter.peek(
                key: sharedKey, limit: shared.limit, window: shared.window, now: now)
            {
                let remaining: Int
                if case .allowed(_, let left, _) = state.limiter.peek(key: bucketKey, limit: bucketLimit, window: window, now: now) {
                    remaining = left
                } else {
                    remaining = 0
                }
                let headers = bucketHeaders(limit: bucketLimit, remaining: remaining, reset: reset, bucket: bucketHash, now: now)
                return .failure(RESTRejection(
                    response: RESTResponses.tooManyRequests(scope: .shared, retryAfter: reset - now, bucketHeaders: headers)))
            }
            if !match.isInteractionRoute,
                let freeAt = state.limiter.takeGlobal(limit: settings.globalLimit, window: settings.globalWindow, now: now)
            {
                return .failure(RESTRejection(
                    response: RESTResponses.tooManyRequests(scope: .global, retryAfter: freeAt - now, bucketHeaders: [])))
            }
            if let shared { _ = state.limiter.take(key: sharedKey, limit: shared.limit, window: shared.window, now: now) }
            guard case .allowed(let limitValue, let remaining, let reset) = state.limiter.take(
                key: bucketKey, limit: bucketLimit, window: window, now: now)
            else { return .success([]) }
            return .success(bucketHeaders(limit: limitValue, remaining: remaining, reset: reset, bucket: bucketHash, now: now))
        }
        let headers: [(String, String)]
        switch limiterAnswer {
        case .failure(let rejection): return (rejection.response, match, bucketHash, [])
        case .success(let bucketHeaders): headers = bucketHeaders
        }
        let call = RESTCall(match: match, request: request, now: now)
        var outcome: RESTOutcome
        switch call.parseBody(validator: validator) {
        case .failure(let rejection): outcome = RESTOutcome(rejection.response)
        case .success(let body): outcome = route(match, call: call, body: body)
        }
        outcome.response.headers += headers
        if !headerOverrides.isEmpty {
            let names = Set(headerOverrides.keys.map { $0.lowercased() })
            outcome.response.headers.removeAll { names.contains($0.0.lowercased()) }
            outcome.response.headers += headerOverrides.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }.map { ($0.key, $0.value) }
        }
        return (outcome.response, match, bucketHash, outcome.dispatches)
    }

    /// The rate-limit headers of a bucket answer.
    func bucketHeaders(
        limit: Int, remaining: Int, reset: MonotonicTime, bucket: String, now: MonotonicTime
    ) -> [(String, String)] {
        let resetAfter = max(0, (reset - now).secondsDouble)
        let resetEpoch = Double(world.wallOriginMilliseconds) / 1000 + Double(reset.nanoseconds) / 1e9
            + settings.clockSkew.secondsDouble
        return [
            ("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", String(remaining)),
            ("X-RateLimit-Reset", String(format: "%.3f", resetEpoch)),
            ("X-RateLimit-Reset-After", String(format: "%.3f", resetAfter)), ("X-RateLimit-Bucket", bucket),
        ]
    }

    private func forcedResponse(
        _ fault: RESTForcedFault, bucketHash: String, limit: Int, window: Duration, now: MonotonicTime
    ) -> SimulatorHTTPResponse {
        switch fault {
        case .rateLimited(let scope, let retryAfter):
            let headers = bucketHeaders(limit: limit, remaining: 0, reset: now + retryAfter, bucket: bucketHash, now: now)
            return RESTResponses.tooManyRequests(scope: scope, retryAfter: retryAfter, bucketHeaders: headers)
        case .cloudflare:
            return RESTResponses.cloudflareBan(retryAfter: .seconds(60))
        case .serverError(let status):
            return RESTResponses.serverError(status)
        case .raw(let status, let headers, let body):
            return SimulatorHTTPResponse(
                status: status, headers: headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, body: Array(body.utf8))
        case .headers:
            // Not reached: `respond` applies header overrides to the real answer instead of calling this.
            return RESTResponses.serverError(500)
        }
    }

    private func record(
        request: SimulatorHTTPRequest, response: SimulatorHTTPResponse, match: RESTRouteMatch?, bucket: String?,
        now: MonotonicTime, dispatches: Int
    ) {
        let isHTML = response.header("Content-Type")?.hasPrefix("text/html") ?? false
        let scope = response.status == 429 ? (isHTML ? "cloudflare" : response.header("X-RateLimit-Scope") ?? "user") : nil
        state.withLock { state in
            state.counters.requests += 1
            state.counters.statuses[response.status, default: 0] += 1
            state.counters.dispatches += dispatches
            if let scope { state.counters.rateLimited[scope, default: 0] += 1 }
            let invalid = response.status == 401 || response.status == 403 || (response.status == 429 && scope != "shared")
            if invalid {
                state.limiter.recordInvalid(
                    now: now, threshold: settings.invalidRequestThreshold, window: settings.invalidRequestWindow,
                    banDuration: settings.cloudflareBanDuration)
            }
            if state.log.count >= settings.requestLogLimit { state.log.removeFirst(state.log.count / 2) }
            state.log.append(RESTLogEntry(
                method: request.method, path: request.path, route: match?.key, bucket: bucket, status: response.status,
                body: String(decoding: request.body, as: UTF8.self), time: now))
        }
    }

    /// The opaque `X-RateLimit-Bucket` hash of a bucket name (stable, 32 hex digits).
    static func bucketHash(_ name: String) -> String {
        var first: UInt64 = 0xCBF2_9CE4_8422_2325
        var second: UInt64 = 0x8422_2325_CBF2_9CE4
        for byte in name.utf8 {
            first = (first ^ UInt64(byte)) &* 0x100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x100_0000_01B3 &+ 0x9E37
        }
        return String(first, radix: 16).leftPadded(16) + String(second, radix: 16).leftPadded(16)
    }
}

extension String {
    /// The string padded on the left with zeros to `length`.
    func leftPadded(_ length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
