import ApusCompression
import ApusCore
import NIOCore
import NIOWebSocket

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The NIO driver of one gateway WebSocket connection: it feeds client messages to a
/// ``GatewayConnectionStateMachine``, performs the actions, compresses outgoing payloads, performs faults and
/// records everything in the wire log. Runs on its channel's event loop only.
final class GatewayConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let gateway: SimulatorGateway
    private let settings: GatewaySimulationSettings
    private let compression: TransportCompression
    private let path: String
    private let version: Int
    private let refusal: GatewayCloseFailure?
    private var machine: GatewayConnectionStateMachine
    private var connectionID = 0
    private var zlib: ZlibStreamDeflater?
    private var zstd: ZstdStreamCompressor?
    private var context: ChannelHandlerContext?
    private var closeSent = false
    private var ended = false

    /// Creates the driver; `refusal` closes the connection right after the upgrade (e.g. 4012 for a bad `v`).
    init(
        gateway: SimulatorGateway, configuration: SimulatorConfiguration, compression: TransportCompression,
        path: String, version: Int, refusal: GatewayCloseFailure?
    ) {
        self.gateway = gateway
        settings = configuration.gateway
        self.compression = compression
        self.path = path
        self.version = version
        self.refusal = refusal
        machine = GatewayConnectionStateMachine(limits: .init(configuration: configuration))
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let sink = ConnectionSink(handler: NIOLoopBound(self, eventLoop: context.eventLoop), eventLoop: context.eventLoop)
        connectionID = gateway.register(sink: sink, path: path, compression: compression.rawValue, version: version)
        do {
            switch compression {
            case .zlibStream: zlib = try ZlibStreamDeflater()
            case .zstdStream: zstd = try ZstdStreamCompressor()
            case .none: break
            }
        } catch {
            sendClose(code: GatewayCloseCode.unknownError, reason: "compression unavailable")
            return
        }
        if let refusal {
            sendClose(code: refusal.code, reason: refusal.reason)
            return
        }
        write([gateway.helloFrame()])
    }

    func channelInactive(context: ChannelHandlerContext) {
        machine.markClosed()
        if !ended {
            ended = true
            gateway.connectionEnded(connectionID, closeCode: nil, closedBy: "tcp")
        }
        self.context = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary:
            var data = frame.unmaskedData
            let bytes = data.readBytes(length: data.readableBytes) ?? []
            receive(bytes)
        case .connectionClose:
            receiveClose(frame)
        case .ping:
            var payload = frame.unmaskedData
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: payload.readSlice(length: payload.readableBytes) ?? ByteBuffer())
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        default:
            break
        }
    }

    // MARK: - Inbound

    private func receive(_ bytes: [UInt8]) {
        guard !closeSent else { return }
        let now = gateway.timeSource.now()
        let actions = machine.receive(bytes, at: now)
        recordInbound(bytes, actions: actions)
        perform(actions)
    }

    private func recordInbound(_ bytes: [UInt8], actions: [GatewayConnectionStateMachine.Action]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var opcode: Int?
        var clientSequence: Int?
        var sessionID: String?
        var identify: IdentifyRequest?
        for action in actions {
            switch action {
            case .acknowledgeHeartbeat(let sequence): opcode = 1; clientSequence = sequence
            case .identify(let request): opcode = 2; identify = request
            case .resume(let request): opcode = 6; clientSequence = request.sequence; sessionID = request.sessionID
            case .requestGuildMembers: opcode = 8
            case .ignore(let op): opcode = op
            default: break
            }
        }
        if opcode == nil, case .success(let payload) = GatewayClientPayload.decode(bytes) { opcode = payload.opcode }
        gateway.record(connectionID: connectionID, direction: .clientToServer, kind: .payload, opcode: opcode,
                       clientSequence: clientSequence, sessionID: sessionID, identify: identify, text: text)
    }

    private func perform(_ actions: [GatewayConnectionStateMachine.Action]) {
        for action in actions {
            switch action {
            case .acknowledgeHeartbeat:
                if gateway.heartbeatReceived(connectionID) { write([gateway.vary(GatewayFrames.heartbeatACK)]) }
            case .identify(let request):
                perform(machine.authenticated(gateway.identify(connectionID: connectionID, request: request)))
            case .resume(let request):
                perform(machine.authenticated(gateway.resume(connectionID: connectionID, request: request)))
            case .requestGuildMembers(let request, let sessionID):
                gateway.requestGuildMembers(sessionID: sessionID, request: request)
            case .sendInvalidSession(let resumable):
                write([gateway.vary(GatewayFrames.invalidSession(resumable: resumable))])
            case .ignore:
                break
            case .close(let code, let reason):
                sendClose(code: code, reason: reason)
            }
        }
    }

    private func receiveClose(_ frame: WebSocketFrame) {
        var data = frame.unmaskedData
        let code = data.readInteger(as: UInt16.self).map(Int.init)
        gateway.record(connectionID: connectionID, direction: .clientToServer, kind: .close, closeCode: code,
                       text: data.readString(length: data.readableBytes) ?? "")
        machine.markClosed()
        if closeSent {
            // The client's answer to our close (or a close after a fault): the handshake is complete.
            context?.close(promise: nil)
            return
        }
        if let code { gateway.countClose(code: code, byServer: false) }
        closeSent = true
        if !ended {
            ended = true
            gateway.connectionEnded(connectionID, closeCode: code ?? 1005, closedBy: "client")
        }
        guard let context else { return }
        var echo = context.channel.allocator.buffer(capacity: 2)
        if let code { echo.writeInteger(UInt16(truncatingIfNeeded: code)) }
        let closeFrame = WebSocketFrame(fin: true, opcode: .connectionClose, data: echo)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(closeFrame)).whenComplete { _ in channel.close(promise: nil) }
    }

    // MARK: - Outbound

    /// Sends frames, transport-compressed, and records them.
    func write(_ frames: [OutboundGatewayFrame]) {
        guard let context, !closeSent else { return }
        for frame in frames {
            gateway.record(connectionID: connectionID, direction: .serverToClient, kind: .payload,
                           opcode: frame.opcode, eventName: frame.eventName, sequence: frame.sequence, text: frame.text)
            let bytes = Array(frame.text.utf8)
            do {
                if let zlib {
                    let compressed = try zlib.compress(bytes)
                    let parts = max(1, min(settings.zlibSplitFrames, compressed.count))
                    let size = (compressed.count + parts - 1) / parts
                    var offset = 0
                    while offset < compressed.count {
                        let end = min(compressed.count, offset + size)
                        writeMessage(Array(compressed[offset..<end]), opcode: .binary, context: context)
                        offset = end
                    }
                } else if let zstd {
                    writeMessage(try zstd.compress(bytes), opcode: .binary, context: context)
                } else {
                    writeMessage(bytes, opcode: .text, context: context)
                }
            } catch {
                sendClose(code: GatewayCloseCode.unknownError, reason: "compression failed")
                return
            }
        }
        context.flush()
    }

    private func writeMessage(_ bytes: [UInt8], opcode: WebSocketOpcode, context: ChannelHandlerContext) {
        let buffer = context.channel.allocator.buffer(bytes: bytes)
        context.write(wrapOutboundOut(WebSocketFrame(fin: true, opcode: opcode, data: buffer)), promise: nil)
    }

    /// Sends a close frame, detaches the session (kept resumable), and drops TCP if the client does not answer.
    func sendClose(code: Int, reason: String) {
        guard let context, !closeSent else { return }
        closeSent = true
        machine.markClosed()
        gateway.record(connectionID: connectionID, direction: .serverToClient, kind: .close, closeCode: code, text: reason)
        gateway.countClose(code: code, byServer: true)
        if !ended {
            ended = true
            gateway.connectionEnded(connectionID, closeCode: code, closedBy: "server")
        }
        var buffer = context.channel.allocator.buffer(capacity: 2 + reason.utf8.count)
        buffer.writeInteger(UInt16(truncatingIfNeeded: code))
        buffer.writeString(String(reason.prefix(100)))
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: buffer)), promise: nil)
        let channel = context.channel
        context.eventLoop.scheduleTask(in: .nanoseconds(settings.closeHandshakeTimeout.nanosecondsClamped)) {
            channel.close(promise: nil)
        }
    }

    /// Performs a fault.
    func perform(_ fault: GatewayFault) {
        guard let context, !closeSent else { return }
        switch fault {
        case .dropHeartbeatACKs, .unknownDispatch, .garbageDispatch, .helloHeartbeatInterval:
            break  // handled by the shared state
        case .requestHeartbeat:
            write([gateway.vary(GatewayFrames.heartbeatRequest)])
        case .reconnect:
            write([gateway.vary(GatewayFrames.reconnect)])
        case .invalidSession(let resumable):
            if !resumable {
                gateway.invalidateSession(ofConnection: connectionID)
                machine.sessionInvalidated()
            }
            write([gateway.vary(GatewayFrames.invalidSession(resumable: resumable))])
        case .close(let code, let reason):
            sendClose(code: code, reason: reason)
        case .cutTCP:
            gateway.record(connectionID: connectionID, direction: .serverToClient, kind: .raw, text: "cut TCP")
            closeSent = true
            machine.markClosed()
            let channel = context.channel
            // SO_LINGER 0 turns the close into a TCP reset, the harshest way to vanish.
            if let provider = channel as? any SocketOptionProvider {
                provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
            } else {
                channel.close(promise: nil)
            }
        case .sendRawText(let text):
            gateway.record(connectionID: connectionID, direction: .serverToClient, kind: .raw, text: text)
            writeMessage(Array(text.utf8), opcode: .text, context: context)
            context.flush()
        case .sendRawBinary(let bytes):
            gateway.record(connectionID: connectionID, direction: .serverToClient, kind: .raw,
                           text: "binary \(bytes.count) bytes")
            writeMessage(bytes, opcode: .binary, context: context)
            context.flush()
        case .sendCorruptCompressed:
            sendCorruptCompressed(context: context)
        case .endCompressedStream(let text):
            guard let zlib, let ended = try? zlib.finish(Array(text.utf8)) else {
                sendCorruptCompressed(context: context)
                return
            }
            let bytes = ended + [0x00, 0x00, 0xFF, 0xFF]
            gateway.record(connectionID: connectionID, direction: .serverToClient, kind: .raw,
                           text: "zlib stream end + 00 00 FF FF, \(bytes.count) bytes: \(text)")
            writeMessage(bytes, opcode: .binary, context: context)
            context.flush()
        }
    }

    private func sendCorruptCompressed(context: ChannelHandlerContext) {
        // 0x07 starts a deflate block / zstd block of the reserved type 3; zlib needs the sync-flush suffix
        // for the client to treat it as a complete message.
        let bytes: [UInt8] = compression == .zstdStream
            ? [0x07, 0xFF, 0xFF, 0xFF, 0x13, 0x37]
            : [0x07, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0xFF, 0xFF]
        gateway.record(connectionID: connectionID, direction: .serverToClient, kind: .raw,
                       text: "corrupt \(compression.rawValue) \(bytes.count) bytes")
        writeMessage(bytes, opcode: .binary, context: context)
        context.flush()
    }
}

/// The Sendable face of a ``GatewayConnectionHandler``: hops to its event loop, preserving call order.
struct ConnectionSink: GatewayConnectionSink {
    let handler: NIOLoopBound<GatewayConnectionHandler>
    let eventLoop: any EventLoop

    func deliver(_ frames: [OutboundGatewayFrame]) {
        eventLoop.execute { handler.value.write(frames) }
    }

    func perform(_ fault: GatewayFault) {
        eventLoop.execute { handler.value.perform(fault) }
    }
}
