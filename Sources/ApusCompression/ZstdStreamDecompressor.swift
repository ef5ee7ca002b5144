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
    /// The largest decompressed message accepted.
    public let maximumMessageSize: Int

    /// Creates a decompressor with a fresh context.
    public init(maximumMessageSize: Int = 64 << 20) throws(CompressionError) {
        guard let context = ZSTD_createDCtx() else { throw .initializationFailed("ZSTD_createDCtx returned NULL") }
        self.context = context
        self.maximumMessageSize = maximumMessageSize
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
        output.count = 0
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        while true {
            guard output.reserve(additional: 32 * 1024, limit: maximumMessageSize) else {
                broken = true
                throw .messageTooLarge(limit: maximumMessageSize)
            }
            let free = output.freeSpace
            var outBuffer = ZSTD_outBuffer(dst: free.baseAddress, size: free.count, pos: 0)
            let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
            if ZSTD_isError(result) != 0 {
                broken = true
                throw .corruptData(String(cString: ZSTD_getErrorName(result)))
            }
            output.count += outBuffer.pos
            // Done only when all input is read AND the context had room to spare (nothing held back).
            if inBuffer.pos == inBuffer.size && outBuffer.pos < outBuffer.size { return output.bytes }
        }
    }
}
