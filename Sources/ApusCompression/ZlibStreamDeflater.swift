import CZlib

/// Compresses messages for a `zlib-stream` connection (the simulator's side, and the benchmark's input generator):
/// one deflate context per connection, a sync flush after every message so each ends with `00 00 FF FF`.
///
/// Not thread-safe: one connection owns one deflater.
public final class ZlibStreamDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output = GrowableBuffer(initialCapacity: 16 * 1024)

    /// Creates a deflater at `level` (0-9, default 6).
    public init(level: Int32 = 6) throws(CompressionError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_deflate_init(stream, level)
        guard status == Z_OK else {
            stream.deallocate()
            throw .initializationFailed("deflateInit returned \(status)")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses one message and sync-flushes, returning the bytes to send.
    public func compress(_ message: UnsafeRawBufferPointer) throws(CompressionError) -> [UInt8] {
        try deflateMessage(message, flush: Z_SYNC_FLUSH)
    }

    /// Compresses one message and ENDS the zlib stream (header-to-trailer complete, no sync flush), as Discord never
    /// does: the simulator's fault for testing how a client treats bytes after the stream's end.
    public func finish(_ message: [UInt8]) throws(CompressionError) -> [UInt8] {
        let result = message.withUnsafeBytes { raw in
            Result { () throws(CompressionError) in try deflateMessage(raw, flush: Z_FINISH) }
        }
        return try result.get()
    }

    private func deflateMessage(_ message: UnsafeRawBufferPointer, flush: Int32) throws(CompressionError) -> [UInt8] {
        output.count = 0
        stream.pointee.next_in = UnsafeMutablePointer(mutating: message.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(message.count)
        while true {
            _ = output.reserve(additional: max(1024, message.count / 2), limit: Int(Int32.max))
            let free = output.freeSpace
            let space = min(free.count, Int(Int32.max))
            stream.pointee.next_out = free.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(space)
            let status = deflate(stream, flush)
            output.count += space - Int(stream.pointee.avail_out)
            if status == Z_STREAM_END { return Array(output.bytes) }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                throw .compressionFailed("deflate returned \(status)")
            }
            if stream.pointee.avail_out != 0 && flush != Z_FINISH { return Array(output.bytes) }
        }
    }

    /// Compresses one message and sync-flushes, returning the bytes to send.
    public func compress(_ message: [UInt8]) throws(CompressionError) -> [UInt8] {
        let result = message.withUnsafeBytes { raw in
            Result { () throws(CompressionError) in try compress(raw) }
        }
        return try result.get()
    }
}
