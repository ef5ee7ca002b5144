import ApusCore

extension RateLimiterState {
    /// Applies a 429 to the bucket (or the global pause) and decides the request's fate.
    mutating func tooManyRequests(
        _ response: RateLimitResponse, bucket: inout RateLimitBucket, at now: MonotonicTime
    ) -> RateLimitVerdict {
        let headers = response.headers
        let seconds: Double?
        let bodyGlobal: Bool
        switch response.tooManyRequests {
        case .json(let retryAfter, let global, _):
            bodyGlobal = global
            if let retryAfter {
                seconds = RateLimitNumber.seconds(retryAfter)
                if seconds == nil { statistics.malformedRateLimitValues += 1 }
            } else if let headerValue = headers.retryAfter {
                seconds = RateLimitNumber.seconds(headerValue)
            } else if headers.malformed.contains("retry-after") {
                seconds = nil
            } else {
                seconds = configuration.defaultRetryAfter.secondsDouble
            }
        case .malformed:
            bodyGlobal = false
            seconds = nil
            statistics.malformedRateLimitValues += 1
        case .notJSON(let excerpt):
            return .banned(imposeBan(excerpt: excerpt, retryAfter: headers.retryAfter, at: now))
        case nil:
            return .banned(imposeBan(excerpt: "(empty body)", retryAfter: headers.retryAfter, at: now))
        }
        let isGlobal = bodyGlobal || headers.isGlobal || headers.scope == "global"
        let scope: RateLimitScope = isGlobal ? .global : headers.scope == "shared" ? .shared : .user
        statistics.tooManyRequests[scope, default: 0] += 1
        let verdict: RateLimitVerdict
        let pause: Duration
        if let seconds {
            let wait = Duration.secondsDouble(seconds)
            if wait > configuration.maximumWait {
                statistics.requestsFailedForLongWaits += 1
                verdict = .failed(.waitTooLong(scope: scope, wait: wait, maximum: configuration.maximumWait))
                pause = configuration.maximumWait
            } else {
                verdict = .retry(scope: scope, retryAfter: wait)
                pause = wait
            }
        } else {
            let reason: String
            if case .malformed(let text) = response.tooManyRequests {
                reason = text
            } else if case .json(let retryAfter?, _, _) = response.tooManyRequests {
                reason = "retry_after is \(retryAfter)"
            } else {
                reason = "Retry-After header is not a number of seconds"
            }
            verdict = .failed(.malformed(reason: reason))
            pause = min(configuration.defaultRetryAfter, configuration.maximumWait)
        }
        let until = now + pause
        if isGlobal {
            globalPausedUntil = max(globalPausedUntil ?? until, until)
        } else {
            bucket.learn(from: headers, at: now, isSuccess: false, maximumWait: configuration.maximumWait)
            bucket.pausedUntil = max(bucket.pausedUntil ?? until, until)
            if scope == .user { bucket.remaining = 0 }
        }
        return verdict
    }

    mutating func imposeBan(excerpt: String, retryAfter: Double?, at now: MonotonicTime) -> RateLimitFailure {
        let failure = RateLimitFailure.cloudflareBanned(excerpt: excerpt)
        let duration = CloudflareBan.duration(retryAfter: retryAfter, defaultDuration: configuration.cloudflareBanDuration)
        cloudflareBan = CloudflareBan(failure: failure, until: now + duration, probe: nil)
        statistics.tooManyRequests[.cloudflare, default: 0] += 1
        statistics.bans += 1
        notices.append(.banned(excerpt: excerpt, duration: duration))
        return failure
    }

    mutating func refusal(at now: MonotonicTime) -> RateLimitFailure {
        .tooManyInvalidRequests(
            count: invalidRequests.count(at: now), threshold: configuration.invalidRequests.refusalThreshold,
            window: configuration.invalidRequests.window)
    }
}
