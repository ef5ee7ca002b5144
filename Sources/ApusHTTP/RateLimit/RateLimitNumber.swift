/// Strict readers for the numbers in rate-limit headers and 429 bodies.
///
/// Whatever arrives is a string from the network: these readers accept only plain decimal numbers, clamp integers
/// to the range of `Int` instead of failing on overflow, and report a value that is not a usable number (text,
/// `nan`, `inf`, hexadecimal, negative or non-finite seconds) as `nil`, so the caller can count it as malformed.
enum RateLimitNumber {
    /// Reads an optionally signed decimal integer; digits beyond the range of `Int` saturate at `Int.min` or
    /// `Int.max`. Returns nil for anything else (empty, a fraction, spaces inside, other characters).
    static func integer(_ text: Substring) -> Int? {
        var bytes = text.utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return nil }
        var value = 0
        var saturated = false
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            guard !saturated else { continue }
            let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative
                ? times10.subtractingReportingOverflow(Int(digit)) : times10.addingReportingOverflow(Int(digit))
            if overflowA || overflowB {
                value = negative ? .min : .max
                saturated = true
            } else {
                value = next
            }
        }
        return value
    }

    /// Reads a non-negative, finite decimal number of seconds such as `1`, `0.25`, `1.5e2`. Returns nil for a
    /// negative or non-finite value and for anything that is not a plain decimal number (`nan`, `inf`, `0x10`,
    /// text, an empty string).
    static func seconds(_ text: Substring) -> Double? {
        guard !text.isEmpty,
            text.utf8.allSatisfy({ ($0 &- UInt8(ascii: "0")) < 10 || $0 == UInt8(ascii: ".")
                || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+")
                || $0 == UInt8(ascii: "-") }),
            let value = Double(text)
        else { return nil }
        return seconds(value)
    }

    /// Checks a number of seconds that was already parsed (from a JSON body): nil when negative, NaN or infinite.
    static func seconds(_ value: Double) -> Double? {
        value.isFinite && value >= 0 ? value : nil
    }
}
