import ApusCompression
import ApusGateway
import CZlib
import FuzzSupport

/// Every event kind is wanted, so the pipeline decodes whatever it can; the queue drops its oldest entries so memory
/// stays flat across millions of runs.
private let distributor: EventDistributor = {
    let distributor = EventDistributor()
    _ = distributor.subscribe(to: nil, capacity: 8, policy: .dropOldest)
    return distributor
}()

/// The first byte picks the framing (its value modulo 4); the rest is cut into WebSocket messages and fed to one
/// connection's inbound pipeline, as the shard's reader does:
///
/// - 0, raw: length-prefixed pieces, each one message.
/// - 1, zlib-stream bytes: cut the way Discord frames them, after each `00 00 FF FF` (so appending a sync-flush
///   suffix is one mutation, not two).
/// - 2, zstd-stream bytes: length-prefixed pieces.
/// - 3, zlib-stream from a sender: the harness is the sender and compresses plaintext with a real zlib deflater
///   (see ``SenderRecord``), so the fuzzer varies what the sender does (the flush, explicit markers, how the bytes
///   are cut into messages) while every compressed byte stays valid, checksums included.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInbound(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let mode = input.byte() % 4
    let compression: TransportCompression = switch mode {
    case 0: .none
    case 1, 3: .zlibStream
    default: .zstdStream
    }
    guard let pipeline = try? InboundPipeline(
        shardID: 0, compression: compression, maximumMessageSize: 1 << 20, distributor: distributor)
    else { return 0 }
    let messages: [[UInt8]] = switch mode {
    case 1: splitAfterSyncFlush(input.remaining)
    case 3: senderMessages(&input)
    default: input.pieces()
    }
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

/// One gateway message as a zlib-stream sender writes it, in mode 3: a flag byte, then the plaintext as a
/// length-prefixed piece (``FuzzInput/piece()``). The flag's bits are the sender's choices:
///
/// - bits 0-1, the flush that ends the compressed bytes: 0 `Z_SYNC_FLUSH` (what Discord does: the bytes end with
///   `00 00 FF FF`), 1 `Z_FULL_FLUSH` (also ends with the marker, and resets the dictionary), 2 `Z_FINISH` (ends the
///   zlib stream: final block and adler32; the sender's next message starts a new stream, as a sender that compresses
///   each message on its own does), 3 `Z_NO_FLUSH` (whatever deflate has emitted so far; the rest comes with a later
///   flush).
/// - bit 2: the sender appends `00 00 FF FF` itself after the compressed bytes (a sender that frames every message
///   with the marker the clients look for, whatever its flush).
/// - bit 3: the bytes go out in the same WebSocket message as the next record's.
/// - bits 4-7, n: when not 0, the bytes are cut into two WebSocket messages at n/16 of their length (one gateway
///   message spanning messages).
///
/// The second byte of the input is the compression level (modulo 10: 0 stored blocks, 1-9 Huffman coded).
private func senderMessages(_ input: inout FuzzInput) -> [[UInt8]] {
    guard let sender = ZlibSender(level: Int32(input.byte() % 10)) else { return [] }
    var messages: [[UInt8]] = []
    var joined: [UInt8] = []
    var records = 0
    while !input.isAtEnd && records < 64 {
        records += 1
        let flag = input.byte()
        let plaintext = input.piece()
        let flush: Int32 = switch flag & 3 {
        case 0: Z_SYNC_FLUSH
        case 1: Z_FULL_FLUSH
        case 2: Z_FINISH
        default: Z_NO_FLUSH
        }
        guard var bytes = sender.deflate(plaintext, flush: flush) else { break }
        if flag & 0x04 != 0 { bytes += [0x00, 0x00, 0xFF, 0xFF] }
        joined += bytes
        if flag & 0x08 != 0 { continue }
        let cut = joined.count * Int(flag >> 4) / 16
        if cut > 0 {
            messages.append(Array(joined[..<cut]))
            messages.append(Array(joined[cut...]))
        } else {
            messages.append(joined)
        }
        joined = []
    }
    if !joined.isEmpty { messages.append(joined) }
    return messages
}

/// A zlib deflater owned by the harness (the sender's side of the connection). After `Z_FINISH` the next message
/// starts a new zlib stream (`deflateReset`), as a sender that compresses every message on its own would.
private final class ZlibSender {
    private let stream: UnsafeMutablePointer<z_stream>
    private var ended = false

    init?(level: Int32) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_deflate_init(stream, level) == Z_OK else {
            stream.deallocate()
            return nil
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses `plaintext` and flushes with `flush`; nil if zlib reports an error.
    func deflate(_ plaintext: [UInt8], flush: Int32) -> [UInt8]? {
        if ended {
            guard deflateReset(stream) == Z_OK else { return nil }
            ended = false
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        return plaintext.withUnsafeBufferPointer { input -> [UInt8]? in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = uInt(input.count)
            defer { stream.pointee.next_in = nil }
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = uInt(buffer.count)
                    defer { stream.pointee.next_out = nil }
                    return CZlib.deflate(stream, flush)
                }
                let produced = chunk.count - Int(stream.pointee.avail_out)
                output += chunk[..<produced]
                switch status {
                case Z_STREAM_END:
                    ended = true
                    return output
                case Z_OK, Z_BUF_ERROR:
                    // Done once every input byte is taken and the flush had room to complete.
                    if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 && flush != Z_FINISH {
                        return output
                    }
                    if status == Z_BUF_ERROR && produced == 0 { return output }
                default:
                    return nil
                }
            }
        }
    }
}
