/// Why a transport-compression context could not compress or decompress a message.
public enum CompressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The library could not create its context.
    case initializationFailed(String)
    /// The input is not valid compressed data for this stream (the context is unusable afterwards).
    case corruptData(String)
    /// A decompressed message would exceed the configured limit.
    case messageTooLarge(limit: Int)
    /// Compression itself failed.
    case compressionFailed(String)

    public var description: String {
        switch self {
        case .initializationFailed(let reason): "compression context could not be created: \(reason)"
        case .corruptData(let reason): "corrupt compressed data: \(reason)"
        case .messageTooLarge(let limit): "decompressed message exceeds the limit of \(limit) bytes"
        case .compressionFailed(let reason): "compression failed: \(reason)"
        }
    }
}
