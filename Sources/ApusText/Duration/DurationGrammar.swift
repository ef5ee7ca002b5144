/// The three duration grammars used by the moderation and utility commands Apus replaces.
///
/// Each command keeps the grammar its original used, so that the exact inputs users are used to keep working:
///
/// - ``singleUnit``: **timeout** (`parse_time_string`). One number and one unit: `^\d+[smhdw]$`
///   (`"60s"`, `"01m"`, `"1w"`). `"1h30m"` is rejected with `Invalid time format: '1h30m'`.
/// - ``summedUnits``: **tempban** (`TimeConverter`). Every `(\d{1,5}(?:[.,]?\d{1,5})?)([smhd])` found in the
///   lower-cased text is summed (`"1h30m"`, `"1.5h"`, `"1,5h"`, `"1H"`); text that does not match is ignored
///   (`"1h30xyz"` is one hour). No match at all is an error with the original's message.
/// - ``compactUnits``: **remindme** and **self_timeout** (`convert_to_seconds`). Number-unit pairs with no spaces,
///   units `s m h d w` and the upper-case `D H W` (`"2w3d"`, `"1H2m"`, repeated units add up: `"1h1h"`).
///   Where the original returned `0` (unknown character, a unit without a number or with the number 0, a trailing
///   number without a unit, empty input) Apus throws a ``DurationParseError`` instead.
///
/// Deliberate differences from the Python originals (all three):
/// - Only ASCII digits `0-9` are digits. Python's `\d` / `str.isdigit` also accept other scripts' digits
///   (`"١h"`), which no user types on purpose.
/// - Python integers never overflow; a number too large for a 64-bit second count is an error here
///   (`DurationParseError`, "too large").
/// - ``singleUnit`` accepts one trailing `"\n"`, like Python's `$`.
public enum DurationGrammar: Sendable, CaseIterable, Hashable {
    /// `timeout`: `^\d+[smhdw]$` (`parse_time_string`); one number and one unit.
    case singleUnit
    /// `tempban`: `TimeConverter`, every `(\d{1,5}(?:[.,]?\d{1,5})?)([smhd])` in the lower-cased text, summed.
    case summedUnits
    /// `remindme`, `self_timeout`: `convert_to_seconds`, number-unit pairs with `s m h d w` and `D H W`.
    case compactUnits

    /// Parses `text` with this grammar.
    ///
    /// - Returns: the duration (whole seconds, except ``summedUnits`` which accepts fractions such as `"1.5h"`).
    /// - Throws: ``DurationParseError`` with a user-facing ``DurationParseError/description``.
    public func parse(_ text: some StringProtocol) throws(DurationParseError) -> Duration {
        var utf8 = Array(text.utf8)
        switch self {
        case .singleUnit:
            return try Self.parseSingleUnit(&utf8, original: String(text))
        case .summedUnits:
            return try Self.parseSummedUnits(utf8, original: String(text))
        case .compactUnits:
            return try Self.parseCompactUnits(utf8, original: String(text))
        }
    }

    // MARK: - singleUnit

    private static func parseSingleUnit(_ bytes: inout [UInt8], original: String) throws(DurationParseError) -> Duration {
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        let invalid = DurationParseError(grammar: .singleUnit, input: original,
                                         description: "Invalid time format: '\(original)'")
        guard bytes.count >= 2, let unit = bytes.last, let multiplier = singleUnitSeconds(unit) else { throw invalid }
        var value: Int64 = 0
        for byte in bytes.dropLast() {
            guard byte &- UInt8(ascii: "0") < 10 else { throw invalid }
            let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = times10.addingReportingOverflow(Int64(byte &- UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { throw tooLarge(.singleUnit, original) }
            value = next
        }
        let (seconds, overflow) = value.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { throw tooLarge(.singleUnit, original) }
        return .seconds(seconds)
    }

    private static func singleUnitSeconds(_ byte: UInt8) -> Int64? {
        switch byte {
        case UInt8(ascii: "s"): 1
        case UInt8(ascii: "m"): 60
        case UInt8(ascii: "h"): 3_600
        case UInt8(ascii: "d"): 86_400
        case UInt8(ascii: "w"): 604_800
        default: nil
        }
    }

    // MARK: - summedUnits

    /// The original's message for `TimeConverter` failures, reused verbatim.
    static let summedUnitsMessage = "Invalid time format. Use digits followed by s, m, h, or d (e.g., '1h30m')."

    private static func parseSummedUnits(_ bytes: [UInt8], original: String) throws(DurationParseError) -> Duration {
        var total = 0.0
        var found = false
        SummedUnitsScanner.forEachMatch(in: bytes) { number, multiplier in
            total += number * multiplier
            found = true
        }
        guard found else {
            throw DurationParseError(grammar: .summedUnits, input: original, description: summedUnitsMessage)
        }
        guard total.isFinite, total < Double(Int64.max) else { throw tooLarge(.summedUnits, original) }
        return .seconds(total)
    }

    // MARK: - compactUnits

    private static func parseCompactUnits(_ bytes: [UInt8], original: String) throws(DurationParseError) -> Duration {
        func invalid(_ reason: String) -> DurationParseError {
            DurationParseError(grammar: .compactUnits, input: original,
                               description: "Invalid time format: '\(original)'. \(reason)")
        }
        guard !bytes.isEmpty else { throw invalid("Give a duration such as 1h30m, 2d or 1w.") }
        var total: Int64 = 0
        var pending: Int64 = 0
        var hasPendingDigits = false
        for byte in bytes {
            if byte &- UInt8(ascii: "0") < 10 {
                let (times10, overflowA) = pending.multipliedReportingOverflow(by: 10)
                let (next, overflowB) = times10.addingReportingOverflow(Int64(byte &- UInt8(ascii: "0")))
                guard !overflowA, !overflowB else { throw tooLarge(.compactUnits, original) }
                pending = next
                hasPendingDigits = true
            } else if let multiplier = compactUnitSeconds(byte) {
                guard pending != 0 else {
                    throw invalid("Each unit needs a number greater than 0 before it (e.g. 1h30m).")
                }
                let (part, overflowA) = pending.multipliedReportingOverflow(by: multiplier)
                let (sum, overflowB) = total.addingReportingOverflow(part)
                guard !overflowA, !overflowB else { throw tooLarge(.compactUnits, original) }
                total = sum
                pending = 0
                hasPendingDigits = false
            } else {
                throw invalid("Use numbers followed by s, m, h, d or w, without spaces (e.g. 1h30m).")
            }
        }
        guard !hasPendingDigits else { throw invalid("The last number has no unit (s, m, h, d or w).") }
        return .seconds(total)
    }

    private static func compactUnitSeconds(_ byte: UInt8) -> Int64? {
        switch byte {
        case UInt8(ascii: "s"): 1
        case UInt8(ascii: "m"): 60
        case UInt8(ascii: "h"), UInt8(ascii: "H"): 3_600
        case UInt8(ascii: "d"), UInt8(ascii: "D"): 86_400
        case UInt8(ascii: "w"), UInt8(ascii: "W"): 604_800
        default: nil
        }
    }

    private static func tooLarge(_ grammar: DurationGrammar, _ input: String) -> DurationParseError {
        DurationParseError(grammar: grammar, input: input, description: "The duration '\(input)' is too large.")
    }
}
