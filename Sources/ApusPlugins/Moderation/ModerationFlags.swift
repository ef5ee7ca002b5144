import ApusCommands

/// The flag sets of the moderation commands, with the names, aliases and defaults of the original bot (§4.2 of the
/// behaviour doc): `-name value` tokens, case-insensitive, a positional reason before the first flag, and `-silent`
/// (`-s`, `-quiet`) without a value.
public enum ModerationFlags {
    /// The default reason.
    public static let noReason = "No reason provided"

    static let reason = FlagDefinition(
        "reason", "Why (shown to the member and in the case).", kind: .text(maxLength: CaseStore.maximumReasonLength),
        default: .string(noReason))
    static let silent = FlagDefinition(
        "silent", aliases: ["s", "quiet"], "Don't send the member a direct message.", kind: .boolean, default: .boolean(false))
    static let purge = FlagDefinition(
        "purge", aliases: ["p"], "Days of the member's messages to delete (0-7).", kind: .integer(range: 0...7),
        default: .integer(0))

    /// `ban`: reason, `-purge` (0-7 days), `-silent`.
    public static let ban = FlagSet(name: "BanFlags", positional: reason, flags: [purge, silent])

    /// `tempban`: reason, `-duration` (`-t`, `-d`, `-e`; the tempban grammar: `1h30m`, `1.5h`, `2d`), `-purge`,
    /// `-silent`.
    public static let tempban = FlagSet(name: "TempBanFlags", positional: reason, flags: [
        FlagDefinition(
            "duration", aliases: ["t", "d", "e"], "How long, e.g. 1h30m or 7d.", kind: .duration(.summedUnits), required: true),
        purge, silent,
    ])

    /// `timeout`: reason, `-duration` (`-t`, `-d`, `-e`; the timeout grammar: one number and unit, `10m`, `2h`, `7d`),
    /// `-silent`.
    public static let timeout = FlagSet(name: "TimeoutFlags", positional: reason, flags: [
        FlagDefinition(
            "duration", aliases: ["t", "d", "e"], "How long, e.g. 10m, 2h or 7d (at most 28 days).",
            kind: .duration(.singleUnit), required: true),
        silent,
    ])

    /// `kick`, `warn`, `untimeout`, `unban`: reason and `-silent`.
    public static let reasonAndSilent = FlagSet(name: "ReasonFlags", positional: reason, flags: [silent])

    /// `cases search`: `-type` (`-t`), `-user` (`-u`), `-mod` (`-m`).
    public static let search = FlagSet(name: "CasesViewFlags", flags: [
        FlagDefinition(
            "type", aliases: ["t"], "Only this kind of case.",
            kind: .choice(CaseType.allCases.map { CommandChoice($0.rawValue) })),
        FlagDefinition("user", aliases: ["u"], "Only cases about this user.", kind: .user),
        FlagDefinition("mod", aliases: ["m"], "Only cases by this moderator.", kind: .user),
    ])

    /// `cases modify`: `-status` (`-s`, a yes/no: whether the case stands) and/or `-reason` (`-r`); one is required.
    public static let modify = FlagSet(
        name: "CaseModifyFlags",
        flags: [
            FlagDefinition("status", aliases: ["s"], "Whether the case stands (yes/no).", kind: .boolean),
            FlagDefinition(
                "reason", aliases: ["r"], "The new reason.", kind: .text(maxLength: CaseStore.maximumReasonLength)),
        ],
        validate: { flags in
            flags.contains("status") || flags.contains("reason") ? nil : "Status or reason must be provided."
        })
}
