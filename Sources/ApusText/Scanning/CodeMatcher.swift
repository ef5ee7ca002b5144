/// Finds code in a message: ```` ```(?:([A-Za-z0-9_+\-]*)\n)?([\s\S]*?)``` ```` (a fenced block) or, where no
/// fenced block starts, `` `([^`]+)` `` (inline code), as one alternation searched left to right.
///
/// The two searches it needs (the next three backticks, the next backtick) are remembered, so a whole message
/// costs linear time even when it is full of unmatched backticks.
struct CodeMatcher {
    /// A match: a fenced block or the content range of inline code, and where the match ends.
    enum Match {
        case fenced(CodeBlockToken)
        case inline(content: Range<Int>, end: Int)
    }

    private var fenceSearchStart = 0
    /// The first index `>= fenceSearchStart` where three backticks start, or `nil` when there is none.
    private var fenceFound: Int?? = .none
    private var noMoreBackticks = false

    /// Forgets the remembered searches (call before a new text).
    mutating func reset() {
        fenceSearchStart = 0
        fenceFound = .none
        noMoreBackticks = false
    }

    /// The match starting at `start` (a backtick), if any. Calls must come in increasing `start` order.
    mutating func match(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Match? {
        let count = bytes.count
        guard !noMoreBackticks, start + 1 < count else { return nil }
        let tick = UInt8(ascii: "`")
        if bytes[start + 1] == tick {
            guard start + 2 < count, bytes[start + 2] == tick else { return nil }
            let contentStart = start + 3
            guard let close = firstFence(bytes, from: contentStart) else { return nil }
            var languageEnd = contentStart
            while languageEnd < close, Self.isLanguageByte(bytes[languageEnd]) { languageEnd += 1 }
            let block: CodeBlockToken
            if languageEnd < close, bytes[languageEnd] == UInt8(ascii: "\n") {
                block = CodeBlockToken(range: start..<(close + 3), languageRange: contentStart..<languageEnd,
                                       contentRange: (languageEnd + 1)..<close)
            } else {
                block = CodeBlockToken(range: start..<(close + 3), languageRange: nil, contentRange: contentStart..<close)
            }
            return .fenced(block)
        }
        var index = start + 1
        while index < count, bytes[index] != tick { index += 1 }
        guard index < count else {
            noMoreBackticks = true
            return nil
        }
        return .inline(content: (start + 1)..<index, end: index + 1)
    }

    /// `[A-Za-z0-9_+-]`.
    @inline(__always) static func isLanguageByte(_ byte: UInt8) -> Bool {
        ByteClass.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-")
    }

    /// The first index `>= from` where three backticks start.
    private mutating func firstFence(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        if case .some(let remembered) = fenceFound, from >= fenceSearchStart {
            guard let found = remembered else { return nil }
            if from <= found { return found }
        }
        let tick = UInt8(ascii: "`")
        var index = from
        let last = bytes.count - 2
        var result: Int?
        while index < last {
            if bytes[index] == tick, bytes[index + 1] == tick, bytes[index + 2] == tick {
                result = index
                break
            }
            index += 1
        }
        fenceSearchStart = from
        fenceFound = .some(result)
        return result
    }
}
