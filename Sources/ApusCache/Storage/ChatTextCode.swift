/// A fixed (static) canonical Huffman code over bytes, shaped for chat text, that the message cache uses to keep
/// message content in about 55-65 % of its UTF-8 size.
///
/// The code is built once from a table of byte weights written from general knowledge of English text (letter
/// frequencies, about one space per five letters, rare capitals, digits and punctuation); every byte value has a
/// non-zero weight, so any input (other languages, emoji, binary) can be coded, just less compactly. Callers keep
/// the coded form only when it is shorter than the input (``encode(_:)`` returns nil otherwise), so text that the
/// table does not suit never grows. No dictionary is trained on the benchmark's workload.
///
/// Decoding walks the canonical code one bit at a time (about 5 bits per character): a few microseconds for a
/// long message, paid only when a cached message is read.
struct ChatTextCode: Sendable {
    /// Code length in bits of every byte value.
    private let lengths: [UInt8]
    /// Canonical code of every byte value (right-aligned in `lengths[byte]` bits).
    private let codes: [UInt32]
    /// Per code length: the first canonical code of that length, the number of codes, and where its symbols start
    /// in ``symbols``.
    private let firstCode: [Int]
    private let countOfLength: [Int]
    private let firstSymbol: [Int]
    /// Byte values sorted by (code length, value).
    private let symbols: [UInt8]

    /// The longest code the table produces (checked when the code is built).
    static let maximumCodeLength = 30

    /// The code built from ``chatWeights``.
    static let standard = ChatTextCode(weights: chatWeights)

    /// Builds the canonical Huffman code of 256 positive weights.
    init(weights: [Int]) {
        precondition(weights.count == 256 && weights.allSatisfy { $0 > 0 }, "ChatTextCode needs 256 positive weights")
        // Huffman tree by repeated merging of the two lightest nodes (256 leaves: a quadratic scan is instant).
        var weight = weights
        var parent = [Int](repeating: -1, count: 511)
        var alive = Array(0 ..< 256)
        while alive.count > 1 {
            alive.sort { (weight[$0], $0) > (weight[$1], $1) }
            let lightest = alive.removeLast()
            let second = alive.removeLast()
            let node = weight.count
            weight.append(weight[lightest] + weight[second])
            parent[lightest] = node
            parent[second] = node
            alive.append(node)
        }
        var lengths = [UInt8](repeating: 0, count: 256)
        for symbol in 0 ..< 256 {
            var depth = 0
            var node = symbol
            while parent[node] >= 0 {
                depth += 1
                node = parent[node]
            }
            lengths[symbol] = UInt8(depth)
        }
        precondition(lengths.allSatisfy { Int($0) <= Self.maximumCodeLength }, "chat weights give too long a code")
        // Canonical codes: by length, then by byte value.
        let symbols = (0 ..< 256).map { UInt8($0) }.sorted { (lengths[Int($0)], $0) < (lengths[Int($1)], $1) }
        var codes = [UInt32](repeating: 0, count: 256)
        var firstCode = [Int](repeating: 0, count: Self.maximumCodeLength + 2)
        var countOfLength = [Int](repeating: 0, count: Self.maximumCodeLength + 2)
        var firstSymbol = [Int](repeating: 0, count: Self.maximumCodeLength + 2)
        for symbol in symbols { countOfLength[Int(lengths[Int(symbol)])] += 1 }
        var code = 0
        var index = 0
        for length in 1 ... Self.maximumCodeLength {
            code = (code + countOfLength[length - 1]) << 1
            if length == 1 { code = 0 }
            firstCode[length] = code
            firstSymbol[length] = index
            for offset in 0 ..< countOfLength[length] {
                codes[Int(symbols[index + offset])] = UInt32(code + offset)
            }
            index += countOfLength[length]
        }
        self.lengths = lengths
        self.codes = codes
        self.firstCode = firstCode
        self.countOfLength = countOfLength
        self.firstSymbol = firstSymbol
        self.symbols = symbols
    }

    /// The coded bits of `bytes`, most significant bit first, padded with zero bits to a whole byte; nil when that
    /// is not shorter than the input.
    func encode(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        var bitTotal = 0
        for byte in bytes { bitTotal += Int(lengths[Int(byte)]) }
        let byteTotal = (bitTotal + 7) / 8
        guard byteTotal < bytes.count else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(byteTotal)
        var buffer: UInt64 = 0
        var buffered = 0
        for byte in bytes {
            let length = Int(lengths[Int(byte)])
            buffer = buffer << UInt64(length) | UInt64(codes[Int(byte)])
            buffered += length
            while buffered >= 8 {
                buffered -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt64(buffered)))
            }
        }
        if buffered > 0 { output.append(UInt8(truncatingIfNeeded: buffer << UInt64(8 - buffered))) }
        return output
    }

    /// Decodes `count` bytes from coded bits; nil when the bits run out or do not form a code.
    func decode(_ coded: ArraySlice<UInt8>, count: Int) -> [UInt8]? {
        guard count >= 0, count <= coded.count * 8 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(count)
        var position = coded.startIndex
        var bit = 7
        while output.count < count {
            var code = 0
            var length = 0
            while true {
                guard position < coded.endIndex else { return nil }
                code = code << 1 | Int((coded[position] >> UInt8(bit)) & 1)
                if bit == 0 {
                    bit = 7
                    position += 1
                } else {
                    bit -= 1
                }
                length += 1
                guard length <= Self.maximumCodeLength else { return nil }
                let offset = code - firstCode[length]
                if offset >= 0, offset < countOfLength[length] {
                    output.append(symbols[firstSymbol[length] + offset])
                    break
                }
            }
        }
        return output
    }

    /// Byte weights for chat text (relative frequencies, see the type's documentation). Every value is positive.
    static let chatWeights: [Int] = {
        var weights = [Int](repeating: 1, count: 256)
        // UTF-8 continuation bytes and lead bytes of two- to four-byte sequences (accents, Cyrillic, CJK, emoji).
        for byte in 0x80 ... 0xBF { weights[byte] = 3 }
        for byte in 0xC2 ... 0xF4 { weights[byte] = 2 }
        // Printable ASCII that is not listed below.
        for byte in 0x20 ... 0x7E { weights[byte] = 4 }
        // English letter frequencies per 1,000 letters, times 4; capitals at a twenty-fifth of their lower case.
        let letters: [(Character, Int)] = [
            ("e", 127), ("t", 91), ("a", 82), ("o", 75), ("i", 70), ("n", 67), ("s", 63), ("h", 61), ("r", 60),
            ("d", 43), ("l", 40), ("c", 28), ("u", 28), ("m", 24), ("w", 24), ("f", 22), ("g", 20), ("y", 20),
            ("p", 19), ("b", 15), ("v", 10), ("k", 8), ("j", 2), ("x", 2), ("q", 1), ("z", 1),
        ]
        for (letter, perMille) in letters {
            guard let lower = letter.asciiValue, let upper = letter.uppercased().first?.asciiValue else { continue }
            weights[Int(lower)] = perMille * 4
            weights[Int(upper)] = Swift.max(4, perMille * 4 / 25)
        }
        weights[Int(UInt8(ascii: " "))] = 880  // about one space per 4.5 letters
        for digit in UInt8(ascii: "0") ... UInt8(ascii: "9") { weights[Int(digit)] = 20 }
        let punctuation: [(UInt8, Int)] = [
            (UInt8(ascii: "."), 40), (UInt8(ascii: ","), 40), (UInt8(ascii: "'"), 16), (UInt8(ascii: "!"), 12),
            (UInt8(ascii: "?"), 12), (UInt8(ascii: "\n"), 16), (UInt8(ascii: ":"), 12), (UInt8(ascii: "/"), 12),
            (UInt8(ascii: "-"), 12), (UInt8(ascii: "\""), 8), (UInt8(ascii: "<"), 8), (UInt8(ascii: ">"), 8),
            (UInt8(ascii: "@"), 8), (UInt8(ascii: "*"), 8), (UInt8(ascii: "_"), 6), (UInt8(ascii: "("), 6),
            (UInt8(ascii: ")"), 6), (UInt8(ascii: "`"), 6),
        ]
        for (byte, weight) in punctuation { weights[Int(byte)] = weight }
        return weights
    }()
}
