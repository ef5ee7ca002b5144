import ApusCore
import Logging
import Synchronization

/// The operator-facing log lines of one shard (connects, identifies, resumes, disconnects with what happens next,
/// broken streams, undecodable events), each kind rate-limited so that a reconnect storm or a flood of bad events
/// costs a few lines a minute, with a count of what was held back.
final class ShardEventLog: Sendable {
    /// A family of log lines sharing one rate limit.
    enum Kind: Hashable, Sendable {
        case connect, identify, resume, live, disconnect, failedConnection, brokenHello, brokenStream, undecodable, gatewayURL
    }

    /// Lines of one kind let through per minute.
    static let linesPerMinute = 10

    private let logger: Logger
    private let timeSource: any TimeSource
    private let limiters = Mutex<[Kind: LogRateLimiter]>([:])

    init(logger: Logger, timeSource: any TimeSource) {
        self.logger = logger
        self.timeSource = timeSource
    }

    /// Logs `message` at `level` unless this kind's budget for the current minute is spent.
    func log(_ kind: Kind, _ level: Logger.Level, _ message: @autoclosure () -> String) {
        guard logger.logLevel <= level else { return }
        let now = timeSource.now()
        let (allowed, suppressed) = limiters.withLock { limiters in
            limiters[kind, default: LogRateLimiter(limit: Self.linesPerMinute, window: .seconds(60))].admit(now: now)
        }
        guard allowed else { return }
        let text = suppressed > 0 ? "\(message()) (\(suppressed) similar lines suppressed)" : message()
        logger.log(level: level, "\(text)")
    }

    /// A duration for a log line: `1.25 s`, `250 ms`.
    static func describe(_ duration: Duration) -> String {
        let seconds = duration.secondsDouble
        if abs(seconds) < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        return "\((seconds * 100).rounded() / 100) s"
    }
}
