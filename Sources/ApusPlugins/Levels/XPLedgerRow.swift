import ApusCore

/// One member's stored levels state in one guild (the `levels` table row).
public struct XPLedgerRow: Sendable, Hashable {
    /// Total XP (never negative).
    public var xp: Double
    /// The stored level (it can lag the curve by one at the float boundary; see ``LevelCurve``).
    public var level: Int
    /// Whether the member is barred from earning XP.
    public var blacklisted: Bool
    /// When the member last earned (or, for a new row, first sent) a message.
    public var lastMessage: WallTime

    /// Creates a row.
    public init(xp: Double, level: Int, blacklisted: Bool, lastMessage: WallTime) {
        self.xp = xp
        self.level = level
        self.blacklisted = blacklisted
        self.lastMessage = lastMessage
    }
}
