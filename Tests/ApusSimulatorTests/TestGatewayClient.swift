import ApusCompression
import Foundation
import Logging
import NIOCore
import Synchronization
import WSClient

/// A deliberately simple gateway client for testing the simulator: it sends what the test says, decompresses what
/// arrives, and reports the server's close code. It implements no protocol logic of its own.
final class TestGatewayClient: Sendable {
    /// Something the client received.
    enum Event: Sendable, Equatable {
        /// A complete gateway message (decompressed), as text.
        case message(String)
        /// Bytes that could not be decompressed.
        case undecodable(String)
        /// The connection ended; the server's close code, if it sent a close frame.
        case closed(code: Int?)
    }

    private enum Command: Sendable {
        case send(String)
        case sendBinary([UInt8])
        case close(code: Int)
    }

    private let queue: EventQueue
    private let commands: AsyncStream<Command>.Continuation
    private let task: Task<Void, Never>

    /// Connects to `url` (`ws://…/?v=10&encoding=json&compress=…`).
    init(url: String, compression: TransportCompression = .none) {
        let (commandStream, commands) = AsyncStream<Command>.makeStream()
        self.commands = commands
        let eventSink = EventQueue()
        queue = eventSink
        task = Task {
            let logger = Logger(label: "apus.test.gateway-client")
            var closeCode: Int?
            do {
                let closeFrame = try await WebSocketClient.connect(
                    url: url, configuration: .init(maxFrameSize: 1 << 24), logger: logger
                ) { inbound, outbound, _ in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            let decoder = TestDecoder(compression: compression)
                            for try await message in inbound.messages(maxSize: 1 << 26) {
                                for event in decoder.decode(message) { eventSink.yield(event) }
                            }
                        }
                        group.addTask {
                            for await command in commandStream {
                                switch command {
                                case .send(let text): try await outbound.write(.text(text))
                                case .sendBinary(let bytes): try await outbound.write(.binary(ByteBuffer(bytes: bytes)))
                                case .close(let code):
                                    try await outbound.close(.init(codeNumber: code), reason: nil)
                                }
                            }
                        }
                        _ = try await group.next()
                        group.cancelAll()
                    }
                }
                closeCode = closeFrame.map { Int(UInt16(webSocketErrorCode: $0.closeCode)) }
            } catch {
                closeCode = nil
            }
            eventSink.yield(.closed(code: closeCode))
            eventSink.finish()
        }
    }

    deinit {
        commands.finish()
        task.cancel()
    }

    /// Sends a text message.
    func send(_ text: String) {
        commands.yield(.send(text))
    }

    /// Sends a binary message.
    func sendBinary(_ bytes: [UInt8]) {
        commands.yield(.sendBinary(bytes))
    }

    /// Sends a close frame with `code`.
    func close(code: Int) {
        commands.yield(.close(code: code))
    }

    /// The next event (polled every few milliseconds), or a thrown error after `timeout`.
    func next(timeout: Duration = .seconds(5)) async throws -> Event {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let event = queue.events.withLock { events -> Event? in events.isEmpty ? nil : events.removeFirst() }
            if let event { return event }
            guard clock.now < deadline else { throw TestClientError.timedOut }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// The next gateway message, parsed as a JSON object; throws when the connection closes first.
    func nextPayload(timeout: Duration = .seconds(5)) async throws -> [String: Any] {
        switch try await next(timeout: timeout) {
        case .message(let text):
            guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw TestClientError.notAnObject(text)
            }
            return object
        case .undecodable(let reason): throw TestClientError.notAnObject(reason)
        case .closed(let code): throw TestClientError.closed(code)
        }
    }

    /// Skips messages until the connection closes and returns the server's close code.
    func closeCode(timeout: Duration = .seconds(5)) async throws -> Int? {
        while true {
            if case .closed(let code) = try await next(timeout: timeout) { return code }
        }
    }
}

/// Why a test client call failed.
enum TestClientError: Error, Equatable {
    case timedOut
    case ended
    case notAnObject(String)
    case closed(Int?)
}

/// Appends received events to the client's queue.
private final class EventQueue: Sendable {
    let events = Mutex<[TestGatewayClient.Event]>([])
    func yield(_ event: TestGatewayClient.Event) { events.withLock { $0.append(event) } }
    func finish() {}
}

/// Turns WebSocket messages into gateway messages for one connection's transport compression.
private final class TestDecoder: @unchecked Sendable {
    // Safe: used by a single reading task only.
    let compression: TransportCompression
    let zlib: ZlibStreamInflater?
    let zstd: ZstdStreamDecompressor?

    init(compression: TransportCompression) {
        self.compression = compression
        zlib = compression == .zlibStream ? try? ZlibStreamInflater() : nil
        zstd = compression == .zstdStream ? try? ZstdStreamDecompressor() : nil
    }

    func decode(_ message: WebSocketMessage) -> [TestGatewayClient.Event] {
        switch message {
        case .text(let text):
            return [.message(text)]
        case .binary(var buffer):
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            do {
                if let zlib {
                    guard let inflated = try zlib.push(bytes) else { return [] }
                    return [.message(String(decoding: inflated, as: UTF8.self))]
                }
                if let zstd { return [.message(String(decoding: try zstd.decompress(bytes), as: UTF8.self))] }
                return [.message(String(decoding: bytes, as: UTF8.self))]
            } catch {
                return [.undecodable("\(error)")]
            }
        }
    }
}
