import Testing

@testable import ApusStore

@Suite("Multi-row INSERT expansion for PostgreSQL batches")
struct MultiRowInsertTests {
    @Test("a single-row upsert expands into chunks with flattened parameters")
    func expands() throws {
        let shape = try #require(MultiRowInsert(
            "INSERT INTO xp (a, b) values (?, ?) ON CONFLICT (a) DO UPDATE SET b = excluded.b"))
        #expect(shape.parametersPerRow == 2)
        #expect(shape.statement(rows: 2)
            == "INSERT INTO xp (a, b) values (?, ?), (?, ?) ON CONFLICT (a) DO UPDATE SET b = excluded.b")
        let rows: [[StoreValue]] = (0..<2_500).map { [.int64(Int64($0)), .int64(1)] }
        let statements = try #require(shape.statements(for: rows))
        #expect(statements.map { $0.parameters.count } == [2_000, 2_000, 1_000])
        #expect(statements.first?.parameters.prefix(4) == [.int64(0), .int64(1), .int64(1), .int64(1)])
    }

    @Test("statements that are not plain placeholder rows are not expanded", arguments: [
        "UPDATE xp SET b = ? WHERE a = ?",
        "INSERT INTO xp (a, b) VALUES (?, now())",
        "INSERT INTO xp (a, b) SELECT ?, ?",
        "INSERT INTO xp (a, b) VALUES ()",
        "INSERT INTO \"VALUES\" (a) SELECT ?",
    ])
    func leavesOthers(sql: String) {
        #expect(MultiRowInsert(sql) == nil)
    }

    @Test("rows with the wrong parameter count fall back to row-by-row")
    func wrongCount() throws {
        let shape = try #require(MultiRowInsert("INSERT INTO t (a) VALUES (?)"))
        #expect(shape.statements(for: [[.int64(1)], [.int64(2), .int64(3)]]) == nil)
    }
}
