/// One reminder as the scheduler stores it.
///
/// The job payload is `token <16 hex digits>`, then `channel`, `user` and `text`, one per line (the text may itself
/// hold newlines). Payloads stored before delivery tokens existed have no first line; they still load, with no
/// ``token``.
public struct Reminder: Sendable, Hashable {
    /// The channel to post in.
    public var channelID: UInt64
    /// Who asked (and is mentioned).
    public var userID: UInt64
    /// What to remind them of.
    public var text: String
    /// The delivery token: a random 64-bit number drawn when the reminder is scheduled, so unique across databases.
    /// It is the posted message's `nonce` and is written on the message's last line; `nil` for an older payload.
    public var token: UInt64?

    /// Creates a reminder.
    public init(channelID: UInt64, userID: UInt64, text: String, token: UInt64? = nil) {
        self.channelID = channelID
        self.userID = userID
        self.text = text
        self.token = token
    }

    /// The job payload.
    public var payload: String {
        let body = "\(channelID)\n\(userID)\n\(text)"
        guard let token else { return body }
        return "token \(HexToken.format(token))\n" + body
    }

    /// Reads a job payload (with or without a token line); `nil` when it is not one (a damaged row is buried, not
    /// retried forever).
    public init?(payload: String) {
        var rest = Substring(payload)
        var token: UInt64?
        if rest.hasPrefix("token ") {
            guard let newline = rest.firstIndex(of: "\n"),
                let parsed = HexToken.parse(rest[rest.index(rest.startIndex, offsetBy: 6)..<newline])
            else { return nil }
            token = parsed
            rest = rest[rest.index(after: newline)...]
        }
        let parts = rest.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let channel = UInt64(parts[0]), let user = UInt64(parts[1]) else { return nil }
        self.init(channelID: channel, userID: user, text: String(parts[2]), token: token)
    }

    /// The message posted when the reminder fires: the mention, the reminder number and the text, then (with a
    /// token) a small last line `-# ref <token>` that identifies this delivery exactly.
    public func message(jobID: Int64) -> String {
        let header = Self.header(userID: userID, jobID: jobID)
        guard let token else { return header + text }
        return header + text + "\n" + Self.referencePrefix + HexToken.format(token)
    }

    /// The `nonce` of the create request (at most 25 characters): `r` and the token's 16 hex digits.
    public var nonce: String? {
        token.map { "r" + HexToken.format($0) }
    }

    /// Whether `content` (a message by the bot itself) is this reminder's delivery: its last line carries exactly
    /// this reminder's token. A reminder without a token (an older payload) matches the exact header its
    /// message began with, `<@user> ⏰ reminder #<job>: `, so `#1` never matches `#10`.
    public func isDelivered(in content: String, jobID: Int64) -> Bool {
        if let token {
            guard let lastNewline = content.lastIndex(of: "\n") else { return false }
            let lastLine = content[content.index(after: lastNewline)...]
            guard lastLine.hasPrefix(Self.referencePrefix) else { return false }
            return HexToken.parse(lastLine.dropFirst(Self.referencePrefix.count)) == token
        }
        return content.hasPrefix(Self.header(userID: userID, jobID: jobID))
    }

    /// The first characters of a delivered reminder; ends with `": "`, so it names the job number exactly.
    static func header(userID: UInt64, jobID: Int64) -> String {
        "<@\(userID)> ⏰ reminder #\(jobID): "
    }

    static let referencePrefix = "-# ref "


}
