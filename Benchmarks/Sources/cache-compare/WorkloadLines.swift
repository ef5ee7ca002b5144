/// The workload file's line index: one `NAME\tJSON\n` line per dispatch.
extension ApusSide {
    /// One dispatch line: its event name and the byte range of its JSON.
    struct Line {
        var name: String
        var json: Range<Int>
    }

    /// Splits `NAME\tJSON\n` lines into names and JSON byte ranges.
    static func splitLines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let tab = bytes[start ..< end].firstIndex(of: UInt8(ascii: "\t")) {
                lines.append(Line(name: String(decoding: bytes[start ..< tab], as: UTF8.self), json: tab + 1 ..< end))
            }
            start = end + 1
        }
        return lines
    }
}
