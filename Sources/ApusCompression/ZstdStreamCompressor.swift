import CZstd

/// Compresses messages for a `zstd-stream` connection (the simulator's side, and the benchmark's input generator):
/// one compression context per connection, flushed (`ZSTD_e_flush`) after every message, never ending the frame.
///
/// Not thread-safe: one connection owns one compressor.
public final class ZstdStreamCompressor {
    private let context: OpaquePointer
    private var output = GrowableBuffer(initialCapacity: 64 * 1024)

    /// Creates a compressor at `level` (zstd's levels; 3 is its default).
    public init(level: Int32 = 3) throws(CompressionError) {
        guard let context = ZSTD_createCCtx() else { throw .initializationFailed("ZSTD_createCCtx returned NULL") }
        let status = ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
        if ZSTD_isError(status) != 0 {
            ZSTD_freeCCtx(context)
            throw .initializationFailed(String(cString: ZSTD_getErrorName(status)))
        }
        self.context = context
    }

    deinit {
        ZSTD_freeCCtx(context)
    }

    /// Compresses one message and flushes, returning the bytes of one WebSocket message.
    public func compress(_ message: UnsafeRawBufferPointer) throws(CompressionError) -> [UInt8] {
        output.count = 0
        var inBuffer = ZSTD_inBuffer(src: message.baseAddress, size: message.count, pos: 0)
        while true {
            _ = output.reserve(additional: max(4096, Int(ZSTD_CStreamOutSize())), limit: Int.max)
            let free = output.freeSpace
            var outBuffer = ZSTD_outBuffer(dst: free.baseAddress, size: free.count, pos: 0)
            let remaining = ZSTD_compressStream2(context, &outBuffer, &inBuffer, ZSTD_e_flush)
            if ZSTD_isError(remaining) != 0 {
                throw .compressionFailed(String(cString: ZSTD_getErrorName(remaining)))
            }
            output.count += outBuffer.pos
            if remaining == 0 && inBuffer.pos == inBuffer.size { return Array(output.bytes) }
        }
    }

    /// Compresses one message and flushes, returning the bytes of one WebSocket message.
    public func compress(_ message: [UInt8]) throws(CompressionError) -> [UInt8] {
        let result = message.withUnsafeBytes { raw in
            Result { () throws(CompressionError) in try compress(raw) }
        }
        return try result.get()
    }
}
