import Testing

/// One storage scenario, run identically on every engine: both engine suites take their cases from ``all``, so the
/// two lists cannot drift apart.
struct StoreScenario: Sendable, CustomTestStringConvertible {
    let name: String
    let run: @Sendable (TestEngine) async throws -> Void

    var testDescription: String { name }

    /// A scenario that gets a fresh database (and always cleans it up).
    static func onDatabase(_ name: String, _ body: @escaping @Sendable (TestDatabase) async throws -> Void) -> StoreScenario {
        StoreScenario(name: name) { engine in try await TestDatabases.with(engine, body) }
    }

    static let all: [StoreScenario] = [
        .onDatabase("migrations: fresh apply of two owners, then a no-op re-run", DatabaseScenarios.migrationsFreshThenNoOp),
        .onDatabase("migrations: one added later is applied alone", DatabaseScenarios.migrationAddedLaterIsApplied),
        .onDatabase("migrations: a changed checksum is a typed error", DatabaseScenarios.changedChecksumIsAnError),
        .onDatabase("migrations: a failing migration rolls back and is not recorded", DatabaseScenarios.failedMigrationRollsBack),
        .onDatabase("migrations: two processes starting together apply each migration once", DatabaseScenarios.concurrentMigratorsApplyOnce),
        .onDatabase("CRUD with every value type", DatabaseScenarios.crudWithEveryValueType),
        .onDatabase("typed row access reports mismatches", DatabaseScenarios.typedAccessMismatchIsAnError),
        .onDatabase("transactions commit, or roll back on throw", DatabaseScenarios.transactionCommitsOrRollsBack),
        .onDatabase("constraint and syntax errors are typed and hide bound values", DatabaseScenarios.constraintAndSyntaxErrorsAreTyped),
        .onDatabase("a closed database rejects use", DatabaseScenarios.closedDatabaseRejectsUse),
        StoreScenario(name: "SQLJobStore passes JobStoreConformance", run: JobStoreScenarios.conformance),
        .onDatabase("SQLJobStore: schedule/replace, claim, lease expiry, retry, bury, cancel, nextWakeTime", JobStoreScenarios.lifecycle),
        .onDatabase("SQLJobStore: concurrent claimers in two processes never share a job", JobStoreScenarios.concurrentClaimersNeverShareAJob),
        .onDatabase("write-behind: coalescing, own unflushed reads, flush()", WriteBehindScenarios.coalescesAndReadsOwnWrites),
        .onDatabase("write-behind: commits when maxRows keys are pending", WriteBehindScenarios.flushesWhenMaxRowsReached),
        .onDatabase("write-behind: commits after maxDelay on a manual clock", WriteBehindScenarios.flushesAfterMaxDelay),
        .onDatabase("write-behind: close() flushes and later submits fail", WriteBehindScenarios.closeFlushesAndRejectsLaterSubmits),
        .onDatabase("write-behind: nothing is durable or visible before the commit returns", WriteBehindScenarios.nothingDurableBeforeCommit),
        .onDatabase("write-behind: a full buffer makes submit wait", WriteBehindScenarios.fullBufferMakesSubmitWait),
    ]
}
