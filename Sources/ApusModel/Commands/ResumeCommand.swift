/// Op 6 RESUME.
public struct ResumeCommand: Sendable, Hashable {
    /// The bot token.
    public var token: String
    /// The session to resume.
    public var sessionID: String
    /// The last sequence received.
    public var sequence: Int

    /// Creates a resume command.
    public init(token: String, sessionID: String, sequence: Int) {
        self.token = token
        self.sessionID = sessionID
        self.sequence = sequence
    }

    /// The frame `{"op":6,"d":{"token","session_id","seq"}}`.
    public func jsonBytes() -> [UInt8] {
        JSONWriter.frame(opcode: .resume) { writer in
            writer.beginObject()
            writer.key("token"); writer.string(token)
            writer.key("session_id"); writer.string(sessionID)
            writer.key("seq"); writer.integer(sequence)
            writer.endObject()
        }
    }
}
