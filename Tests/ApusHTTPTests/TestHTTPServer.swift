import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A request as the test server received it.
struct RecordedRequest: Sendable {
    var method: String
    var uri: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// What the test server answers; `nil` from the handler means "never answer" (to provoke timeouts).
struct CannedResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []

    static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> CannedResponse {
        CannedResponse(status: status, headers: [(name: "Content-Type", value: "application/json")] + headers,
                       body: Array(text.utf8))
    }
}

/// A small HTTP/1.1 server on 127.0.0.1 (ephemeral port) whose answers come from a closure; it records every
/// request. Always call ``shutdown()``.
final class TestHTTPServer: Sendable {
    typealias Handler = @Sendable (RecordedRequest) -> CannedResponse?

    private let channel: any Channel
    private let log: RequestLog
    let port: Int

    private init(channel: any Channel, log: RequestLog, port: Int) {
        self.channel = channel
        self.log = log
        self.port = port
    }

    var baseURL: String { "http://127.0.0.1:\(port)/api/v10" }

    var requests: [RecordedRequest] { log.entries.withLock { $0 } }

    static func start(_ handler: @escaping Handler) async throws -> TestHTTPServer {
        let box = RequestLog()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    try child.pipeline.syncOperations.addHandler(RequestHandler(handler: handler, log: box))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else {
            try await channel.close()
            throw TestServerError.noPort
        }
        return TestHTTPServer(channel: channel, log: box, port: port)
    }

    func shutdown() async {
        try? await channel.close()
    }
}

enum TestServerError: Error {
    case noPort
}

/// Every request the server received, in arrival order.
private final class RequestLog: Sendable {
    let entries = Mutex<[RecordedRequest]>([])

    func record(_ request: RecordedRequest) {
        entries.withLock { $0.append(request) }
    }
}

private final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let handler: TestHTTPServer.Handler
    private let log: RequestLog
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(handler: @escaping TestHTTPServer.Handler, log: RequestLog) {
        self.handler = handler
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head else { return }
            let request = RecordedRequest(
                method: head.method.rawValue, uri: head.uri,
                headers: head.headers.map { (name: $0.name, value: $0.value) }, body: body)
            log.record(request)
            guard let response = handler(request) else { return }
            var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
            headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
            let responseHead = HTTPResponseHead(
                version: head.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
