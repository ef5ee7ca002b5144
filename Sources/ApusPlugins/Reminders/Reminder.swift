/// One reminder as the scheduler stores it: the job payload is `channel`, `user` and `text` on three lines (the text
/// may itself hold newlines: only the first two are separators).
public struct Reminder: Sendable, Hashable {
    /// The channel to post in.
    public var channelID: UInt64
    /// Who asked (and is mentioned).
    public var userID: UInt64
    /// What to remind them of.
    public var text: String

    /// Creates a reminder.
    public init(channelID: UInt64, userID: UInt64, text: String) {
        self.channelID = channelID
        self.userID = userID
        self.text = text
    }

    /// The job payload.
    public var payload: String { "\(channelID)\n\(userID)\n\(text)" }

    /// Reads a job payload; `nil` when it is not one (a damaged row is buried, not retried forever).
    public init?(payload: String) {
        let parts = payload.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let channel = UInt64(parts[0]), let user = UInt64(parts[1]) else { return nil }
        self.init(channelID: channel, userID: user, text: String(parts[2]))
    }

    /// The marker that makes a delivered reminder recognisable (and so its delivery idempotent): the job id.
    public static func marker(jobID: Int64) -> String { "⏰ reminder #\(jobID)" }

    /// The message posted when the reminder fires.
    public func message(jobID: Int64) -> String { "<@\(userID)> \(Self.marker(jobID: jobID)): \(text)" }
}
