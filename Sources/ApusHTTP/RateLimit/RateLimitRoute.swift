/// Identifies a REST route for rate limiting: the HTTP method, the route template and the major parameter.
///
/// Discord limits each route per *major parameter* (the top-level resource: channel, guild, webhook id + token),
/// so `/channels/1/messages` and `/channels/2/messages` are limited independently. Every other id in the path is
/// replaced by a placeholder, so `/channels/1/messages/5` and `/channels/1/messages/6` share a limit.
///
/// ```swift
/// let route = RateLimitRoute(method: "POST", path: "/channels/123/messages")
/// // route.template == "/channels/{channel_id}/messages", route.majorParameter == "channel_id:123"
/// ```
public struct RateLimitRoute: Hashable, Sendable, CustomStringConvertible {
    /// The HTTP method in upper case (`GET`, `POST`, ...).
    public var method: String
    /// The path with every minor id replaced by a placeholder, e.g. `/channels/{channel_id}/messages/{id}`.
    public var template: String
    /// The major parameter with its kind (e.g. `channel_id:123`), or nil for routes without one.
    public var majorParameter: String?
    /// Whether the route is exempt from the global limit (interaction callbacks and follow-ups).
    public var isExemptFromGlobalLimit: Bool

    /// Creates a route from its parts.
    public init(method: String, template: String, majorParameter: String?, isExemptFromGlobalLimit: Bool = false) {
        self.method = method.uppercased()
        self.template = template
        self.majorParameter = majorParameter
        self.isExemptFromGlobalLimit = isExemptFromGlobalLimit
    }

    /// Derives the route from a concrete path relative to the API base (query string allowed and ignored).
    ///
    /// - `channels/{id}`, `guilds/{id}` make the id the major parameter;
    /// - `webhooks/{id}/{token}` makes id + token the major parameter (and is exempt from the global limit, since
    ///   interaction follow-ups use it); `webhooks/{id}` alone keeps the id;
    /// - `interactions/{id}/{token}/callback` is keyed by the interaction id and exempt from the global limit;
    /// - the segment after `reactions` (an emoji) and any numeric segment become placeholders.
    public init(method: String, path: String) {
        let pathOnly = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let segments = pathOnly.split(separator: "/").map(String.init)
        var templateSegments: [String] = []
        var major: String?
        var exempt = false
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            let previous = index > 0 ? segments[index - 1] : ""
            if index == 1, previous == "channels" || previous == "guilds" {
                major = (previous == "channels" ? "channel_id:" : "guild_id:") + segment
                templateSegments.append(previous == "channels" ? "{channel_id}" : "{guild_id}")
            } else if index == 1, previous == "webhooks" {
                if segments.count > 2 {
                    major = "webhook:" + segment + "/" + segments[2]
                    templateSegments.append("{webhook_id}")
                    templateSegments.append("{webhook_token}")
                    exempt = true
                    index += 1
                } else {
                    major = "webhook:" + segment
                    templateSegments.append("{webhook_id}")
                }
            } else if index == 1, previous == "interactions" {
                major = "interaction:" + segment
                templateSegments.append("{interaction_id}")
                if segments.count > 2 {
                    templateSegments.append("{interaction_token}")
                    index += 1
                }
                exempt = true
            } else if previous == "reactions" {
                templateSegments.append("{emoji}")
            } else if !segment.isEmpty, segment.allSatisfy({ $0.isASCII && $0.isNumber }) {
                templateSegments.append("{id}")
            } else {
                templateSegments.append(segment)
            }
            index += 1
        }
        self.init(
            method: method,
            template: "/" + templateSegments.joined(separator: "/"),
            majorParameter: major,
            isExemptFromGlobalLimit: exempt
        )
    }

    /// Whether the route answers an interaction: `/interactions/{id}/{token}/callback` and the follow-up routes
    /// `/webhooks/{application_id}/{token}...`. These stay allowed when the client refuses other requests for too
    /// many invalid requests. A path cannot tell an application's follow-up webhook from another webhook used with
    /// its token, so every token webhook route counts.
    public var isInteractionResponse: Bool {
        template.hasPrefix("/interactions/{interaction_id}") || template.hasPrefix("/webhooks/{webhook_id}/{webhook_token}")
    }

    /// Method and template, the key under which a learned bucket hash is remembered.
    public var routeKey: String { method + " " + template }

    /// The route key and its major parameter, for logs.
    public var description: String {
        majorParameter.map { "\(routeKey) [\($0)]" } ?? routeKey
    }
}
