import ApusCore
import Logging

/// The shard's reconnect side: what it tells operators after a connection ended, and the fresh gateway URL it asks
/// for when connections keep failing.
extension Shard {
    func logDisconnect(code: UInt16?, sentByShard: UInt16?, plan: ShardStateMachine.ReconnectPlan?) {
        let closed = if let sentByShard {
            "closed by the shard with \(sentByShard)"
        } else if let code {
            "close code \(code): \(CloseCodePolicy.explanation(for: code))"
        } else {
            "no close frame"
        }
        guard let plan else {
            events.log(.disconnect, .info, "disconnected (\(closed)); stopping")
            return
        }
        let when = plan.delay > .zero ? "in \(ShardEventLog.describe(plan.delay))" : "now"
        let next = switch plan.next {
        case .resume: "will resume \(when)"
        case .identify: "will identify \(when)"
        case .stop: "stopping"
        }
        if plan.failed {
            events.log(.failedConnection, .warning, "connection failed before READY/RESUMED (\(closed)); \(next)")
        } else {
            events.log(.disconnect, code == 1000 || code == 1001 ? .info : .warning, "disconnected (\(closed)); \(next)")
        }
    }

    /// Asks the configured provider for a fresh gateway URL (one request at a time) and hands it to the state
    /// machine; the reconnect in progress does not wait for it.
    func refreshGatewayURL() {
        guard let provider = configuration.gatewayURLProvider else {
            events.log(.gatewayURL, .warning, "connections to \(gatewayURL) keep failing; no gateway URL provider is configured, retrying it with backoff")
            return
        }
        let alreadyRunning = refreshingURL.withLock { running in
            defer { running = true }
            return running
        }
        guard !alreadyRunning else { return }
        events.log(.gatewayURL, .warning, "connections to \(gatewayURL) keep failing; asking for a fresh gateway URL")
        Task { [self] in
            defer { refreshingURL.withLock { $0 = false } }
            do {
                let url = try await provider()
                if machine.withLock({ $0.gatewayURLRefreshed(url) }) {
                    events.log(.gatewayURL, .info, "using the fresh gateway URL \(url)")
                } else {
                    events.log(.gatewayURL, .error, "the gateway URL provider returned an unusable URL (\(url.prefix(200))); keeping \(gatewayURL)")
                }
            } catch {
                events.log(.gatewayURL, .error, "could not get a fresh gateway URL: \(error); keeping \(gatewayURL)")
            }
        }
    }
}
