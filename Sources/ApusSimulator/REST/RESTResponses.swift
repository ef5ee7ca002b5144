import Foundation

/// Builders for the answers Discord gives: JSON bodies, error bodies, 429s and Cloudflare's HTML page.
enum RESTResponses {
    /// A JSON response with `object` as body.
    static func json(_ status: Int, _ object: Any, headers: [(String, String)] = []) -> SimulatorHTTPResponse {
        SimulatorHTTPResponse(
            status: status, headers: [("Content-Type", "application/json")] + headers,
            body: Array(JSONText.string(object).utf8))
    }

    /// 204 No Content.
    static func noContent() -> SimulatorHTTPResponse {
        SimulatorHTTPResponse(status: 204, headers: [], body: [])
    }

    /// Discord's error body `{"message": …, "code": …}`.
    static func error(_ status: Int, code: Int, message: String) -> SimulatorHTTPResponse {
        json(status, ["message": message, "code": code])
    }

    /// 401 for a missing or wrong token.
    static func unauthorized() -> SimulatorHTTPResponse { error(401, code: 0, message: "401: Unauthorized") }

    /// 403 50013.
    static func missingPermissions() -> SimulatorHTTPResponse { error(403, code: 50013, message: "Missing Permissions") }

    /// 404 with Discord's "unknown" code for `entity`.
    static func unknown(_ entity: UnknownEntity) -> SimulatorHTTPResponse {
        error(404, code: entity.rawValue, message: entity.message)
    }

    /// 400 50035 with the nested `errors` object (paths of `_errors` lists).
    static func invalidFormBody(_ issues: [ValidationIssue]) -> SimulatorHTTPResponse {
        var errors: [String: Any] = [:]
        for issue in issues { insert(issue, into: &errors, path: issue.path[...]) }
        return json(400, ["code": 50035, "message": "Invalid Form Body", "errors": errors])
    }

    private static func insert(_ issue: ValidationIssue, into object: inout [String: Any], path: ArraySlice<String>) {
        guard let head = path.first else {
            var list = object["_errors"] as? [[String: Any]] ?? []
            list.append(["code": issue.code, "message": issue.message])
            object["_errors"] = list
            return
        }
        var child = object[head] as? [String: Any] ?? [:]
        insert(issue, into: &child, path: path.dropFirst())
        object[head] = child
    }

    /// A 429 with Discord's body and headers for `scope`.
    static func tooManyRequests(
        scope: RateLimitScope, retryAfter: Duration, bucketHeaders: [(String, String)]
    ) -> SimulatorHTTPResponse {
        let seconds = (retryAfter.secondsDouble * 1000).rounded(.up) / 1000
        let isGlobal = scope == .global
        var headers: [(String, String)] = [
            ("Retry-After", String(Int(seconds.rounded(.up)))), ("X-RateLimit-Scope", scope.rawValue),
        ]
        if isGlobal { headers.append(("X-RateLimit-Global", "true")) } else { headers += bucketHeaders }
        let message = scope == .shared ? "The resource is being rate limited." : "You are being rate limited."
        return json(429, ["message": message, "retry_after": seconds, "global": isGlobal], headers: headers)
    }

    /// Cloudflare's HTML 429 (no Discord headers, `text/html` body).
    static func cloudflareBan(retryAfter: Duration) -> SimulatorHTTPResponse {
        let html = """
            <!DOCTYPE html>
            <html><head><title>Access denied | discord.com used Cloudflare to restrict access</title></head>
            <body><div id="cf-wrapper"><h1>Error 1015</h1><h2>You are being rate limited</h2>
            <p>The owner of this website (discord.com) has banned you temporarily from accessing this website.</p>
            </div></body></html>
            """
        return SimulatorHTTPResponse(
            status: 429,
            headers: [
                ("Content-Type", "text/html; charset=UTF-8"), ("Server", "cloudflare"),
                ("Retry-After", String(Int(retryAfter.secondsDouble.rounded(.up)))),
            ],
            body: Array(html.utf8))
    }

    /// A plain 5xx as Discord's edge sends them.
    static func serverError(_ status: Int) -> SimulatorHTTPResponse {
        switch status {
        case 500: error(500, code: 0, message: "500: Internal Server Error")
        case 502:
            SimulatorHTTPResponse(
                status: 502, headers: [("Content-Type", "text/html")], body: Array("<html><body>502 Bad Gateway</body></html>".utf8))
        default:
            SimulatorHTTPResponse(
                status: status, headers: [("Content-Type", "text/html")],
                body: Array("<html><body>\(status) Gateway Time-out</body></html>".utf8))
        }
    }
}

/// The scope of a 429 (`X-RateLimit-Scope`).
public enum RateLimitScope: String, Sendable, CaseIterable {
    /// The caller's own per-route bucket.
    case user
    /// A resource shared with other callers; does not count towards invalid requests.
    case shared
    /// The global per-bot limit.
    case global
}

/// Discord's 404 codes for unknown resources.
enum UnknownEntity: Int, Sendable {
    case channel = 10003, guild = 10004, member = 10007, message = 10008, role = 10011, user = 10013, ban = 10026
    case interaction = 10062, webhook = 10015, emoji = 10014, command = 10063

    var message: String {
        switch self {
        case .channel: "Unknown Channel"
        case .guild: "Unknown Guild"
        case .member: "Unknown Member"
        case .message: "Unknown Message"
        case .role: "Unknown Role"
        case .user: "Unknown User"
        case .ban: "Unknown Ban"
        case .interaction: "Unknown interaction"
        case .webhook: "Unknown Webhook"
        case .emoji: "Unknown Emoji"
        case .command: "Unknown application command"
        }
    }
}

/// One problem found in a request body: where (`path`, e.g. `["content"]` or `["embeds", "0", "title"]`) and what.
struct ValidationIssue: Sendable, Equatable {
    var path: [String]
    var code: String
    var message: String
}
