/// The line of every key, table header and array element of a TOML document.
///
/// TOMLKit reports positions only for syntax errors, so this scanner walks the text itself. It
/// understands `[table]` and `[[array.of.tables]]` headers (with per-array indices, so the third
/// `[[levels.roles]]` is `levels.roles[2]`), dotted and quoted keys, inline tables, multi-line arrays
/// and all four string forms (text inside strings is never taken for keys). It is meant for documents
/// TOMLKit has accepted; on malformed text it stops early or records less, but never traps.
public struct TOMLLineMap: Sendable {
    /// The 1-based line where each path first appears.
    public private(set) var lines: [ConfigPath: Int] = [:]
    /// The first line where a key was expected (after `[`, `[[` or a `.`, or at the start of a document-level
    /// line) and neither a bare key nor a quoted one starts, or where a value was expected (after `=`, or as an
    /// array element) and a terminator (`,` `]` `}` `#` or the line's end) stands instead. TOMLKit's parser (toml++)
    /// asserts on some of these instead of reporting them, which aborts a debug build, so they are reported before
    /// it sees the text.
    public private(set) var malformedKeyLine: Int?

    /// Maps the lines of `text`.
    public init(text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        if scanner.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        scanner.scanDocument()
        lines = scanner.lines
        malformedKeyLine = scanner.malformedKeyLine
    }

    /// The line of `path`, or of its nearest ancestor that the file mentions.
    public func line(for path: ConfigPath) -> Int? {
        var components = path.components
        while true {
            if let line = lines[ConfigPath(components)] { return line }
            if components.isEmpty { return nil }
            components.removeLast()
        }
    }
}

private struct Scanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lines: [ConfigPath: Int] = [:]
    /// How many `[[…]]` headers each array-of-tables path has had so far.
    var arrayTableCounts: [ConfigPath: Int] = [:]
    var currentTable = ConfigPath.root
    var malformedKeyLine: Int?

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    static let maximumDepth = 512

    var isAtEnd: Bool { index >= bytes.count }

    func peek(_ offset: Int = 0) -> UInt8? {
        let position = index + offset
        return position < bytes.count ? bytes[position] : nil
    }

    mutating func advance() {
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: "\n") { line += 1 }
        index += 1
    }

    mutating func record(_ path: ConfigPath, line recordedLine: Int) {
        if lines[path] == nil { lines[path] = recordedLine }
    }

    mutating func skipSpaces() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance() }
    }

    mutating func skipComment() {
        guard peek() == UInt8(ascii: "#") else { return }
        while let byte = peek(), byte != UInt8(ascii: "\n") { advance() }
    }

    /// Skips spaces, comments and line breaks.
    mutating func skipBlank() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): advance()
            case UInt8(ascii: "#"): skipComment()
            default: return
            }
        }
    }

    mutating func skipRestOfLine() {
        while let byte = peek(), byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "#") { skipComment(); return }
            advance()
        }
    }

    mutating func scanDocument() {
        while true {
            skipBlank()
            guard let byte = peek() else { return }
            let startIndex = index
            if byte == UInt8(ascii: "[") {
                scanHeader()
            } else {
                scanKeyValue(under: currentTable, depth: 0)
            }
            skipRestOfLine()
            if index == startIndex { advance() }
        }
    }

    mutating func scanHeader() {
        let headerLine = line
        let isArrayOfTables = peek(1) == UInt8(ascii: "[")
        advance()
        if isArrayOfTables { advance() }
        let keys = scanKeys()
        guard !keys.isEmpty else {
            noteMalformedKey()
            return
        }
        skipSpaces()
        if peek() == UInt8(ascii: "]") { advance() }
        if isArrayOfTables, peek() == UInt8(ascii: "]") { advance() }

        var path = ConfigPath.root
        for (position, key) in keys.enumerated() {
            path = path.appending(key: key)
            let isLast = position == keys.count - 1
            if isLast && isArrayOfTables {
                record(path, line: headerLine)
                let count = arrayTableCounts[path] ?? 0
                arrayTableCounts[path] = count + 1
                path = path.appending(index: count)
            } else if let count = arrayTableCounts[path], count > 0 {
                path = path.appending(index: count - 1)
            }
            record(path, line: headerLine)
        }
        currentTable = path
    }

    /// Scans `key = value`, recording every prefix of the (possibly dotted) key under `table`.
    mutating func scanKeyValue(under table: ConfigPath, depth: Int) {
        let keyLine = line
        let keys = scanKeys()
        guard !keys.isEmpty else {
            if depth == 0 { noteMalformedKey() }
            return
        }
        skipSpaces()
        guard peek() == UInt8(ascii: "=") else { return }
        advance()
        var path = table
        for key in keys {
            path = path.appending(key: key)
            record(path, line: keyLine)
        }
        scanValue(at: path, depth: depth + 1)
    }

    /// Scans a dotted key; returns an empty list when no key starts here.
    mutating func scanKeys() -> [String] {
        var keys: [String] = []
        while true {
            skipSpaces()
            guard let key = scanSimpleKey() else {
                if !keys.isEmpty { noteMalformedKey() }
                return keys
            }
            keys.append(key)
            skipSpaces()
            guard peek() == UInt8(ascii: ".") else { return keys }
            advance()
        }
    }

    mutating func scanSimpleKey() -> String? {
        guard let byte = peek() else { return nil }
        if byte == UInt8(ascii: "\"") {
            advance()
            return scanBasicStringBody()
        }
        if byte == UInt8(ascii: "'") {
            advance()
            let start = index
            while let next = peek(), next != UInt8(ascii: "'"), next != UInt8(ascii: "\n") { advance() }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if peek() == UInt8(ascii: "'") { advance() }
            return text
        }
        let start = index
        while let next = peek(), Scanner.isBareKeyByte(next) { advance() }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    static func isValueTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "#")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    mutating func noteMalformedKey() {
        if malformedKeyLine == nil { malformedKeyLine = line }
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    /// Reads a single-line basic string after its opening quote, decoding escapes, and consumes the
    /// closing quote.
    mutating func scanBasicStringBody() -> String {
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
            raw.removeAll()
        }
        while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n") {
            guard byte == UInt8(ascii: "\\") else {
                raw.append(byte)
                advance()
                continue
            }
            flush()
            advance()
            guard let escape = peek() else { break }
            advance()
            switch escape {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "e"): scalars.append("\u{1B}")
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let digitCount = escape == UInt8(ascii: "u") ? 4 : 8
                var hex = ""
                for _ in 0..<digitCount {
                    guard let digit = peek() else { break }
                    hex.unicodeScalars.append(Unicode.Scalar(digit))
                    advance()
                }
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            default: scalars.append(Unicode.Scalar(escape))
            }
        }
        flush()
        if peek() == UInt8(ascii: "\"") { advance() }
        return String(scalars)
    }

    mutating func scanValue(at path: ConfigPath, depth: Int) {
        skipSpaces()
        guard let byte = peek() else {
            noteMalformedKey()
            return
        }
        guard depth < Scanner.maximumDepth else { return }
        // Where a value must start, a terminator is a missing value (`a = ]`, `[}`): toml++ asserts on those too.
        if Scanner.isValueTerminator(byte) {
            noteMalformedKey()
            return
        }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if peek(1) == byte, peek(2) == byte {
                skipMultilineString(quote: byte)
            } else {
                advance()
                if byte == UInt8(ascii: "\"") {
                    _ = scanBasicStringBody()
                } else {
                    while let next = peek(), next != byte, next != UInt8(ascii: "\n") { advance() }
                    if peek() == byte { advance() }
                }
            }
        case UInt8(ascii: "["):
            scanArray(at: path, depth: depth)
        case UInt8(ascii: "{"):
            scanInlineTable(at: path, depth: depth)
        default:
            let start = index
            while let next = peek() {
                if next == UInt8(ascii: ",") || next == UInt8(ascii: "]") || next == UInt8(ascii: "}")
                    || next == UInt8(ascii: "#") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r")
                {
                    break
                }
                advance()
            }
            if !Scanner.isWellSpacedBareValue(bytes[start..<index]) { noteMalformedKey() }
        }
    }

    /// Whether a bare value (number, boolean, date) has a space or tab inside only where TOML allows one: between
    /// a date and a time (`1979-05-27 07:32:00`). toml++ asserts on a date followed by a space and something that is
    /// not a time (`d = 1979-05-27 7`); any other inner space is a syntax error anyway.
    static func isWellSpacedBareValue(_ value: ArraySlice<UInt8>) -> Bool {
        var end = value.endIndex
        while end > value.startIndex, value[end - 1] == UInt8(ascii: " ") || value[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        let trimmed = value[value.startIndex..<end]
        guard let space = trimmed.firstIndex(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { return true }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let date = Array(trimmed[trimmed.startIndex..<space])
        let time = Array(trimmed[(space + 1)...])
        let dateShape = date.count == 10 && date[4] == UInt8(ascii: "-") && date[7] == UInt8(ascii: "-")
            && [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { isDigit(date[$0]) }
        let timeShape = time.count >= 5 && isDigit(time[0]) && isDigit(time[1]) && time[2] == UInt8(ascii: ":")
            && isDigit(time[3]) && isDigit(time[4])
        return dateShape && timeShape
    }

    mutating func skipMultilineString(quote: UInt8) {
        advance(); advance(); advance()
        while let byte = peek() {
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                advance()
                advance()
                continue
            }
            if byte == quote, peek(1) == quote, peek(2) == quote {
                advance(); advance(); advance()
                // Up to two more quotes may belong to the content, right before the closing delimiter.
                var extra = 0
                while extra < 2, peek() == quote {
                    advance()
                    extra += 1
                }
                return
            }
            advance()
        }
    }

    mutating func scanArray(at path: ConfigPath, depth: Int) {
        advance()
        var elementIndex = 0
        while true {
            skipBlank()
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "]") {
                advance()
                return
            }
            let elementPath = path.appending(index: elementIndex)
            record(elementPath, line: line)
            let before = index
            scanValue(at: elementPath, depth: depth + 1)
            skipBlank()
            if peek() == UInt8(ascii: ",") {
                advance()
                elementIndex += 1
            } else if peek() == UInt8(ascii: "]") {
                advance()
                return
            } else if index == before {
                return
            }
        }
    }

    mutating func scanInlineTable(at path: ConfigPath, depth: Int) {
        advance()
        while true {
            skipBlank()
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "}") {
                advance()
                return
            }
            let before = index
            scanKeyValue(under: path, depth: depth)
            skipBlank()
            if peek() == UInt8(ascii: ",") {
                advance()
            } else if peek() == UInt8(ascii: "}") {
                advance()
                return
            } else if index == before {
                return
            }
        }
    }
}
