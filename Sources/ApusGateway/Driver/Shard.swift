import ApusCompression
import ApusCore
import ApusModel
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import NIOWebSocket
import Synchronization
import WSClient

/// One gateway shard: the ``ShardStateMachine`` plus a WebSocket driver that performs its actions.
///
/// ```swift
/// let shard = Shard(configuration: config, identifyQueue: queue, distributor: distributor)
/// let messages = distributor.subscribe(to: [.messageCreate])
/// Task { try await shard.run() }            // runs until stop() or a fatal close
/// while let batch = await messages.nextBatch() { … }
/// ```
/// Control frames (HELLO, heartbeats, ACKs, op 7, op 9) are handled on the reader before any event is queued, and a
/// reader blocked by a full ``OverflowPolicy/wait`` queue suspends zombie detection, so a slow handler can never
/// cause a false zombie close.
public final class Shard: Sendable {
    /// The shard's settings.
    public let configuration: ShardConfiguration
    let machine: Mutex<ShardStateMachine>
    private let identifyQueue: any IdentifyQueue
    private let distributor: EventDistributor
    private let timeSource: any TimeSource
    private let logger: Logger
    let events: ShardEventLog
    private let sleeper: DeadlineSleeper
    private let outbound = Mutex<AsyncStream<OutboundFrame>.Continuation?>(nil)
    let totals = Mutex(InboundCounters())
    /// The wait for an identify permit of the open connection, cancelled when the connection ends so that a dead
    /// connection never spends the identify budget.
    private let permitTask = Mutex<Task<Void, Never>?>(nil)
    let refreshingURL = Mutex(false)

    /// Creates a shard. `session` resumes a session exported by an earlier process.
    public init(
        configuration: ShardConfiguration,
        identifyQueue: any IdentifyQueue,
        distributor: EventDistributor,
        session: GatewaySession? = nil,
        timeSource: any TimeSource = SystemTimeSource(),
        random: SeededRandom = SeededRandom(),
        logger: Logger = Logger(label: "apus.gateway")
    ) {
        self.configuration = configuration
        let machineConfiguration = ShardStateMachine.Configuration(
            shardID: configuration.shardID, shardCount: configuration.shardCount,
            gatewayURL: configuration.gatewayURL, query: configuration.query, timings: configuration.timings
        )
        self.machine = Mutex(ShardStateMachine(configuration: machineConfiguration, session: session, random: random))
        self.identifyQueue = identifyQueue
        self.distributor = distributor
        self.timeSource = timeSource
        var logger = logger
        logger[metadataKey: "shard"] = "\(configuration.shardID)"
        self.logger = logger
        self.events = ShardEventLog(logger: logger, timeSource: timeSource)
        self.sleeper = DeadlineSleeper(timeSource: timeSource)
    }

    // MARK: Public API

    /// The largest gateway command Discord accepts.
    public static let maximumPayloadSize = 4096

    /// The inbound counters over every connection so far.
    public var inboundCounters: InboundCounters { totals.withLock { $0 } }

    /// The state machine's counters (heartbeats, zombies, identifies, resumes, connections).
    public var counters: ShardStateMachine.Counters { machine.withLock { $0.counters } }

    /// The current phase.
    public var phase: ShardStateMachine.Phase { machine.withLock { $0.phase } }

    /// The gateway URL the shard IDENTIFYs on (the configured one, or a fresh one after repeated failures).
    public var gatewayURL: String { machine.withLock { $0.gatewayURL } }

    /// The round trip of the last acknowledged heartbeat.
    public var latency: Duration? { machine.withLock { $0.latency } }

    /// The session to save before a restart so that the next process can resume it.
    public func exportSession() -> GatewaySession? {
        machine.withLock { $0.exportSession() }
    }

    /// Sends a gateway command (presence update, member request, voice state) behind the 120-per-minute budget.
    public func send(payload: [UInt8]) throws(GatewayError) {
        guard payload.count <= Self.maximumPayloadSize else {
            throw .payloadTooLarge(size: payload.count, limit: Self.maximumPayloadSize)
        }
        let now = timeSource.now()
        let actions = try machine.withLock { machine throws(GatewayError) in try machine.enqueue(payload: payload, now: now) }
        perform(actions)
        sleeper.signal()
    }

    /// Stops the shard. With `keepSessionResumable`, the socket closes with a non-1000 code and
    /// ``exportSession()`` gives a session a new process can resume.
    public func stop(keepSessionResumable: Bool = false) {
        let now = timeSource.now()
        let actions = machine.withLock { $0.stop(keepSessionResumable: keepSessionResumable, now: now) }
        perform(actions)
        sleeper.signal()
    }

    /// Runs the shard until it is stopped (returns) or a fatal close stops it (throws ``GatewayError``). The
    /// distributor is shared by shards, so its owner (not the shard) finishes it.
    public func run() async throws {
        var pending = machine.withLock { $0.start(now: timeSource.now()) }
        while true {
            while !pending.isEmpty {
                let action = pending.removeFirst()
                switch action {
                case .connect(let url):
                    events.log(.connect, .info, "connecting to \(url)")
                    let closeCode = await runConnection(url: url)
                    let now = timeSource.now()
                    let (actions, plan, sent) = machine.withLock { machine in
                        let sent = machine.closeCodeSent
                        return (machine.connectionClosed(code: closeCode, now: now), machine.lastReconnectPlan, sent)
                    }
                    logDisconnect(code: closeCode, sentByShard: sent, plan: plan)
                    pending = actions
                case .stopped(let error):
                    if let error {
                        logger.error("shard stopped: \(error)")
                        throw error
                    }
                    return
                default:
                    perform([action])
                }
            }
            if machine.withLock({ $0.phase == .stopped }) { return }
            if Task.isCancelled {
                let now = timeSource.now()
                pending = machine.withLock { $0.stop(keepSessionResumable: true, now: now) }
                continue
            }
            let now = timeSource.now()
            let deadline = machine.withLock { $0.nextDeadline(now: now) }
            await sleeper.sleep(until: deadline)
            let later = timeSource.now()
            pending = machine.withLock { $0.tick(now: later) }
        }
    }

    // MARK: Connection

    /// Opens one WebSocket and runs it until it closes; returns the server's close code, nil for a drop.
    private func runConnection(url: String) async -> UInt16? {
        var configuration = WebSocketClientConfiguration()
        configuration.maxFrameSize = max(1 << 20, min(self.configuration.maximumMessageSize, 1 << 26))
        configuration.closeTimeout = self.configuration.timings.closeTimeout
        configuration.autoPing = .disabled
        configuration.validateUTF8 = false
        let tls: TLSConfiguration? = url.hasPrefix("wss:") ? TLSConfiguration.makeClientConfiguration() : nil
        let client = WebSocketClient(
            url: url, configuration: configuration, tlsConfiguration: tls, logger: logger
        ) { [self] inbound, outbound, _ in
            try await handleConnection(inbound: inbound, outbound: outbound)
        }
        do {
            let closeFrame = try await client.run()
            return closeFrame.map { UInt16(webSocketErrorCode: $0.closeCode) }
        } catch {
            logger.debug("connection ended: \(error)")
            return nil
        }
    }

    private struct CloseRequested: Error {}

    private func handleConnection(inbound: WebSocketInboundStream, outbound writer: WebSocketOutboundWriter) async throws {
        let (stream, continuation) = AsyncStream<OutboundFrame>.makeStream()
        outbound.withLock { $0 = continuation }
        defer {
            outbound.withLock { $0 = nil }
            continuation.finish()
            permitTask.withLock { task in
                task?.cancel()
                task = nil
            }
        }
        let now = timeSource.now()
        perform(machine.withLock { $0.connectionOpened(now: now) })

        try await withThrowingTaskGroup(of: Void.self) { group in
            // The only writer: frames go out in the order actions produced them.
            group.addTask {
                for await frame in stream {
                    switch frame {
                    case .text(let bytes):
                        try await writer.writeTextMessage(String(decoding: bytes, as: UTF8.self))
                    case .close(let code):
                        try await writer.close(WebSocketErrorCode(codeNumber: Int(code)), reason: nil)
                        throw CloseRequested()
                    }
                }
            }
            // Timers: heartbeats, timeouts, queued payloads.
            group.addTask { [self] in
                while !Task.isCancelled {
                    let now = timeSource.now()
                    let deadline = machine.withLock { $0.nextDeadline(now: now) }
                    await sleeper.sleep(until: deadline)
                    let later = timeSource.now()
                    perform(machine.withLock { $0.tick(now: later) })
                }
            }
            // The reader.
            group.addTask { [self] in
                let pipeline = try InboundPipeline(
                    shardID: configuration.shardID, compression: configuration.compression,
                    maximumMessageSize: configuration.maximumMessageSize, distributor: distributor
                )
                try await readLoop(inbound: inbound, pipeline: pipeline)
            }
            do {
                try await group.next()
            } catch is CloseRequested {
            }
            group.cancelAll()
        }
    }

    func handle(_ item: InboundItem) async throws {
        let now = timeSource.now()
        switch item {
        case .hello(let interval):
            let (actions, accepted) = machine.withLock { machine in
                (machine.receivedHello(heartbeatInterval: interval, now: now), machine.acceptsHeartbeatInterval(interval))
            }
            if !accepted {
                let timings = configuration.timings
                events.log(.brokenHello, .warning,
                           "HELLO's heartbeat_interval \(ShardEventLog.describe(interval)) is outside "
                           + "\(ShardEventLog.describe(timings.minimumHeartbeatInterval))..."
                           + "\(ShardEventLog.describe(timings.maximumHeartbeatInterval)); closing and reconnecting")
            }
            perform(actions)
        case .heartbeatRequest:
            perform(machine.withLock { $0.receivedHeartbeatRequest(now: now) })
        case .heartbeatACK:
            perform(machine.withLock { $0.receivedHeartbeatACK(now: now) })
        case .reconnect:
            perform(machine.withLock { $0.receivedReconnect(now: now) })
        case .invalidSession(let resumable):
            perform(machine.withLock { $0.receivedInvalidSession(resumable: resumable, now: now) })
        case .dispatch(let sequence, let kind, let delivery, let lifecycle):
            switch lifecycle {
            case .ready(let sessionID, let url):
                perform(machine.withLock {
                    $0.receivedReady(sessionID: sessionID, resumeGatewayURL: url, sequence: sequence, now: now)
                })
                events.log(.live, .info, "READY: session \(sessionID) is live")
            case .resumed:
                machine.withLock { $0.receivedDispatch(sequence: sequence) }
                perform(machine.withLock { $0.receivedResumed(now: now) })
                events.log(.live, .info, "RESUMED: the session is live again at sequence \(sequence.map(String.init) ?? "none")")
            case nil:
                machine.withLock { $0.receivedDispatch(sequence: sequence) }
            }
            // The synchronous offer is the common case; only a full queue costs an asynchronous wait.
            if let delivery, let pending = distributor.offer(delivery, kind: kind) {
                await distributor.complete(pending) { stalled in
                    machine.withLock { $0.readerStalled(stalled) }
                }
            }
        case .ignored:
            break
        case .broken(let reason):
            events.log(.brokenStream, .warning, "closing a broken stream (with a resumable code) and reconnecting: \(reason.prefix(300))")
            perform(machine.withLock { $0.receivedUndecodableFrame(now: now) })
        }
        sleeper.signal()
    }

    // MARK: Actions

    private func perform(_ actions: [ShardStateMachine.Action]) {
        for action in actions {
            switch action {
            case .sendHeartbeat(let sequence):
                write(.text(GatewayCommandEncoding.heartbeat(sequence: sequence)))
            case .sendIdentify:
                events.log(.identify, .info, "identifying as shard \(configuration.shardID) of \(configuration.shardCount)")
                write(.text(GatewayCommandEncoding.identify(configuration)))
            case .sendResume(let session):
                events.log(.resume, .info,
                           "resuming session \(session.sessionID) at sequence \(session.sequence.map(String.init) ?? "none")")
                write(.text(GatewayCommandEncoding.resume(token: configuration.token, session: session)))
            case .sendPayload(let bytes):
                write(.text(bytes))
            case .close(let code):
                write(.close(code: code))
            case .requestIdentifyPermit:
                let shardID = configuration.shardID
                let task = Task { [self] in
                    do {
                        try await identifyQueue.waitForTurn(shardID: shardID)
                    } catch {
                        return
                    }
                    let now = timeSource.now()
                    perform(machine.withLock { $0.identifyPermitted(now: now) })
                    sleeper.signal()
                }
                permitTask.withLock { previous in
                    previous?.cancel()
                    previous = task
                }
            case .refreshGatewayURL:
                refreshGatewayURL()
            case .connect, .stopped:
                // Handled by run(); a connect or stop cannot come out of a frame or tick on an open connection.
                break
            }
        }
    }

    private func write(_ frame: OutboundFrame) {
        _ = outbound.withLock { $0?.yield(frame) }
    }
}

extension UInt16 {
    init(webSocketErrorCode code: WebSocketErrorCode) {
        var buffer = ByteBuffer()
        buffer.write(webSocketErrorCode: code)
        self = buffer.readInteger(as: UInt16.self) ?? 1005
    }
}
