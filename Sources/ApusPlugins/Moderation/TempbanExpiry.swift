/// The scheduled end of a temp-ban: the job payload is `guild` and `user` on two lines, and the job key
/// (``jobKey``) names the same pair, so a second temp-ban of the same user moves the unban instead of adding one, and
/// `ban` or `unban` cancels it.
public struct TempbanExpiry: Sendable, Hashable {
    /// The guild.
    public var guildID: UInt64
    /// The banned user.
    public var userID: UInt64

    /// Creates an expiry.
    public init(guildID: UInt64, userID: UInt64) {
        self.guildID = guildID
        self.userID = userID
    }

    /// The job payload.
    public var payload: String { "\(guildID)\n\(userID)" }

    /// The job key: one pending unban per guild and user.
    public var jobKey: String { "guild:\(guildID):user:\(userID)" }

    /// Reads a job payload; `nil` when it is not one (a damaged row is buried, not retried forever).
    public init?(payload: String) {
        let parts = payload.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count == 2, let guild = UInt64(parts[0]), let user = UInt64(parts[1]) else { return nil }
        self.init(guildID: guild, userID: user)
    }
}
