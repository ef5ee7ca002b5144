/// The gateway's transport compression, as named in the connection URL's `compress` query parameter.
public enum TransportCompression: String, Sendable, CaseIterable {
    /// No transport compression: every WebSocket message is one JSON text.
    case none
    /// `compress=zlib-stream`: one zlib context per connection, messages end with a sync flush.
    case zlibStream = "zlib-stream"
    /// `compress=zstd-stream`: one zstd context per connection, one message per WebSocket message.
    case zstdStream = "zstd-stream"

    /// The value of the `compress` query parameter, or nil for no compression.
    public var queryValue: String? { self == .none ? nil : rawValue }
}
