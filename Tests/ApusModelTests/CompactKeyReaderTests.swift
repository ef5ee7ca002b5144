import Testing
@testable import ApusModel

/// The inlined compact-key reader against the general one: whenever it answers, it must agree exactly (the same key
/// bytes, head and position after the colon), and it must decline everything it does not handle.
@Suite struct CompactKeyReaderTests {
    /// Reads the key that starts at `json`'s offset `start` (with `needsComma` as given) both ways.
    private func both(_ json: String, needsComma: Bool) -> (compact: (key: [UInt8], head: UInt64, offset: Int)?,
                                                            general: (key: [UInt8], head: UInt64, offset: Int)?) {
        let bytes = Array(json.utf8)
        return bytes.withUnsafeBytes { buffer in
            var fast = JSONReader(bytes: buffer)
            fast.needsComma = needsComma
            fast.depth = 1
            let compact = fast.nextCompactKey().map { (Array($0.raw), $0.head, fast.offset) }
            var slow = JSONReader(bytes: buffer)
            slow.needsComma = needsComma
            slow.depth = 1
            let general = (try? slow.nextKeyInGeneral()).flatMap { $0 }.map { (Array($0.raw), $0.head, slow.offset) }
            return (compact, general)
        }
    }

    @Test func agreesWithTheGeneralReaderOnEveryKeyLength() {
        let padding = String(repeating: "1", count: 24)
        for length in 0...20 {
            let key = String("abcdefghijklmnopqrstuvwxyz".prefix(length))
            for needsComma in [false, true] {
                let prefix = needsComma ? "," : ""
                let (compact, general) = both(prefix + "\"\(key)\":" + padding, needsComma: needsComma)
                #expect(general?.key == Array(key.utf8), "general reader, length \(length)")
                if length <= 15 {
                    #expect(compact?.key == general?.key && compact?.head == general?.head
                            && compact?.offset == general?.offset, "length \(length), comma \(needsComma)")
                } else {
                    #expect(compact == nil, "keys of 16 bytes or more take the general path (length \(length))")
                }
            }
        }
    }

    /// The colon is taken from the loaded word when it falls inside it, and loaded separately when the closing quote
    /// is a word's last byte (keys of 7 and 15 bytes): every byte value after the quote, at every key length.
    @Test func everyByteAfterTheClosingQuote() {
        let padding = Array(String(repeating: "1", count: 24).utf8)
        for length in 0...15 {
            let key = Array("abcdefghijklmnopqrstuvwxyz".utf8.prefix(length))
            for value in 0...255 {
                let bytes = [UInt8(ascii: ",")] + [UInt8(ascii: "\"")] + key + [UInt8(ascii: "\""), UInt8(value)] + padding
                let json = String(decoding: bytes, as: UTF8.self)
                guard Array(json.utf8) == bytes else { continue }  // invalid UTF-8 alone: covered by the reader's tests
                let (compact, general) = both(json, needsComma: true)
                if value == Int(UInt8(ascii: ":")) {
                    #expect(compact != nil && compact?.key == general?.key && compact?.offset == general?.offset,
                            "length \(length)")
                } else {
                    #expect(compact == nil, "byte \(value) after a key of length \(length)")
                }
            }
        }
    }

    @Test func declinesWhatItDoesNotHandle() {
        let padding = String(repeating: "1", count: 24)
        let declined = [
            (" \"id\":" + padding, false),                  // whitespace before the key
            (", \"id\":" + padding, true),                  // whitespace after the comma
            ("\"id\" :" + padding, false),                  // whitespace before the colon
            ("}" + padding, true),                          // the end of the object
            ("\"i\\u0064\":" + padding, false),             // an escape
            ("\"é\":" + padding, false),                    // a non-ASCII key
            ("\"a\u{01}\":" + padding, false),              // a control character
            ("\"id\"x" + padding, false),                   // no colon
            ("\"id\":1}", false),                           // too close to the end of the buffer
            ("\"id\":" + padding, true),                    // a comma was needed
            ("x\"id\":" + padding, false),                  // not a key at all
        ]
        for (json, needsComma) in declined {
            #expect(both(json, needsComma: needsComma).compact == nil, "\(json)")
        }
        // A quote or a backslash after the key's closing quote does not matter.
        #expect(both("\"ab\":\"\\\\\"" + padding, needsComma: false).compact?.key == Array("ab".utf8))
    }

    @Test func seededRandomKeysAgree() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        let alphabet = Array("abc_XYZ09 \"\\:,é\u{01}".unicodeScalars)
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 59)
            var key = ""
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                key.unicodeScalars.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let json = ",\"" + key + "\":" + String(repeating: "7", count: 20)
            let (compact, general) = both(json, needsComma: true)
            if let compact {
                #expect(compact.key == general?.key && compact.head == general?.head && compact.offset == general?.offset,
                        "\(json)")
            }
        }
    }
}
