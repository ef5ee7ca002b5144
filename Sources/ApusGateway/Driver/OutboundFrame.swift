/// What the connection's single writer task sends, in order.
enum OutboundFrame: Sendable {
    /// A JSON text message.
    case text([UInt8])
    /// A close frame with `code`; the writer stops after it.
    case close(code: UInt16)
}
