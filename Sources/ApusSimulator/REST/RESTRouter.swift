/// A request path matched against the simulated API's route templates.
struct RESTRouteMatch: Sendable {
    /// The method, upper case.
    var method: String
    /// The template, e.g. `/channels/{channel_id}/messages`.
    var template: String
    /// The template's parameters, by name.
    var parameters: [String: String]

    /// `METHOD /template`, the key of the bucket table.
    var key: String { "\(method) \(template)" }

    /// The parameter Discord scopes buckets by: channel, guild, or webhook/interaction token.
    var majorParameter: String {
        parameters["channel_id"] ?? parameters["guild_id"]
            ?? parameters["interaction_token"].map { "\(parameters["application_id"] ?? parameters["interaction_id"] ?? "")/\($0)" }
            ?? ""
    }

    /// Interaction callbacks and interaction webhooks are exempt from the global limit and need no bot token.
    var isInteractionRoute: Bool {
        template.hasPrefix("/interactions/") || template.hasPrefix("/webhooks/")
    }

    /// A numeric parameter.
    func id(_ name: String) -> UInt64? { parameters[name].flatMap { UInt64($0) } }
}

/// Matches request paths against the simulated API's route templates.
enum RESTRouter {
    /// Every route the simulator serves, as `METHOD /template`.
    static let routes: [String] = [
        "GET /gateway", "GET /gateway/bot", "GET /users/@me", "GET /oauth2/applications/@me", "GET /users/{user_id}",
        "POST /users/@me/channels", "GET /channels/{channel_id}",
        "GET /channels/{channel_id}/messages", "POST /channels/{channel_id}/messages",
        "POST /channels/{channel_id}/messages/bulk-delete",
        "GET /channels/{channel_id}/messages/{message_id}", "PATCH /channels/{channel_id}/messages/{message_id}",
        "DELETE /channels/{channel_id}/messages/{message_id}", "POST /channels/{channel_id}/typing",
        "PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
        "DELETE /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
        "DELETE /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/{user_id}",
        "GET /guilds/{guild_id}", "GET /guilds/{guild_id}/roles", "GET /guilds/{guild_id}/members",
        "GET /guilds/{guild_id}/members/{user_id}", "PATCH /guilds/{guild_id}/members/{user_id}",
        "DELETE /guilds/{guild_id}/members/{user_id}",
        "PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}",
        "DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}",
        "GET /guilds/{guild_id}/bans", "GET /guilds/{guild_id}/bans/{user_id}", "PUT /guilds/{guild_id}/bans/{user_id}",
        "DELETE /guilds/{guild_id}/bans/{user_id}",
        "POST /interactions/{interaction_id}/{interaction_token}/callback",
        "POST /webhooks/{application_id}/{interaction_token}",
        "GET /webhooks/{application_id}/{interaction_token}/messages/{message_id}",
        "PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}",
        "DELETE /webhooks/{application_id}/{interaction_token}/messages/{message_id}",
        "GET /applications/{application_id}/commands", "PUT /applications/{application_id}/commands",
        "POST /applications/{application_id}/commands",
        "GET /applications/{application_id}/guilds/{guild_id}/commands",
        "PUT /applications/{application_id}/guilds/{guild_id}/commands",
        "POST /applications/{application_id}/guilds/{guild_id}/commands",
    ]

    private static let parsed: [(method: String, template: String, segments: [Substring])] = routes.map { route in
        let parts = route.split(separator: " ", maxSplits: 1)
        let template = String(parts.count > 1 ? parts[1] : "")
        return (String(parts[0]), template, template.split(separator: "/"))
    }

    /// Strips `/api/v10` or `/api/v9`; nil for any other prefix.
    static func apiPath(_ path: String) -> String? {
        for prefix in ["/api/v10", "/api/v9"] where path == prefix || path.hasPrefix(prefix + "/") {
            let rest = String(path.dropFirst(prefix.count))
            return rest.isEmpty ? "/" : rest
        }
        return nil
    }

    /// The route for `method` and an API path (without the version prefix); literal segments win over parameters.
    static func match(method: String, path: String) -> RESTRouteMatch? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: (match: RESTRouteMatch, literals: Int)?
        for route in parsed where route.method == method && route.segments.count == segments.count {
            var parameters: [String: String] = [:]
            var literals = 0
            var matched = true
            for (pattern, segment) in zip(route.segments, segments) {
                if pattern.hasPrefix("{") {
                    let name = String(pattern.dropFirst().dropLast())
                    let value = String(segment).removingPercentEncodingSafely
                    parameters[name] = value
                } else if pattern == segment {
                    literals += 1
                } else {
                    matched = false
                    break
                }
            }
            if matched, best == nil || literals > (best?.literals ?? 0) {
                best = (RESTRouteMatch(method: method, template: route.template, parameters: parameters), literals)
            }
        }
        return best?.match
    }

    /// Whether any route exists for `path` with another method (405 rather than 404).
    static func pathExists(_ path: String) -> Bool {
        ["GET", "POST", "PUT", "PATCH", "DELETE"].contains { match(method: $0, path: path) != nil }
    }
}

extension String {
    /// The percent-decoded string, or the string itself when it is not valid percent-encoding.
    var removingPercentEncodingSafely: String {
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
