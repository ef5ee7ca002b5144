import Foundation
@testable import ApusModel

/// One row of the corpus's SOURCES.md table.
struct CorpusEntry {
    var file: String
    var kind: String
    var row: String

    /// Whether SOURCES.md marks the file as masked or legacy (the only files that may be skipped).
    var isMaskedOrLegacy: Bool {
        let lower = row.lowercased()
        return lower.contains("masked") || lower.contains("legacy") || lower.contains("api v6")
    }

    /// The `<event-or-object>` part of the file name.
    var subject: String {
        let parts = file.components(separatedBy: "__")
        return parts.count >= 2 ? parts[1] : file
    }
}

enum Corpus {
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/discord-corpus")
    }

    static func entries() throws -> [CorpusEntry] {
        let text = try String(contentsOf: directory.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        var result: [CorpusEntry] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 3 else { continue }
            let file = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            guard file.hasSuffix(".json") else { continue }
            result.append(CorpusEntry(file: file, kind: cells[2], row: String(line)))
        }
        return result
    }
}

/// Collects mismatches between decoded values and Foundation's parse of the same JSON.
struct Checker {
    var mismatches: [String] = []
    var checks = 0

    mutating func expect(_ condition: Bool, _ what: @autoclosure () -> String) {
        checks += 1
        if !condition { mismatches.append(what()) }
    }

    mutating func id(_ value: Snowflake?, _ json: Any?, _ what: String) {
        if let string = json as? String {
            expect(value?.rawValue == UInt64(string), "\(what): \(String(describing: value)) vs \(string)")
        } else if let number = json as? NSNumber, !(json is NSNull) {
            expect(value?.rawValue == number.uint64Value, "\(what): \(String(describing: value)) vs \(number)")
        } else {
            expect(value == nil, "\(what): expected nil, got \(String(describing: value))")
        }
    }

    mutating func string(_ value: String?, _ json: Any?, _ what: String) {
        if let string = json as? String {
            expect(value == string, "\(what): \(String(describing: value)) vs \(string)")
        } else {
            expect(value == nil, "\(what): expected nil, got \(String(describing: value))")
        }
    }

    mutating func int(_ value: Int?, _ json: Any?, _ what: String) {
        if let number = json as? NSNumber {
            expect(value == number.intValue, "\(what): \(String(describing: value)) vs \(number)")
        } else {
            expect(value == nil, "\(what): expected nil, got \(String(describing: value))")
        }
    }

    mutating func count(_ value: Int?, _ json: Any?, _ what: String) {
        if let array = json as? [Any] {
            expect(value == array.count, "\(what) count: \(String(describing: value)) vs \(array.count)")
        } else {
            expect(value == nil || value == 0, "\(what): expected none, got \(String(describing: value))")
        }
    }
}
