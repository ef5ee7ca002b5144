import Testing

/// The shared storage scenarios (``StoreScenario/all``) on PostgreSQL; skipped with a reason when no server is
/// configured, and failing instead when `CI=true`.
@Suite("PostgreSQL store", .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason))
struct PostgresStoreTests {
    @Test("scenario", .timeLimit(.minutes(1)), arguments: StoreScenario.all)
    func scenario(_ scenario: StoreScenario) async throws {
        try await scenario.run(.postgres)
    }
}
