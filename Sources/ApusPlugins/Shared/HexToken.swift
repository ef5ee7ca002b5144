/// The text form of the random 64-bit tokens the plugins write into Discord (a reminder's delivery token, a
/// temp-ban's reference): exactly 16 lowercase hexadecimal digits, so that a token is read back only from text that
/// this form wrote.
enum HexToken {
    /// `value` as exactly 16 lowercase hex digits.
    static func format(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The value of exactly 16 lowercase hex digits, or nil for any other text.
    static func parse(_ text: Substring) -> UInt64? {
        guard text.utf8.count == 16, text.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return nil
        }
        return UInt64(text, radix: 16)
    }
}
