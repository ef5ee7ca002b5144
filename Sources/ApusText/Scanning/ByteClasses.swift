/// Byte classes shared by the scanners. Everything works on UTF-8 bytes; a multi-byte character is never split
/// because every byte the scanners stop on is ASCII, and UTF-8 continuation bytes are never ASCII.
enum ByteClass {
    /// `0-9` only (Python's `\d` also accepts other scripts' digits; Apus does not, see the module notes).
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// `[A-Za-z0-9]`.
    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// `[A-Za-z0-9_]`, the custom emoji name alphabet.
    @inline(__always) static func isEmojiNameByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_")
    }

    /// ASCII lower case of a letter; other bytes unchanged.
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The byte length of the whitespace character that starts at `index`, or 0 when there is none.
    ///
    /// The set is Python's `str.isspace()` (and `re`'s `\s` on `str`): `\t \n \v \f \r`, `\x1c-\x1f`, space,
    /// U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
    @inline(__always) static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte &- 0x09 < 5 || byte &- 0x1C < 5) ? 1 : 0
        }
        return multiByteWhitespaceLength(bytes, at: index)
    }

    private static func multiByteWhitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        let count = bytes.count
        switch byte {
        case 0xC2:
            guard index + 1 < count else { return 0 }
            let next = bytes[index + 1]
            return next == 0x85 || next == 0xA0 ? 2 : 0
        case 0xE1:
            guard index + 2 < count else { return 0 }
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard index + 2 < count else { return 0 }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80 {
                return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
            }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            guard index + 2 < count else { return 0 }
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// The end of the run of bytes satisfying `predicate` that starts at `start`, looking at no more than `limit`
    /// bytes (so a run longer than any pattern allows costs a bounded amount of work).
    @inline(__always) static func runEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, _ predicate: (UInt8) -> Bool
    ) -> Int {
        let stop = min(bytes.count, start + limit)
        var index = start
        while index < stop, predicate(bytes[index]) { index += 1 }
        return index
    }

    /// Whether the ASCII literal `literal` occurs at `index`, comparing exactly.
    @inline(__always) static func hasPrefix(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString
    ) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<length where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    /// Whether the lower-case ASCII literal `literal` occurs at `index`, ignoring ASCII case.
    @inline(__always) static func hasPrefixIgnoringCase(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString
    ) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<length where lower(bytes[index + offset]) != pointer[offset] { return false }
        return true
    }
}

extension StringProtocol {
    /// Runs `body` over this text's UTF-8 bytes, without copying when the storage is contiguous.
    @inline(__always) func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        let copy = Array(utf8)
        return try copy.withUnsafeBufferPointer(body)
    }
}
