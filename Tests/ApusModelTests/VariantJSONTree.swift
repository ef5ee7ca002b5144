/// A JSON document as a tree that keeps what the differential test needs: key order, each number's exact text, and
/// each string's unescaped text. Parsed by a small recursive reader written for the tests (independent of
/// `JSONReader`, whose behaviour is under test).
indirect enum JSONTree: Equatable {
    case object([(key: String, value: JSONTree)])
    case array([JSONTree])
    case string(String)
    /// The number's text exactly as it appeared.
    case number(String)
    /// `true`, `false` or `null`.
    case literal(String)

    static func == (lhs: JSONTree, rhs: JSONTree) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.literal(let a), .literal(let b)): return a == b
        default: return false
        }
    }

    /// Parses a whole document; nil when it is not valid JSON.
    static func parse(_ bytes: [UInt8]) -> JSONTree? {
        var parser = TreeParser(bytes: bytes)
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == bytes.count ? value : nil
    }

    /// A canonical text of the value: keys sorted, strings as Swift string literals, numbers by value (integral values
    /// below 2^53 as integers, other integers as written, everything else as `Double`), and the timestamps that
    /// ``VariantWriter`` may rewrite as their instant. Two JSON texts that differ only in whitespace, escapes, key
    /// order, the spelling of a number or the form of such a timestamp give the same canonical text.
    var canonical: String { canonical(key: nil) }

    func canonical(key: String?) -> String {
        switch self {
        case .object(let members):
            let parts = members.map { "\($0.key.debugDescription):\($0.value.canonical(key: $0.key))" }.sorted()
            return "{" + parts.joined(separator: ",") + "}"
        case .array(let elements):
            return "[" + elements.map { $0.canonical(key: nil) }.joined(separator: ",") + "]"
        case .string(let text):
            if let key, VariantWriter.timestampKeys.contains(key), let instant = ISOInstant(text) {
                return "instant(\(instant.seconds), \(instant.micros))"
            }
            return text.debugDescription
        case .number(let text):
            let isInteger = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            if let value = Double(text), value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
                return String(Int64(value))
            }
            if isInteger { return text.hasPrefix("-0") ? "0" : text }
            return Double(text).map { String($0) } ?? text
        case .literal(let text):
            return text
        }
    }
}

/// The recursive reader behind ``JSONTree/parse(_:)``.
private struct TreeParser {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    mutating func value() -> JSONTree? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [(key: String, value: JSONTree)] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let member = value() else { return nil }
                members.append((key, member))
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "}") else { return nil }
                index += 1
                return .object(members)
            }
        case UInt8(ascii: "["):
            index += 1
            var elements: [JSONTree] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                guard let element = value() else { return nil }
                elements.append(element)
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "]") else { return nil }
                index += 1
                return .array(elements)
            }
        case UInt8(ascii: "\""):
            return string().map(JSONTree.string)
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default:
            let start = index
            let allowed = Set("+-.eE0123456789".utf8)
            while index < bytes.count, allowed.contains(bytes[index]) { index += 1 }
            guard index > start else { return nil }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            return Double(text) == nil ? nil : .number(text)
        }
    }

    mutating func literal(_ text: String) -> JSONTree? {
        let expected = Array(text.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            return nil
        }
        index += expected.count
        return .literal(text)
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        guard let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
            return nil
        }
        index += 4
        return value
    }

    mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        var output: [UInt8] = []
        while index < bytes.count {
            let current = bytes[index]
            index += 1
            if current == UInt8(ascii: "\"") { return String(validating: output, as: UTF8.self) }
            guard current == UInt8(ascii: "\\") else {
                output.append(current)
                continue
            }
            guard index < bytes.count else { return nil }
            let escaped = bytes[index]
            index += 1
            let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A,
                                          0x72: 0x0D, 0x74: 0x09]
            if let byte = simple[escaped] {
                output.append(byte)
                continue
            }
            guard escaped == UInt8(ascii: "u"), var scalar = hex4() else { return nil }
            if (0xD800..<0xDC00).contains(scalar) {
                guard index + 2 <= bytes.count, bytes[index] == 0x5C, bytes[index + 1] == UInt8(ascii: "u") else {
                    return nil
                }
                index += 2
                guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { return nil }
            UTF8.encode(unicode) { output.append($0) }
        }
        return nil
    }
}
