import NIOCore
import NIOHTTP1
import NIOWebSocket

/// Answers one HTTP request; the server's REST and control routes are behind this.
typealias SimulatorHTTPRoute = @Sendable (SimulatorHTTPRequest) async -> SimulatorHTTPResponse

/// Collects a plain HTTP/1.1 request (REST under `/api/…`, control under `/_sim/…`), answers it through
/// `route`, and keeps the connection alive when the client asks for it. Removed from the pipeline on a
/// WebSocket upgrade.
final class SimulatorHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The largest request body accepted (larger ones get 413).
    static let maximumBodySize = 32 << 20

    private let route: SimulatorHTTPRoute
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false

    init(route: @escaping SimulatorHTTPRoute) {
        self.route = route
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
            tooLarge = false
        case .body(var chunk):
            if body.count + chunk.readableBytes > Self.maximumBodySize {
                tooLarge = true
            } else if let bytes = chunk.readBytes(length: chunk.readableBytes) {
                body.append(contentsOf: bytes)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            let keepAlive = head.isKeepAlive
            let version = head.version
            if head.headers["upgrade"].contains(where: { $0.lowercased() == "websocket" }) {
                // A WebSocket upgrade the gateway refused (unknown compression or path): answer and hang up.
                respond(context: context, version: version, keepAlive: false, response: .controlJSON(
                    status: 400, #"{"message":"The gateway refused this connection URL.","code":0}"#))
                return
            }
            if tooLarge {
                respond(context: context, version: version, keepAlive: false, response: .controlJSON(
                    status: 413, #"{"message":"Request entity too large","code":40005}"#))
                return
            }
            let pathAndQuery = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            let request = SimulatorHTTPRequest(
                method: head.method.rawValue,
                path: String(pathAndQuery.first ?? ""),
                query: pathAndQuery.count > 1 ? String(pathAndQuery[1]) : nil,
                headers: head.headers.map { ($0.name, $0.value) },
                body: body
            )
            body = []
            let route = self.route
            let promise = context.eventLoop.makePromise(of: SimulatorHTTPResponse.self)
            promise.completeWithTask { await route(request) }
            let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            let boundSelf = NIOLoopBound(self, eventLoop: context.eventLoop)
            promise.futureResult.whenSuccess { response in
                boundSelf.value.respond(context: boundContext.value, version: version, keepAlive: keepAlive, response: response)
            }
        }
    }

    private func respond(
        context: ChannelHandlerContext, version: HTTPVersion, keepAlive: Bool, response: SimulatorHTTPResponse
    ) {
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A refused WebSocket upgrade is reported here before the request is handed on; it gets a 400 answer.
        if error is NIOWebSocketUpgradeError { return }
        context.close(promise: nil)
    }
}

extension SimulatorHTTPResponse {
    /// A JSON response with `status`.
    static func controlJSON(status: Int, _ text: String) -> SimulatorHTTPResponse {
        SimulatorHTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
    }
}
