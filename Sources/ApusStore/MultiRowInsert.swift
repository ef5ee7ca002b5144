/// Turns a single-row `INSERT … VALUES (?, …, ?) …` statement into multi-row statements, so that a batch of
/// rows costs one round trip per chunk instead of one per row (PostgreSQL's extended protocol runs one
/// statement per message).
///
/// Only statements whose first `VALUES` group holds nothing but `?` placeholders are expanded. Rows of one
/// expanded statement must not conflict with each other on an `ON CONFLICT … DO UPDATE` key (PostgreSQL
/// rejects a row affected twice); the write-behind buffer guarantees that, its batches having distinct keys.
struct MultiRowInsert: Sendable, Equatable {
    /// The SQL before the values group (ending with `VALUES `).
    let head: String
    /// The SQL after the values group.
    let tail: String
    /// The number of placeholders in one row.
    let parametersPerRow: Int

    /// PostgreSQL accepts at most 65,535 bound parameters per statement.
    static let parameterLimit = 65_535
    /// The most rows put in one statement.
    static let rowLimit = 1_000

    /// Recognises `sql`, or returns `nil` when it is not a plain single-row `INSERT … VALUES (?, …)`.
    init?(_ sql: String) {
        let scalars = Array(sql.unicodeScalars)
        guard String(String.UnicodeScalarView(scalars.prefix(while: { !$0.properties.isWhitespace })))
            .uppercased() == "INSERT",
            let valuesEnd = Self.endOfValuesKeyword(scalars)
        else { return nil }
        var index = valuesEnd
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        guard index < scalars.count, scalars[index] == "(" else { return nil }
        let open = index
        var placeholders = 0
        index += 1
        while index < scalars.count, scalars[index] != ")" {
            let scalar = scalars[index]
            if scalar == "?" {
                placeholders += 1
            } else if scalar != "," && !scalar.properties.isWhitespace {
                return nil
            }
            index += 1
        }
        guard index < scalars.count, placeholders > 0 else { return nil }
        head = String(String.UnicodeScalarView(scalars[..<open]))
        tail = String(String.UnicodeScalarView(scalars[(index + 1)...]))
        parametersPerRow = placeholders
    }

    /// The rows per statement for this shape.
    var rowsPerStatement: Int {
        max(1, min(Self.rowLimit, Self.parameterLimit / parametersPerRow))
    }

    /// The statement for `rows` rows.
    func statement(rows: Int) -> String {
        let group = "(" + Array(repeating: "?", count: parametersPerRow).joined(separator: ", ") + ")"
        return head + Array(repeating: group, count: rows).joined(separator: ", ") + tail
    }

    /// Splits `parameterRows` into `(sql, flattened parameters)` statements. Rows whose parameter count differs
    /// from the statement's make the expansion unusable (`nil`), so the caller falls back to one row at a time.
    func statements(for parameterRows: [[StoreValue]]) -> [(sql: String, parameters: [StoreValue])]? {
        guard parameterRows.allSatisfy({ $0.count == parametersPerRow }) else { return nil }
        var result: [(sql: String, parameters: [StoreValue])] = []
        var start = 0
        while start < parameterRows.count {
            let end = min(parameterRows.count, start + rowsPerStatement)
            result.append((statement(rows: end - start), parameterRows[start..<end].flatMap { $0 }))
            start = end
        }
        return result
    }

    /// The index just after the first `VALUES` keyword outside quotes, if any.
    private static func endOfValuesKeyword(_ scalars: [Unicode.Scalar]) -> Int? {
        var quote: Unicode.Scalar? = nil
        var index = 0
        let keyword = Array("VALUES".unicodeScalars)
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "'" || scalar == "\"" {
                quote = scalar
            } else if index + keyword.count <= scalars.count,
                (index == 0 || !isWordScalar(scalars[index - 1])),
                zip(scalars[index..<(index + keyword.count)], keyword).allSatisfy({ uppercase($0) == $1 }),
                index + keyword.count == scalars.count || !isWordScalar(scalars[index + keyword.count])
            {
                return index + keyword.count
            }
            index += 1
        }
        return nil
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private static func uppercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("a"..."z").contains(scalar) ? (Unicode.Scalar(scalar.value - 32) ?? scalar) : scalar
    }
}
