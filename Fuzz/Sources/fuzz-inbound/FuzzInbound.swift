import ApusCompression
import ApusGateway
import FuzzSupport

/// Every event kind is wanted, so the pipeline decodes whatever it can; the queue drops its oldest entries so memory
/// stays flat across millions of runs.
private let distributor: EventDistributor = {
    let distributor = EventDistributor()
    _ = distributor.subscribe(to: nil, capacity: 8, policy: .dropOldest)
    return distributor
}()

/// The first byte picks the transport compression; the rest is a list of WebSocket messages (length-prefixed
/// pieces) fed to one connection's inbound pipeline, as the shard's reader does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInbound(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let compression: TransportCompression = switch input.byte() % 3 {
    case 0: .none
    case 1: .zlibStream
    default: .zstdStream
    }
    guard let pipeline = try? InboundPipeline(
        shardID: 0, compression: compression, maximumMessageSize: 1 << 20, distributor: distributor)
    else { return 0 }
    for message in input.pieces() {
        message.withUnsafeBytes { _ = pipeline.process(message: $0) }
    }
    return 0
}
