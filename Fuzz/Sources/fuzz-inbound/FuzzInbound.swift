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

/// The first byte picks the transport compression; the rest is cut into WebSocket messages and fed to one
/// connection's inbound pipeline, as the shard's reader does. zlib-stream messages are cut the way Discord frames
/// them, after each `00 00 FF FF` (so appending a sync-flush suffix is one mutation, not two); raw and zstd-stream
/// input is a list of length-prefixed pieces.
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
    let messages = compression == .zlibStream ? splitAfterSyncFlush(input.remaining) : input.pieces()
    for message in messages {
        message.withUnsafeBytes { _ = pipeline.process(message: $0) }
    }
    return 0
}

/// Cuts `bytes` after every `00 00 FF FF` (at most 64 messages; the tail without the suffix is the last one).
private func splitAfterSyncFlush(_ bytes: [UInt8]) -> [[UInt8]] {
    var messages: [[UInt8]] = []
    var start = 0
    var index = 3
    while index < bytes.count && messages.count < 63 {
        if bytes[index - 3] == 0 && bytes[index - 2] == 0 && bytes[index - 1] == 0xFF && bytes[index] == 0xFF {
            messages.append(Array(bytes[start...index]))
            start = index + 1
            index += 4
        } else {
            index += 1
        }
    }
    if start < bytes.count { messages.append(Array(bytes[start...])) }
    return messages
}
