/// A batch of requests for ``SimulatorREST/minimumWallTime(for:)``: `requestsPerParameter` requests to `route`
/// for each of `parameterCount` distinct major parameters (e.g. 20 message sends in each of 100 channels).
public struct RESTWorkload: Sendable, Hashable {
    /// `METHOD /template`, e.g. `POST /channels/{channel_id}/messages`.
    public var route: String
    /// How many distinct major parameters (channels, guilds…) the requests spread over.
    public var parameterCount: Int
    /// Requests per major parameter.
    public var requestsPerParameter: Int

    /// Creates a workload.
    public init(route: String, parameterCount: Int, requestsPerParameter: Int) {
        self.route = route
        self.parameterCount = parameterCount
        self.requestsPerParameter = requestsPerParameter
    }

    /// `perChannel` message sends in each of `channels` channels.
    public static func messageSends(perChannel: Int, channels: Int) -> RESTWorkload {
        RESTWorkload(route: "POST /channels/{channel_id}/messages", parameterCount: channels, requestsPerParameter: perChannel)
    }

    /// The least time from the first request to the last one, when all are ready at time zero and a client sends
    /// each one as soon as its bucket and the global limit allow (buckets are per route bucket and major
    /// parameter; each window starts at its first request, as in the simulator).
    ///
    /// Computed by simulating the limits event by event: at each moment every queue sends what its bucket and the
    /// global window allow (longest queues first), then time jumps to the next window reset.
    static func minimumWallTime(for workload: [RESTWorkload], settings: RESTSimulationSettings) -> Duration {
        struct Queue {
            var bucket: String
            var limit: Int
            var window: Duration
            var pending: Int
            var windowStart: Duration?
            var used = 0
            var exemptFromGlobal: Bool
        }
        var queues: [Queue] = []
        for item in workload where item.parameterCount > 0 && item.requestsPerParameter > 0 {
            let row = settings.limit(for: item.route)
            let isInteraction = item.route.contains(" /interactions/") || item.route.contains(" /webhooks/")
            for parameter in 0..<item.parameterCount {
                queues.append(Queue(
                    bucket: "\(row?.bucket ?? item.route)|\(parameter)", limit: max(1, row?.limit ?? settings.defaultLimit),
                    window: row?.window ?? settings.defaultWindow, pending: item.requestsPerParameter,
                    exemptFromGlobal: isInteraction))
            }
        }
        // Queues of the same route and parameter share one bucket: merge them.
        var merged: [String: Queue] = [:]
        for queue in queues {
            if var existing = merged[queue.bucket] {
                existing.pending += queue.pending
                merged[queue.bucket] = existing
            } else {
                merged[queue.bucket] = queue
            }
        }
        queues = merged.values.sorted { $0.bucket < $1.bucket }
        let globalLimit = max(1, settings.globalLimit)
        var globalStart: Duration?
        var globalUsed = 0
        var now = Duration.zero
        var last = Duration.zero
        var steps = 0
        while queues.contains(where: { $0.pending > 0 }), steps < 10_000_000 {
            steps += 1
            if let start = globalStart, now >= start + settings.globalWindow { globalStart = nil; globalUsed = 0 }
            let order = queues.indices.sorted { queues[$0].pending > queues[$1].pending }
            var sentAny = false
            for index in order where queues[index].pending > 0 {
                if let start = queues[index].windowStart, now >= start + queues[index].window {
                    queues[index].windowStart = nil
                    queues[index].used = 0
                }
                var room = queues[index].limit - queues[index].used
                if !queues[index].exemptFromGlobal { room = min(room, globalLimit - globalUsed) }
                let sending = min(room, queues[index].pending)
                guard sending > 0 else { continue }
                if queues[index].windowStart == nil { queues[index].windowStart = now }
                if !queues[index].exemptFromGlobal {
                    if globalStart == nil { globalStart = now }
                    globalUsed += sending
                }
                queues[index].used += sending
                queues[index].pending -= sending
                sentAny = true
            }
            if sentAny { last = now }
            // Jump to the next moment something frees up.
            var next: Duration?
            for queue in queues where queue.pending > 0 {
                if let start = queue.windowStart, queue.used >= queue.limit {
                    next = min(next ?? start + queue.window, start + queue.window)
                }
            }
            if let start = globalStart, globalUsed >= globalLimit {
                next = min(next ?? start + settings.globalWindow, start + settings.globalWindow)
            }
            guard let next, next > now else { if !sentAny { break } else { continue } }
            now = next
        }
        return last
    }
}

extension RESTSimulationSettings {
    /// The least time these settings' bucket table and global limit allow for `workload` (all requests ready at
    /// time zero); the same answer as ``SimulatorREST/minimumWallTime(for:)`` without a simulator instance.
    public func minimumWallTime(for workload: [RESTWorkload]) -> Duration {
        RESTWorkload.minimumWallTime(for: workload, settings: self)
    }
}
