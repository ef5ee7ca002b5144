/// The matcher behind ``DurationGrammar/summedUnits``: reproduces Python's
/// `re.findall(r"(\d{1,5}(?:[.,]?\d{1,5})?)([smhd])", text.lower())` in one left-to-right pass without backtracking.
///
/// A match ends at a unit letter, which is not a digit, so its number always runs to the end of a digit run. At a
/// start position `p` inside a digit run of remaining length `n`, the pattern matches when either
/// the run is followed by a unit and `n <= 10` (the two `\d{1,5}` groups split the run), or the run is followed by
/// `.`/`,`, a second run of length `1...5` and a unit, and `n <= 5`. `findall` tries each start in turn, so the
/// first start that satisfies the rule is the leftmost one with a short enough remainder.
enum SummedUnitsScanner {
    /// Calls `body(number, secondsPerUnit)` for each match, in order.
    static func forEachMatch(in bytes: [UInt8], _ body: (Double, Double) -> Void) {
        let count = bytes.count
        var index = 0
        while index < count {
            guard isDigit(bytes[index]) else {
                index += 1
                continue
            }
            var runEnd = index
            while runEnd < count, isDigit(bytes[runEnd]) { runEnd += 1 }
            var matched = false
            if runEnd < count, let multiplier = unitSeconds(bytes[runEnd]) {
                let start = max(index, runEnd - 10)
                body(parseNumber(bytes[start..<runEnd]), multiplier)
                index = runEnd + 1
                matched = true
            } else if runEnd + 1 < count, bytes[runEnd] == UInt8(ascii: ".") || bytes[runEnd] == UInt8(ascii: ",") {
                var fractionEnd = runEnd + 1
                while fractionEnd < count, isDigit(bytes[fractionEnd]) { fractionEnd += 1 }
                let fractionLength = fractionEnd - runEnd - 1
                if fractionLength >= 1, fractionLength <= 5, fractionEnd < count,
                   let multiplier = unitSeconds(bytes[fractionEnd]) {
                    let start = max(index, runEnd - 5)
                    body(parseNumber(bytes[start..<fractionEnd]), multiplier)
                    index = fractionEnd + 1
                    matched = true
                }
            }
            // No match anywhere in this run: findall moves on past it (every later start fails the same way).
            if !matched { index = runEnd }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Seconds per unit after ASCII lower-casing (the only letters whose lower case is `s m h d`).
    private static func unitSeconds(_ byte: UInt8) -> Double? {
        switch byte | 0x20 {
        case UInt8(ascii: "s"): 1
        case UInt8(ascii: "m"): 60
        case UInt8(ascii: "h"): 3_600
        case UInt8(ascii: "d"): 86_400
        default: nil
        }
    }

    /// `float(v.replace(",", "."))` for at most 10 digits and one separator.
    private static func parseNumber(_ bytes: ArraySlice<UInt8>) -> Double {
        var text = ""
        text.reserveCapacity(bytes.count)
        for byte in bytes {
            text.unicodeScalars.append(Unicode.Scalar(byte == UInt8(ascii: ",") ? UInt8(ascii: ".") : byte))
        }
        return Double(text) ?? 0
    }
}
