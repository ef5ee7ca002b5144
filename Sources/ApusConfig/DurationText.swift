/// The duration grammar of configuration files: one or more `<number><unit>` parts, such as `90s`,
/// `1h30m`, `500ms` or `2d`. Units: `ms`, `s`, `m`, `h`, `d`, `w`. Spaces between parts are allowed.
public enum DurationText {
    /// Parses `text`, or returns `nil` when it does not follow the grammar, has no part, or overflows.
    public static func parse(_ text: String) -> Duration? {
        let bytes = Array(text.utf8)
        var index = 0
        var totalMilliseconds: Int64 = 0
        var sawPart = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: " ") {
                index += 1
                continue
            }
            var number: Int64 = 0
            var digitCount = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                let (times, overflowA) = number.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = times.addingReportingOverflow(Int64(bytes[index] - UInt8(ascii: "0")))
                guard !overflowA, !overflowB else { return nil }
                number = sum
                digitCount += 1
                index += 1
            }
            guard digitCount > 0 else { return nil }
            let unitStart = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "a"), bytes[index] <= UInt8(ascii: "z") {
                index += 1
            }
            let unit = String(decoding: bytes[unitStart..<index], as: UTF8.self)
            guard let millisecondsPerUnit = unitMilliseconds[unit] else { return nil }
            let (part, overflowC) = number.multipliedReportingOverflow(by: millisecondsPerUnit)
            let (sum, overflowD) = totalMilliseconds.addingReportingOverflow(part)
            guard !overflowC, !overflowD else { return nil }
            totalMilliseconds = sum
            sawPart = true
        }
        return sawPart ? .milliseconds(totalMilliseconds) : nil
    }

    /// Formats a duration in the same grammar, largest units first (`1h30m`, `500ms`, `0s`).
    public static func format(_ duration: Duration) -> String {
        var remaining = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        guard remaining > 0 else { return "0s" }
        var text = ""
        for (unit, size) in [("w", Int64(604_800_000)), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)] {
            let count = remaining / size
            if count > 0 {
                text += "\(count)\(unit)"
                remaining -= count * size
            }
        }
        return text
    }

    private static let unitMilliseconds: [String: Int64] = [
        "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000,
    ]
}
