import Testing

/// The shared storage scenarios (``StoreScenario/all``) on SQLite.
@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("scenario", .timeLimit(.minutes(1)), arguments: StoreScenario.all)
    func scenario(_ scenario: StoreScenario) async throws {
        try await scenario.run(.sqlite)
    }
}
