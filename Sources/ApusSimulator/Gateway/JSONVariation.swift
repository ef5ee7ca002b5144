import ApusCore

/// Rewrites JSON text with shuffled object keys and/or random whitespace, keeping every scalar's exact text, so
/// that clients whose parsers depend on key order or compact formatting fail in tests.
///
/// Works on the text only: strings, numbers and literals are copied byte for byte.
struct JSONVariation {
    /// Shuffle the members of every object.
    var shuffleKeys: Bool
    /// Insert spaces, tabs and newlines between tokens.
    var addWhitespace: Bool
    /// The source of every random choice.
    var random: SeededRandom

    /// Whether this variation changes anything.
    var isActive: Bool { shuffleKeys || addWhitespace }

    /// Returns `json` rewritten, or unchanged when it is not valid JSON or the variation is off.
    mutating func apply(to json: String) -> String {
        guard isActive else { return json }
        var parser = Parser(bytes: Array(json.utf8))
        guard let node = parser.parseDocument() else { return json }
        var output: [UInt8] = []
        output.reserveCapacity(json.utf8.count + json.utf8.count / 4)
        write(node, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private indirect enum Node {
        case object([(key: ArraySlice<UInt8>, value: Node)])
        case array([Node])
        case scalar(ArraySlice<UInt8>)
    }

    private mutating func whitespace(into output: inout [UInt8]) {
        guard addWhitespace else { return }
        let choices: [UInt8] = [0x20, 0x20, 0x0A, 0x09, 0x0D]
        let count = Int(random.next() % 3)
        for _ in 0..<count { output.append(choices[Int(random.next() % UInt64(choices.count))]) }
    }

    private mutating func write(_ node: Node, into output: inout [UInt8]) {
        switch node {
        case .scalar(let text):
            output.append(contentsOf: text)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                whitespace(into: &output)
                write(element, into: &output)
                whitespace(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(var members):
            if shuffleKeys { members.shuffle(using: &random) }
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                whitespace(into: &output)
                output.append(contentsOf: member.key)
                whitespace(into: &output)
                output.append(UInt8(ascii: ":"))
                whitespace(into: &output)
                write(member.value, into: &output)
                whitespace(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A minimal structural JSON parser: it finds token boundaries and trusts scalars to be well formed.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var depth = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func parseDocument() -> Node? {
            guard let node = parseValue() else { return nil }
            skipWhitespace()
            return index == bytes.count ? node : nil
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func parseValue() -> Node? {
            skipWhitespace()
            guard index < bytes.count, depth < 512 else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return parseObject()
            case UInt8(ascii: "["): return parseArray()
            case UInt8(ascii: "\""): return parseString().map { .scalar($0) }
            default: return parseBareScalar()
            }
        }

        mutating func parseString() -> ArraySlice<UInt8>? {
            let start = index
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""):
                    index += 1
                    return bytes[start..<index]
                default: index += 1
                }
            }
            return nil
        }

        mutating func parseBareScalar() -> Node? {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
                    || [0x20, 0x0A, 0x0D, 0x09].contains(byte) { break }
                index += 1
            }
            return index > start ? .scalar(bytes[start..<index]) : nil
        }

        mutating func parseObject() -> Node? {
            index += 1
            depth += 1
            defer { depth -= 1 }
            var members: [(key: ArraySlice<UInt8>, value: Node)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = parseString() else { return nil }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let value = parseValue() else { return nil }
                members.append((key, value))
                skipWhitespace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                return nil
            }
        }

        mutating func parseArray() -> Node? {
            index += 1
            depth += 1
            defer { depth -= 1 }
            var elements: [Node] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                guard let value = parseValue() else { return nil }
                elements.append(value)
                skipWhitespace()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
                return nil
            }
        }
    }
}
