import ApusCore

/// A Cloudflare-style ban in force: everything fails until `until`; then exactly one request, the probe, goes out,
/// and its answer lifts the ban (any response that is not another ban) or renews it.
struct CloudflareBan: Sendable {
    /// The failure reported to callers while the ban lasts.
    var failure: RateLimitFailure
    /// When the probe may go out.
    var until: MonotonicTime
    /// The probe in flight, if any.
    var probe: RateLimitRequestID?

    /// How long a ban lasts: the 429's `Retry-After` when it has a usable one, otherwise `defaultDuration`, and
    /// never longer than `defaultDuration` (a probe after an hour costs one request; a ban read from an absurd
    /// header would stop the client for good).
    static func duration(retryAfter: Double?, defaultDuration: Duration) -> Duration {
        guard let retryAfter, let seconds = RateLimitNumber.seconds(retryAfter) else { return defaultDuration }
        return Duration.secondsDouble(seconds).clamped(to: .zero...defaultDuration)
    }

    /// Whether requests must fail at once at `now` (the ban's time has not passed).
    func rejects(at now: MonotonicTime) -> Bool {
        now < until
    }
}
