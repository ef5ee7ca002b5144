/// JSON text for configuration trees, so that any database can store a guild's overrides.
///
/// Snowflakes are written as strings of digits and durations as duration strings (`"90s"`); the schema
/// turns them back into typed values when the JSON is read. Object keys are written sorted.
public enum ConfigJSON {
    /// Why JSON text could not be read.
    public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// The byte offset where reading stopped.
        public var offset: Int
        /// The message with its offset.
        public var description: String { "invalid settings JSON at byte \(offset): \(message)" }
    }

    /// Writes `value` as compact JSON.
    public static func encode(_ value: ConfigValue) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    private static func write(_ value: ConfigValue, to output: inout String) {
        switch value {
        case .string(let text): writeString(text, to: &output)
        case .integer(let number): output += String(number)
        case .double(let number): output += number.isFinite ? String(number) : "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .duration(let duration): writeString(DurationText.format(duration), to: &output)
        case .snowflake(let id): writeString(String(id), to: &output)
        case .array(let elements):
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += "," }
                write(element, to: &output)
            }
            output += "]"
        case .table(let entries):
            output += "{"
            for (position, key) in entries.keys.sorted().enumerated() {
                if position > 0 { output += "," }
                writeString(key, to: &output)
                output += ":"
                if let child = entries[key] { write(child, to: &output) }
            }
            output += "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\"" + ConfigValue.escaped(text) + "\""
    }

    /// Reads JSON text into a raw tree (numbers without `.`, `e` or `E` become integers). `null` is
    /// rejected. Nesting is limited to 64 levels.
    public static func decode(_ text: String) throws(DecodingError) -> ConfigValue {
        var reader = Reader(bytes: Array(text.utf8))
        let value = try reader.readValue(depth: 0)
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else { throw reader.failure("unexpected text after the value") }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        func failure(_ message: String) -> DecodingError {
            DecodingError(message: message, offset: index)
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func expect(_ literal: String) throws(DecodingError) {
            for byte in literal.utf8 {
                guard index < bytes.count, bytes[index] == byte else { throw failure("expected \(literal)") }
                index += 1
            }
        }

        mutating func readValue(depth: Int) throws(DecodingError) -> ConfigValue {
            guard depth < 64 else { throw failure("nested too deeply") }
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of text") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var entries: [String: ConfigValue] = [:]
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .table(entries)
                }
                while true {
                    skipWhitespace()
                    let key = try readString()
                    skipWhitespace()
                    try expect(":")
                    entries[key] = try readValue(depth: depth + 1)
                    skipWhitespace()
                    guard index < bytes.count else { throw failure("unterminated object") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect("}")
                    return .table(entries)
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [ConfigValue] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(elements)
                }
                while true {
                    elements.append(try readValue(depth: depth + 1))
                    skipWhitespace()
                    guard index < bytes.count else { throw failure("unterminated array") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect("]")
                    return .array(elements)
                }
            case UInt8(ascii: "\""):
                return .string(try readString())
            case UInt8(ascii: "t"):
                try expect("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expect("false")
                return .bool(false)
            default:
                return try readNumber()
            }
        }

        mutating func readNumber() throws(DecodingError) -> ConfigValue {
            let start = index
            var isFloat = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    isFloat = true
                } else if !(byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")))
                {
                    break
                }
                index += 1
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if !isFloat, let number = Int(text) { return .integer(number) }
            if let number = Double(text), number.isFinite, !text.isEmpty { return .double(number) }
            index = start
            throw failure("expected a value")
        }

        mutating func readString() throws(DecodingError) -> String {
            try expect("\"")
            var scalars = String.UnicodeScalarView()
            var run: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                run.removeAll()
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    flush()
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush()
                    guard index < bytes.count else { throw failure("unterminated escape") }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
                    case UInt8(ascii: "u"):
                        var code = try readHex4()
                        if (0xD800..<0xDC00).contains(code) {
                            try expect("\\u")
                            let low = try readHex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw failure("bad surrogate pair") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw failure("bad \\u escape") }
                        scalars.append(scalar)
                    default: throw failure("bad escape")
                    }
                default:
                    guard byte >= 0x20 else { throw failure("control character in string") }
                    run.append(byte)
                }
            }
            throw failure("unterminated string")
        }

        mutating func readHex4() throws(DecodingError) -> UInt32 {
            guard index + 4 <= bytes.count,
                let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw failure("bad \\u escape") }
            index += 4
            return code
        }
    }
}
