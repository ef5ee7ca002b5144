/// Removes Discord markdown exactly as the original bot's `strip_formatting` does, in linear time: a word-at-a-time
/// backtick count, one streaming pass, and one more pass only when the message has an odd number of backticks.
///
/// The original applies, in order and without `DOTALL`:
/// 1. ```` re.sub(r"```(.*?)```", r"\1") ```` 2. `` re.sub(r"`([^`]*)`", r"\1") ``
/// 3. `re.sub(r"^#+\s+", "", flags=re.MULTILINE)` 4. `re.sub(r"[\*_~>]", "")` 5. `re.sub(r"\s+", " ")`
/// 6. `.strip()`.
///
/// Steps 1 and 2 only ever delete backticks (step 1 keeps the text between its fences; step 2 pairs the remaining
/// backticks left to right). Step 1 deletes them six at a time, so the parity of the count is unchanged: with an
/// even count every backtick goes; with an odd count exactly one survives, the last one step 1 did not delete.
/// Steps 3-6 then run as a streaming state machine over the remaining characters. Whitespace is Python's
/// (`str.isspace`), including U+00A0, U+2000-U+200A, U+3000 and the other Unicode spaces.
///
/// Examples: ```` "```py\nx = *1*\n``` and `code` **bold**" ```` → `"py x = 1 and code bold"`,
/// `"# Title\n## sub\n  many   spaces"` → `"Title sub many spaces"`, ```` "a```b" ```` → `` "a`b" ``.
public struct MarkdownStripper: Sendable {
    private var buffer: [UInt8] = []
    private var written = 0

    /// The output of the last ``strip(bytes:)``, as UTF-8 (a view of a buffer reused between calls).
    public var output: ArraySlice<UInt8> { buffer[0..<written] }

    /// Creates a stripper with an empty output buffer (kept and reused between calls).
    public init() {}

    /// `strip_formatting(text)`.
    public static func strip(_ text: some StringProtocol) -> String {
        var stripper = MarkdownStripper()
        text.withUTF8Bytes { stripper.strip(bytes: $0) }
        return String(decoding: stripper.output, as: UTF8.self)
    }

    /// Byte classes of the streaming pass: 0 is copied, 1 is one-byte whitespace, 2 is removed by step 4
    /// (`* _ ~ >`), 3 needs the slow path (`#`, backticks, lead bytes of multi-byte whitespace).
    private static let classes = ByteSet(classes: [
        (bytes: [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20], value: 1),
        (bytes: [UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ">")], value: 2),
        (bytes: [UInt8(ascii: "#"), UInt8(ascii: "`"), 0xC2, 0xE1, 0xE2, 0xE3], value: 3),
    ])

    /// Strips the UTF-8 `bytes` into ``output`` (replacing its previous content, keeping the buffer).
    public mutating func strip(bytes: UnsafeBufferPointer<UInt8>) {
        let backticks = Self.countBackticks(bytes)
        let survivor = backticks % 2 == 1 ? Self.survivingBacktick(bytes) : -1
        // The output is never longer than the input: characters are dropped, whitespace runs become one space.
        if buffer.count < bytes.count { buffer = [UInt8](repeating: 0, count: max(bytes.count, 2 * buffer.count, 64)) }
        written = buffer.withUnsafeMutableBufferPointer { output in
            Self.classes.withTable { classes in
                Self.stripSteps3To6(bytes, survivor: survivor, classes: classes, into: output)
            }
        }
    }

    /// Steps 3-6 over the characters that survive steps 1-2 (every backtick except `survivor`). Returns the length.
    ///
    /// Whitespace is written eagerly as one space unless the previous output byte already is one (or nothing has
    /// been written), and a final space is dropped at the end: the same result as collapsing, then stripping. The
    /// output never outgrows the input, so `written <= index` and every store is in bounds.
    private static func stripSteps3To6(
        _ bytes: UnsafeBufferPointer<UInt8>, survivor: Int, classes: UnsafeBufferPointer<UInt8>,
        into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        let tick = UInt8(ascii: "`")
        let space = UInt8(ascii: " ")
        let newline = UInt8(ascii: "\n")
        let count = bytes.count
        var written = 0
        var lastWasSpace = true
        var atLineStart = true
        var index = 0
        while index < count {
            // Classes 0 (copied), 1 (one-byte whitespace) and 2 (removed) with no branch per byte: word boundaries
            // come every few bytes in chat text, and a mispredicted branch costs more than the arithmetic. The byte
            // (or a space, for whitespace) is always stored at `written`; `written` moves only when it is kept.
            // `state` is 1 while the last output byte is a space (or nothing is written yet). With
            // `i = kind * 2 + state`, bit i of 0b000111 says whether the byte is kept and bit i of 0b101100 gives the
            // next state. In bounds: `written <= index < count <= output.count`.
            var byte = bytes[index]
            var kind = classes[Int(byte)]
            if kind < 3 {
                var state = lastWasSpace ? 1 : 0
                repeat {
                    let selector = Int(kind) &<< 1 | state
                    let isNotCopied = UInt8(truncatingIfNeeded: (0 &- Int(kind)) &>> 8)
                    output[written] = byte ^ ((byte ^ space) & isNotCopied)
                    written &+= (0b000111 &>> selector) & 1
                    state = (0b101100 &>> selector) & 1
                    index &+= 1
                    atLineStart = byte == newline
                    guard index < count else { break }
                    byte = bytes[index]
                    kind = classes[Int(byte)]
                } while kind < 3
                lastWasSpace = state == 1
                guard index < count else { break }
            }
            if byte == tick, index != survivor {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "#"), atLineStart,
               let end = headingPrefixEnd(bytes, from: index, survivor: survivor) {
                index = end.index
                atLineStart = end.endsWithNewline
                continue
            }
            atLineStart = false
            let whitespace = byte >= 0x80 ? ByteClass.whitespaceLength(bytes, at: index) : 0
            if whitespace > 0 {
                if !lastWasSpace {
                    output[written] = space
                    written += 1
                }
                lastWasSpace = true
                index += whitespace
                continue
            }
            output[written] = byte
            written += 1
            lastWasSpace = false
            index += 1
        }
        if written > 0, output[written - 1] == space { written -= 1 }
        return written
    }

    /// The number of backticks in `bytes`, eight bytes at a time: XOR with the backtick turns backticks into zero
    /// bytes, and the exact zero-byte test `~(((v & 0x7F…) + 0x7F…) | v | 0x7F…)` leaves 0x80 in each of them.
    static func countBackticks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var total = 0
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ticks: UInt64 = 0x6060_6060_6060_6060
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ ticks
                let zeros = ~(((word & low7) &+ low7) | word | low7)
                total &+= zeros.nonzeroBitCount
                index += 8
            }
        }
        while index < count {
            if bytes[index] == UInt8(ascii: "`") { total += 1 }
            index += 1
        }
        return total
    }

    /// Step 3 at a line start: `#+\s+` over the characters that survive steps 1-2. Returns where the match ends and
    /// whether its last character is a newline (the next character is then a line start again).
    private static func headingPrefixEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, survivor: Int
    ) -> (index: Int, endsWithNewline: Bool)? {
        let tick = UInt8(ascii: "`")
        let count = bytes.count
        var index = start
        while index < count, bytes[index] == UInt8(ascii: "#") || (bytes[index] == tick && index != survivor) {
            index += 1
        }
        guard index < count, ByteClass.whitespaceLength(bytes, at: index) > 0 else { return nil }
        var endsWithNewline = false
        while index < count {
            if bytes[index] == tick, index != survivor {
                index += 1
                continue
            }
            let length = ByteClass.whitespaceLength(bytes, at: index)
            guard length > 0 else { break }
            endsWithNewline = bytes[index] == UInt8(ascii: "\n")
            index += length
        }
        return (index, endsWithNewline)
    }

    /// The index of the backtick that survives steps 1-2 when the count is odd: the last backtick that step 1
    /// (```` ```(.*?)``` ```` without `DOTALL`) does not delete.
    static func survivingBacktick(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let tick = UInt8(ascii: "`")
        let count = bytes.count
        var lastKept = -1
        var index = 0
        // A failed search for closing fences from `q` fails for every later start before `failBarrier`.
        var failBarrier = -1
        while index < count {
            guard bytes[index] == tick else {
                index += 1
                continue
            }
            if index + 2 < count, bytes[index + 1] == tick, bytes[index + 2] == tick, index + 3 >= failBarrier {
                let contentStart = index + 3
                var search = contentStart
                var close = -1
                while search < count, bytes[search] != UInt8(ascii: "\n") {
                    if search + 2 < count, bytes[search] == tick, bytes[search + 1] == tick, bytes[search + 2] == tick {
                        close = search
                        break
                    }
                    search += 1
                }
                if close >= 0 {
                    // The fences go; backticks inside the kept content stay.
                    var inner = close - 1
                    while inner >= contentStart {
                        if bytes[inner] == tick {
                            lastKept = inner
                            break
                        }
                        inner -= 1
                    }
                    index = close + 3
                    continue
                }
                failBarrier = search
            }
            lastKept = index
            index += 1
        }
        return lastKept
    }
}
