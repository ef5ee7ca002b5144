#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A TCP proxy on 127.0.0.1 (ephemeral port) in front of the test PostgreSQL server, that a test can cut off to
/// stage an outage without touching the shared server.
///
/// Plain blocking sockets on their own threads (every wait is a `poll` of at most 50 ms, so ``stop()`` ends them
/// quickly). Modes: ``Mode/forwarding``; ``Mode/down`` (a dead server: open connections are closed and new ones
/// are closed as soon as they are accepted); ``Mode/blackhole`` (a network partition: connections stay open but
/// every byte is dropped, in both directions, and new connections are accepted and never answered). Going back to
/// ``Mode/forwarding`` closes the connections that lost bytes (their protocol state is gone) and forwards new ones.
final class PostgresOutageProxy: Sendable {
    /// What the proxy does with connections.
    enum Mode: Sendable {
        case forwarding
        case down
        case blackhole
    }

    private struct Link {
        var client: Int32
        var server: Int32?
        /// Whether bytes were dropped on this link (it can never forward again).
        var broken = false
        /// How many pump threads still use the sockets (they are closed when the last one ends).
        var pumps = 0
    }

    private struct State {
        var mode: Mode = .forwarding
        var stopped = false
        var links: [Int: Link] = [:]
        var nextLink = 0
        var runningThreads = 0
        var accepted = 0
    }

    /// The port the proxy listens on.
    let port: Int
    private let upstreamHost: String
    private let upstreamPort: Int
    private let listener: Int32
    private let state = Mutex(State())

    /// How many connections the proxy has accepted so far.
    var acceptedConnections: Int { state.withLock { $0.accepted } }

    /// Starts listening on 127.0.0.1:0 and forwarding to `upstreamHost:upstreamPort` (an IPv4 address).
    init(upstreamHost: String, upstreamPort: Int) throws {
        self.upstreamHost = upstreamHost == "localhost" ? "127.0.0.1" : upstreamHost
        self.upstreamPort = upstreamPort
        let socketKind = Int32(SOCK_STREAM.rawValue)
        let fd = socket(AF_INET, socketKind, 0)
        guard fd >= 0 else { throw ProxyError(message: "socket() failed: \(errno)") }
        var address = Self.address(host: "127.0.0.1", port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw ProxyError(message: "bind/listen failed: \(errno)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: actual.sin_port))
        startThread { [self] in acceptLoop() }
    }

    /// Switches the proxy to `mode`.
    func set(_ mode: Mode) {
        let toShutDown = state.withLock { state -> [Int32] in
            state.mode = mode
            var sockets: [Int32] = []
            for (id, link) in state.links {
                if mode == .down || (mode == .forwarding && link.broken) {
                    sockets.append(link.client)
                    if let server = link.server { sockets.append(server) }
                }
                if mode == .blackhole { state.links[id]?.broken = true }
            }
            return sockets
        }
        // Shutting a socket down wakes its pumps, which close it when the last one ends.
        for fd in toShutDown { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    /// Stops listening, closes every connection and waits (briefly) for the proxy's threads to end.
    func stop() {
        let toShutDown = state.withLock { state -> [Int32] in
            state.stopped = true
            return state.links.values.flatMap { [$0.client] + ($0.server.map { [$0] } ?? []) }
        }
        for fd in toShutDown { shutdown(fd, Int32(SHUT_RDWR)) }
        for _ in 0..<100 where state.withLock({ $0.runningThreads }) > 0 {
            usleep(20_000)
        }
        close(listener)
    }

    private func acceptLoop() {
        while !isStopped {
            guard waitReadable(listener) else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let mode = state.withLock { state -> Mode in
                state.accepted += 1
                return state.mode
            }
            switch mode {
            case .down:
                close(client)
            case .blackhole:
                let id = register(Link(client: client, server: nil, broken: true, pumps: 1))
                startThread { [self] in pump(link: id, from: client, to: nil) }
            case .forwarding:
                guard let server = connectUpstream() else {
                    close(client)
                    continue
                }
                let id = register(Link(client: client, server: server, pumps: 2))
                startThread { [self] in pump(link: id, from: client, to: server) }
                startThread { [self] in pump(link: id, from: server, to: client) }
            }
        }
    }

    /// Copies bytes from `source` to `destination` while the link forwards; drops them once it is broken.
    private func pump(link id: Int, from source: Int32, to destination: Int32?) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        defer { pumpEnded(link: id) }
        while !isStopped {
            guard waitReadable(source) else { continue }
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            let link = state.withLock { $0.links[id] }
            guard let link else { return }
            guard !link.broken, let destination else { continue }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes {
                    send(destination, $0.baseAddress?.advanced(by: offset), count - offset, Int32(MSG_NOSIGNAL))
                }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private func register(_ link: Link) -> Int {
        state.withLock { state in
            let id = state.nextLink
            state.nextLink += 1
            state.links[id] = link
            return id
        }
    }

    /// One pump of a link ended: the link is dead, so both sockets are shut down (waking the other pump), and
    /// the last pump closes them.
    private func pumpEnded(link id: Int) {
        let (link, last) = state.withLock { state -> (Link?, Bool) in
            guard var link = state.links[id] else { return (nil, false) }
            link.pumps -= 1
            state.links[id] = link.pumps == 0 ? nil : link
            return (link, link.pumps == 0)
        }
        guard let link else { return }
        let sockets = [link.client] + (link.server.map { [$0] } ?? [])
        for fd in sockets { shutdown(fd, Int32(SHUT_RDWR)) }
        if last {
            for fd in sockets { close(fd) }
        }
    }

    private func waitReadable(_ fd: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 50) > 0
    }

    private func connectUpstream() -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = Self.address(host: upstreamHost, port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    private func startThread(_ body: @escaping @Sendable () -> Void) {
        state.withLock { $0.runningThreads += 1 }
        Thread.detachNewThread { [self] in
            body()
            state.withLock { $0.runningThreads -= 1 }
        }
    }

    private static func address(host: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        return address
    }
}

struct ProxyError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
