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
/// Not thread-safe: one connection owns one inflater.
public final class ZlibStreamInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    // Exclusivity is not checked at run time on these (see ``ZstdStreamDecompressor``): they are private, touched
    // only by this class's own methods, and no method calls out while an access to one of them is in progress.
    @exclusivity(unchecked) private var pending = GrowableBuffer(initialCapacity: 16 * 1024)
    @exclusivity(unchecked) private var output = GrowableBuffer(initialCapacity: 64 * 1024)
    @exclusivity(unchecked) private var broken = false
    /// The largest decompressed message accepted.
    public let maximumMessageSize: Int

    /// Creates an inflater with a fresh zlib context.
    public init(maximumMessageSize: Int = 64 << 20) throws(CompressionError) {
        self.maximumMessageSize = maximumMessageSize
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

    /// Adds received bytes; when they complete a message, inflates it and calls `body` with the decompressed bytes,
    /// which are valid only during the call. Returns `body`'s result, or nil when the message is not complete yet.
    @discardableResult
    public func push<R>(
        _ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        if broken { throw CompressionError.corruptData("the stream failed earlier; open a new connection") }
        pending.append(bytes)
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

    private func inflatePending() throws(CompressionError) -> UnsafeRawBufferPointer {
        output.count = 0
        let input = pending.bytes
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        while true {
            guard output.reserve(additional: 16 * 1024, limit: maximumMessageSize) else {
                broken = true
                throw .messageTooLarge(limit: maximumMessageSize)
            }
            let free = output.freeSpace
            stream.pointee.next_out = free.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(free.count)
            let status = inflate(stream, Z_SYNC_FLUSH)
            let produced = free.count - Int(stream.pointee.avail_out)
            output.count += produced
            switch status {
            case Z_OK, Z_STREAM_END:
                if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 { return output.bytes }
            case Z_BUF_ERROR:
                // No progress possible: either all input is consumed (done) or output is full (grow and retry).
                if stream.pointee.avail_in == 0 { return output.bytes }
            default:
                broken = true
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "inflate returned \(status)"
                throw .corruptData(reason)
            }
        }
    }
}
