/// The scheduled end of a temp-ban.
///
/// Discord bans have no id, so the ban the bot creates names its case in its reason (the audit-log reason,
/// ``TempbanMarker``), and the expiry lifts the member's ban only while the ban's current reason still carries one
/// of ``markers``: a ban lifted by hand and replaced (in Discord's client, by another bot) is left alone.
///
/// The job payload is `guild` and `user` on two lines, then one line per accepted marker (`<case> <token>`). A
/// payload stored before markers existed has no marker lines (see ``isLegacy``). The job key (``jobKey``) names the
/// guild and user, so a second temp-ban of the same user moves the unban instead of adding one (and keeps the earlier
/// markers, since Discord may keep the earlier ban's reason), and `ban` or `unban` cancels it.
public struct TempbanExpiry: Sendable, Hashable {
    /// The guild.
    public var guildID: UInt64
    /// The banned user.
    public var userID: UInt64
    /// The markers of the bans this expiry may lift (the latest temp-ban's last).
    public var markers: [TempbanMarker]

    /// Creates an expiry.
    public init(guildID: UInt64, userID: UInt64, markers: [TempbanMarker] = []) {
        self.guildID = guildID
        self.userID = userID
        self.markers = markers
    }

    /// Whether the payload predates markers: the ban is then recognised by its case's reason.
    public var isLegacy: Bool { markers.isEmpty }

    /// The job payload.
    public var payload: String {
        ([String(guildID), String(userID)] + markers.map { "\($0.caseNumber) \(HexToken.format($0.token))" })
            .joined(separator: "\n")
    }

    /// The job key: one pending unban per guild and user.
    public var jobKey: String { "guild:\(guildID):user:\(userID)" }

    /// Reads a job payload; `nil` when it is not one (a damaged row is buried, not retried forever).
    public init?(payload: String) {
        let lines = payload.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines.count <= 2 + Self.maximumMarkers, let guild = UInt64(lines[0]),
            let user = UInt64(lines[1])
        else { return nil }
        var markers: [TempbanMarker] = []
        for line in lines.dropFirst(2) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, let number = Int(fields[0]), number >= 1,
                let token = HexToken.parse(fields[1])
            else { return nil }
            markers.append(TempbanMarker(caseNumber: number, token: token))
        }
        self.init(guildID: guild, userID: user, markers: markers)
    }

    /// The most markers one expiry keeps (the latest ones): re-issued temp-bans of one member stay bounded.
    public static let maximumMarkers = 16

    /// This expiry with `marker` added as the latest (the oldest dropped beyond ``maximumMarkers``).
    public func adding(_ marker: TempbanMarker) -> TempbanExpiry {
        var copy = self
        copy.markers = Array((markers.filter { $0 != marker } + [marker]).suffix(Self.maximumMarkers))
        return copy
    }
}

/// What a temp-ban writes at the start of its ban's reason: its case number and a random 64-bit token (so that a
/// case number from another database, or a reason typed by hand, does not match), as `Case #12 (ref 0123…): `.
public struct TempbanMarker: Sendable, Hashable {
    /// The temp-ban's case number in its guild.
    public var caseNumber: Int
    /// A random number drawn for this ban.
    public var token: UInt64

    /// Creates a marker.
    public init(caseNumber: Int, token: UInt64) {
        self.caseNumber = caseNumber
        self.token = token
    }

    /// The most characters of an audit-log reason Discord keeps.
    public static let maximumReasonLength = 512

    /// The ban's reason: the marker, then the moderator's reason, cut to ``maximumReasonLength`` characters.
    public func banReason(_ reason: String) -> String {
        String(("Case #\(caseNumber) (ref \(HexToken.format(token))): " + reason).prefix(Self.maximumReasonLength))
    }

    /// Reads the marker at the start of a ban's reason; `nil` when the reason does not begin with one exactly.
    public init?(banReason: String) {
        var rest = Substring(banReason)
        guard rest.hasPrefix("Case #") else { return nil }
        rest = rest.dropFirst(6)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let number = Int(digits), number >= 1 else { return nil }
        rest = rest.dropFirst(digits.count)
        guard rest.hasPrefix(" (ref ") else { return nil }
        rest = rest.dropFirst(6)
        guard let token = HexToken.parse(rest.prefix(16)) else { return nil }
        rest = rest.dropFirst(16)
        guard rest.hasPrefix("):") else { return nil }
        self.init(caseNumber: number, token: token)
    }


}
