import CZlib

/// Decompresses Discord's `zlib-stream` transport compression: one inflate context for the life of a connection;
/// a gateway message is complete when the received bytes end with `00 00 FF FF` (a zlib sync flush), and one
/// message may span several WebSocket messages.
///
/// ```swift
/// let inflater = try ZlibStreamInflater()
/// for chunk in webSocketMessages {
///     try inflater.push(chunk) { json in handle(json) }   // called once per complete gateway message
/// }
/// ```
///
/// Hostile input is corrupt data, never a hang: the compressed bytes of one message (across every WebSocket message
/// it spans) and its decompressed bytes are each bounded by ``maximumMessageSize``; an inflate call that makes no
/// progress, bytes after the end of the zlib stream (Discord never ends it) and invalid data throw
/// ``CompressionError`` and leave the inflater failed, so the connection must be replaced.
///
/// Not thread-safe: one connection owns one inflater.
public final class ZlibStreamInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    // Exclusivity is not checked at run time on these (see ``ZstdStreamDecompressor``): they are private, touched
    // only by this class's own methods, and no method calls out while an access to one of them is in progress.
    @exclusivity(unchecked) private var pending = GrowableBuffer(initialCapacity: 16 * 1024)
    @exclusivity(unchecked) private var output = GrowableBuffer(initialCapacity: 64 * 1024)
    @exclusivity(unchecked) private var failure: CompressionError?
    /// The largest message accepted, compressed (all pieces of one message together) and decompressed.
    public let maximumMessageSize: Int

    /// Creates an inflater with a fresh zlib context.
    public init(maximumMessageSize: Int = 64 << 20) throws(CompressionError) {
        self.maximumMessageSize = max(1, min(maximumMessageSize, Int(Int32.max)))
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_inflate_init(stream)
        guard status == Z_OK else {
            stream.deallocate()
            throw .initializationFailed("inflateInit returned \(status)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Bytes received that do not yet end a message.
    public var pendingByteCount: Int { pending.count }

    /// Whether the stream failed (the connection must be replaced).
    public var isFailed: Bool { failure != nil }

    /// Adds received bytes; when they complete a message, inflates it and calls `body` with the decompressed bytes,
    /// which are valid only during the call. Returns `body`'s result, or nil when the message is not complete yet.
    @discardableResult
    public func push<R>(
        _ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        if let failure { throw CompressionError.corruptData("the stream failed earlier (\(failure)); open a new connection") }
        guard pending.append(bytes, limit: maximumMessageSize) else {
            pending.count = 0
            throw fail(.messageTooLarge(limit: maximumMessageSize))
        }
        guard Self.endsWithSyncFlush(pending.bytes) else { return nil }
        defer { pending.count = 0 }
        let message = try inflatePending()
        return try body(message)
    }

    /// Adds received bytes and returns the decompressed message when they complete one.
    public func push(_ bytes: [UInt8]) throws(CompressionError) -> [UInt8]? {
        do {
            return try bytes.withUnsafeBytes { raw in try push(raw) { Array($0) } }
        } catch let error as CompressionError {
            throw error
        } catch {
            throw .corruptData("\(error)")
        }
    }

    static func endsWithSyncFlush(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let n = bytes.count
        return n >= 4 && bytes[n - 4] == 0x00 && bytes[n - 3] == 0x00 && bytes[n - 2] == 0xFF && bytes[n - 1] == 0xFF
    }

    private func fail(_ error: CompressionError) -> CompressionError {
        failure = error
        return error
    }

    /// Inflates the pending bytes. Every round either consumes input, produces output, grows the output buffer
    /// (bounded by the limit) or ends with an error, so the loop ends after a bounded number of rounds.
    private func inflatePending() throws(CompressionError) -> UnsafeRawBufferPointer {
        output.count = 0
        let input = pending.bytes
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        while true {
            guard output.reserve(additional: 16 * 1024, limit: maximumMessageSize) else {
                throw fail(.messageTooLarge(limit: maximumMessageSize))
            }
            let free = output.freeSpace
            let space = min(free.count, Int(UInt32.max))
            let inputBefore = Int(stream.pointee.avail_in)
            stream.pointee.next_out = free.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(space)
            let status = inflate(stream, Z_SYNC_FLUSH)
            let produced = space - Int(stream.pointee.avail_out)
            let consumed = inputBefore - Int(stream.pointee.avail_in)
            output.count += produced
            let inputLeft = stream.pointee.avail_in != 0
            let outputFull = stream.pointee.avail_out == 0
            switch status {
            case Z_STREAM_END:
                // Discord never ends its stream; after the end, zlib accepts nothing more, so whatever follows (and
                // every later message) could never be inflated.
                if inputLeft {
                    throw fail(.corruptData("\(Int(stream.pointee.avail_in)) bytes after the end of the zlib stream"))
                }
                failure = .corruptData("the zlib stream ended")
                return output.bytes
            case Z_OK, Z_BUF_ERROR:
                // All input read, and either room to spare (nothing held back) or nothing more came out: done.
                if !inputLeft && (!outputFull || produced == 0) { return output.bytes }
                // Input left and room left, yet nothing happened: zlib is stuck on these bytes.
                if produced == 0 && consumed == 0 && !outputFull {
                    throw fail(.corruptData("inflate made no progress (status \(status))"))
                }
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "inflate returned \(status)"
                throw fail(.corruptData(reason))
            }
        }
    }
}
