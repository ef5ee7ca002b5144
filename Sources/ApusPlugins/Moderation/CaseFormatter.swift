import ApusCore
import ApusText

/// How cases read in chat and in the log channel.
enum CaseFormatter {
    /// Discord's timestamp markup (`<t:1700000000:R>`), which each reader sees in their own time zone.
    static func discordTime(_ time: WallTime, style: String) -> String {
        "<t:\(time.millisecondsSinceEpoch / 1_000):\(style)>"
    }

    /// One line per case, for lists.
    static func summary(_ moderationCase: ModerationCase) -> String {
        var line = "#\(moderationCase.number) · \(moderationCase.type.rawValue) · <@\(moderationCase.userID)> by <@\(moderationCase.moderatorID)>"
        line += " · \(discordTime(moderationCase.createdAt, style: "d"))"
        if !moderationCase.isValid { line += " · voided" }
        line += " · \(TextTruncation.truncate(moderationCase.reason, toCodePoints: 80))"
        return line
    }

    /// A case in full.
    static func detail(_ moderationCase: ModerationCase) -> String {
        var lines = [
            "**Case #\(moderationCase.number)** · \(moderationCase.type.rawValue)\(moderationCase.isValid ? "" : " (voided)")",
            "Member: <@\(moderationCase.userID)> (\(moderationCase.userID))",
            "Moderator: <@\(moderationCase.moderatorID)>",
            "Reason: \(moderationCase.reason)",
            "Opened: \(discordTime(moderationCase.createdAt, style: "f"))",
        ]
        if let expiresAt = moderationCase.expiresAt {
            let state = moderationCase.type == .tempban ? (moderationCase.isProcessed ? " (ended)" : " (pending)") : ""
            lines.append("Expires: \(discordTime(expiresAt, style: "f")) (\(discordTime(expiresAt, style: "R")))\(state)")
        }
        return lines.joined(separator: "\n")
    }

    /// The log channel's line for a new case.
    static func logLine(_ moderationCase: ModerationCase, targetName: String) -> String {
        var line = "Case #\(moderationCase.number) · \(moderationCase.type.rawValue) · \(targetName) (\(moderationCase.userID)) by <@\(moderationCase.moderatorID)>"
        if let expiresAt = moderationCase.expiresAt { line += " · expires \(discordTime(expiresAt, style: "R"))" }
        return line + " · \(moderationCase.reason)"
    }
}
