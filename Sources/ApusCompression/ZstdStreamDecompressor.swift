import CZstd

/// Decompresses Discord's `zstd-stream` transport compression: one decompression context for the life of a
/// connection, and each WebSocket message holds exactly one gateway message (flushed, not ending a zstd frame).
///
/// The context may hold decompressed bytes back even when all input has been read, so decompression continues
/// until the output buffer is not full — a message that compresses better than 16x and is larger than the output
/// chunk would otherwise be cut short.
///
/// Not thread-safe: one connection owns one decompressor.
public final class ZstdStreamDecompressor {
    private let context: OpaquePointer
    // Exclusivity is not checked at run time on these two (the check costs two runtime calls per access, several
    // per message): they are private, touched only by this class's own methods, and no method calls out (the
    // `body` closure runs after `decompressIntoBuffer` has returned) while an access to either is in progress.
    @exclusivity(unchecked) private var output = GrowableBuffer(initialCapacity: 128 * 1024)
    @exclusivity(unchecked) private var broken = false
    /// The largest message accepted, compressed and decompressed.
    public let maximumMessageSize: Int

    /// The default cap on the window a stream may ask for (`ZSTD_d_windowLogMax`): 2^23 bytes, 8 MiB.
    ///
    /// Discord's zstd-stream frames declare a 256 KiB window (window log 18, in the frame header of a captured
    /// HELLO), and every standard zstd level (1-19) compresses a stream of unknown size with at most 2^23; only the
    /// `--ultra` levels 20-22 go further. zstd's own default limit is 2^27 (128 MiB), which a hostile peer could make
    /// each connection allocate.
    public static let defaultMaximumWindowLog: Int32 = 23

    /// Creates a decompressor with a fresh context. A frame whose window exceeds 2^`maximumWindowLog` bytes is
    /// corrupt data.
    public init(
        maximumMessageSize: Int = 64 << 20, maximumWindowLog: Int32 = ZstdStreamDecompressor.defaultMaximumWindowLog
    ) throws(CompressionError) {
        guard let context = ZSTD_createDCtx() else { throw .initializationFailed("ZSTD_createDCtx returned NULL") }
        let status = ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, maximumWindowLog)
        if ZSTD_isError(status) != 0 {
            ZSTD_freeDCtx(context)
            throw .initializationFailed("ZSTD_d_windowLogMax \(maximumWindowLog): " + String(cString: ZSTD_getErrorName(status)))
        }
        self.context = context
        self.maximumMessageSize = max(1, maximumMessageSize)
    }

    deinit {
        ZSTD_freeDCtx(context)
    }

    /// Decompresses one WebSocket message and calls `body` with the gateway message's bytes, which are valid only
    /// during the call.
    public func decompress<R>(
        _ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        try body(decompressIntoBuffer(input))
    }

    /// Decompresses one WebSocket message into a new array.
    public func decompress(_ input: [UInt8]) throws(CompressionError) -> [UInt8] {
        let result = input.withUnsafeBytes { raw in
            Result { () throws(CompressionError) in Array(try decompressIntoBuffer(raw)) }
        }
        return try result.get()
    }

    private func decompressIntoBuffer(_ input: UnsafeRawBufferPointer) throws(CompressionError) -> UnsafeRawBufferPointer {
        if broken { throw .corruptData("the stream failed earlier; open a new connection") }
        guard input.count <= maximumMessageSize else {
            broken = true
            throw .messageTooLarge(limit: maximumMessageSize)
        }
        output.count = 0
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        // Every round consumes input, produces output or grows the buffer (bounded by the limit); a round that does
        // none of these is corrupt data, so the loop ends after a bounded number of rounds.
        while true {
            guard output.reserve(additional: 32 * 1024, limit: maximumMessageSize) else {
                broken = true
                throw .messageTooLarge(limit: maximumMessageSize)
            }
            let free = output.freeSpace
            var outBuffer = ZSTD_outBuffer(dst: free.baseAddress, size: free.count, pos: 0)
            let inputBefore = inBuffer.pos
            let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
            if ZSTD_isError(result) != 0 {
                broken = true
                throw .corruptData(String(cString: ZSTD_getErrorName(result)))
            }
            output.count += outBuffer.pos
            // Done only when all input is read AND the context had room to spare (nothing held back).
            if inBuffer.pos == inBuffer.size && outBuffer.pos < outBuffer.size { return output.bytes }
            if inBuffer.pos == inputBefore && outBuffer.pos == 0 {
                broken = true
                throw .corruptData("zstd made no progress")
            }
        }
    }
}
