import Foundation

/// The REST side of the control API: forced responses, delays, the request log and counters, by calling
/// ``SimulatorREST``'s public fault and inspection methods.
///
/// - `POST /_sim/rest/faults` `{"fault":"rate_limited","scope":"user|shared|global","retry_after":1.5,"count":1,
///   "route":"POST /channels/{channel_id}/messages"}`, `{"fault":"cloudflare"}`, `{"fault":"server_error",
///   "status":502}`, `{"fault":"delay","seconds":0.5}`, `{"fault":"clear"}`, `{"fault":"reset_rate_limits"}`,
///   `{"fault":"headers","headers":{"X-RateLimit-Reset-After":"1e10"}}` (the real answer with these headers),
///   `{"fault":"raw","status":429,"headers":{…},"body":"{\"retry_after\": 1e10}"}` (this answer instead).
/// - `GET /_sim/rest/log`, `GET /_sim/rest/counters`, `GET /_sim/rest/messages?channel_id=N`.
extension SimulatorControlAPI {
    /// Answers a `/_sim/rest/…` route, or nil when `route` is not one.
    func handleREST(method: String, route: String, request: SimulatorHTTPRequest) -> SimulatorHTTPResponse? {
        let rest = simulator.rest
        switch (method, route) {
        case ("POST", "/rest/faults"):
            guard let body = Self.jsonObject(request.body) else { return Self.jsonResponse(400, ["message": "expected a JSON object"]) }
            let count = (body["count"] as? Int) ?? 1
            let routeFilter = body["route"] as? String
            switch body["fault"] as? String {
            case "rate_limited":
                let scope = (body["scope"] as? String).flatMap(RateLimitScope.init(rawValue:)) ?? .user
                let retryAfter = (body["retry_after"] as? Double) ?? 1
                rest.force(.rateLimited(scope: scope, retryAfter: .secondsDouble(retryAfter)), count: count, route: routeFilter)
            case "cloudflare":
                rest.force(.cloudflare, count: count, route: routeFilter)
            case "server_error":
                rest.force(.serverError(status: (body["status"] as? Int) ?? 500), count: count, route: routeFilter)
            case "headers":
                guard let headers = body["headers"] as? [String: String] else {
                    return Self.jsonResponse(400, ["message": "expected \"headers\": {name: value}"])
                }
                rest.force(.headers(headers), count: count, route: routeFilter)
            case "raw":
                let headers = body["headers"] as? [String: String] ?? ["Content-Type": "application/json"]
                let status = min(max((body["status"] as? Int) ?? 200, 100), 599)
                rest.force(.raw(status: status, headers: headers, body: (body["body"] as? String) ?? ""), count: count, route: routeFilter)
            case "delay":
                rest.setResponseDelay(.secondsDouble((body["seconds"] as? Double) ?? 0))
            case "clear":
                rest.clearForcedFaults()
            case "reset_rate_limits":
                rest.resetRateLimits()
            default:
                return Self.jsonResponse(400, ["message": "unknown REST fault; expected rate_limited, cloudflare, "
                    + "server_error, headers, raw, delay, clear or reset_rate_limits"])
            }
            return Self.jsonResponse(200, ["ok": true])
        case ("GET", "/rest/log"):
            let entries: [[String: Any]] = rest.requestLog().map { entry in
                var object: [String: Any] = [
                    "method": entry.method, "path": entry.path, "status": entry.status, "body": entry.body,
                    "time_ns": entry.time.nanoseconds,
                ]
                object["route"] = entry.route
                object["bucket"] = entry.bucket
                return object
            }
            return Self.jsonResponse(200, ["requests": entries])
        case ("GET", "/rest/counters"):
            let counters = rest.counters()
            return Self.jsonResponse(200, [
                "requests": counters.requests, "rate_limited": counters.rateLimited,
                "statuses": Dictionary(uniqueKeysWithValues: counters.statuses.map { (String($0.key), $0.value) }),
                "dispatches": counters.dispatches, "invalid_requests": rest.invalidRequestCount(),
            ])
        case ("GET", "/rest/messages"):
            guard let channelID = request.controlQueryItems["channel_id"].flatMap(UInt64.init) else {
                return Self.jsonResponse(400, ["message": "expected ?channel_id="])
            }
            let messages = rest.messages(channelID: channelID).compactMap { Self.jsonObject(Array($0.utf8)) }
            return Self.jsonResponse(200, ["messages": messages])
        default:
            return nil
        }
    }
}
