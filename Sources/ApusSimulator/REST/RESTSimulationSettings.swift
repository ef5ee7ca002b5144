/// One row of the simulated REST API's bucket table.
public struct RESTRouteLimit: Sendable, Hashable {
    /// The route this row applies to, as `METHOD /template`, e.g. `POST /channels/{channel_id}/messages`.
    public var route: String
    /// The bucket's name; routes with the same name share a bucket (and its opaque `X-RateLimit-Bucket` hash).
    public var bucket: String
    /// Requests allowed per window (per major parameter).
    public var limit: Int
    /// The window's length.
    public var window: Duration

    /// Creates a row.
    public init(route: String, bucket: String, limit: Int, window: Duration) {
        self.route = route
        self.bucket = bucket
        self.limit = limit
        self.window = window
    }
}

/// The simulated REST API's limits and bucket table (owned by the REST side of the simulator).
public struct RESTSimulationSettings: Sendable {
    /// Per-route buckets. Routes not listed get ``defaultLimit`` per ``defaultWindow`` in a bucket of their own.
    public var routeLimits: [RESTRouteLimit] = RESTSimulationSettings.discordLikeRouteLimits
    /// Shared resource limits (`X-RateLimit-Scope: shared`): each row limits one resource (the route with all its
    /// parameters) across every caller; `bucket` is unused. Empty by default (Discord does not publish them).
    public var sharedLimits: [RESTRouteLimit] = []
    /// The limit of routes not in ``routeLimits``.
    public var defaultLimit: Int = 50
    /// The window of routes not in ``routeLimits``.
    public var defaultWindow: Duration = .seconds(1)
    /// Requests per ``globalWindow`` across all routes except interaction routes (Discord: 50 per second).
    public var globalLimit: Int = 50
    /// The global limit's window.
    public var globalWindow: Duration = .seconds(1)
    /// Invalid requests (401, 403 and 429 except shared-scope 429) tolerated per ``invalidRequestWindow`` before
    /// every request gets a Cloudflare-style HTML 429.
    public var invalidRequestThreshold: Int = 10_000
    /// The invalid-request counter's window (Discord: 10 minutes).
    public var invalidRequestWindow: Duration = .seconds(600)
    /// How long a Cloudflare ban lasts once the threshold is passed.
    public var cloudflareBanDuration: Duration = .seconds(3600)
    /// Added to `X-RateLimit-Reset` (epoch seconds) to simulate a server clock that differs from the client's.
    public var clockSkew: Duration = .zero
    /// The wall-clock time (Unix milliseconds) at time source zero; nil uses the real wall clock at start.
    public var wallClockOriginMilliseconds: UInt64? = nil
    /// Path of Discord's OpenAPI document used to validate request bodies; nil uses the corpus copy next to the
    /// checkout (`/work/shared/discord-corpus/openapi/openapi.json` relative to the source file).
    public var openAPIPath: String? = nil
    /// The most entries the request log keeps; when full, the older half is dropped.
    public var requestLogLimit: Int = 200_000
    /// Whether request bodies are validated against the OpenAPI document (when it is found).
    public var validateWithOpenAPI: Bool = true

    /// Creates the default (Discord-like) settings.
    public init() {}

    /// Discord-like defaults: message create 5 per 5 s per channel, and the other common routes.
    public static let discordLikeRouteLimits: [RESTRouteLimit] = [
        .init(route: "POST /channels/{channel_id}/messages", bucket: "message-create", limit: 5, window: .seconds(5)),
        .init(route: "PATCH /channels/{channel_id}/messages/{message_id}", bucket: "message-edit", limit: 5,
              window: .seconds(5)),
        .init(route: "DELETE /channels/{channel_id}/messages/{message_id}", bucket: "message-delete", limit: 5,
              window: .seconds(1)),
        .init(route: "POST /channels/{channel_id}/messages/bulk-delete", bucket: "message-bulk-delete", limit: 1,
              window: .seconds(1)),
        .init(route: "GET /channels/{channel_id}/messages", bucket: "message-read", limit: 5, window: .seconds(1)),
        .init(route: "GET /channels/{channel_id}/messages/{message_id}", bucket: "message-read", limit: 5,
              window: .seconds(1)),
        .init(route: "POST /channels/{channel_id}/typing", bucket: "typing", limit: 5, window: .seconds(5)),
        .init(route: "PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", bucket: "reactions",
              limit: 1, window: .milliseconds(250)),
        .init(route: "DELETE /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", bucket: "reactions",
              limit: 1, window: .milliseconds(250)),
        .init(route: "DELETE /channels/{channel_id}/messages/{message_id}/reactions/{emoji}/{user_id}",
              bucket: "reactions", limit: 1, window: .milliseconds(250)),
        .init(route: "PATCH /guilds/{guild_id}/members/{user_id}", bucket: "member-edit", limit: 10,
              window: .seconds(10)),
        .init(route: "PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}", bucket: "member-roles", limit: 10,
              window: .seconds(10)),
        .init(route: "DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}", bucket: "member-roles", limit: 10,
              window: .seconds(10)),
        .init(route: "PUT /guilds/{guild_id}/bans/{user_id}", bucket: "bans", limit: 5, window: .seconds(5)),
        .init(route: "DELETE /guilds/{guild_id}/bans/{user_id}", bucket: "bans", limit: 5, window: .seconds(5)),
        .init(route: "POST /interactions/{interaction_id}/{interaction_token}/callback", bucket: "interaction-callback",
              limit: 5, window: .seconds(1)),
        .init(route: "POST /webhooks/{application_id}/{interaction_token}", bucket: "interaction-webhook", limit: 5,
              window: .seconds(1)),
    ]

    /// The row for `route` (`METHOD /template`), if listed.
    public func limit(for route: String) -> RESTRouteLimit? {
        routeLimits.first { $0.route == route }
    }
}
