import ApusCore
import ApusStore
import Testing

/// The shared storage scenarios on PostgreSQL. Kept identical to its twin suite so both engines run the same list.
@Suite("PostgreSQL store", .enabled(if: PostgresTestEnvironment.shouldRun, PostgresTestEnvironment.skipReason))
struct PostgresStoreTests {
    static let engine = TestEngine.postgres

    @Test("migrations: fresh apply of two owners, then a no-op re-run")
    func migrationsFresh() async throws { try await TestDatabases.with(Self.engine, DatabaseScenarios.migrationsFreshThenNoOp) }

    @Test("migrations: one added later is applied alone")
    func migrationsAddedLater() async throws { try await TestDatabases.with(Self.engine, DatabaseScenarios.migrationAddedLaterIsApplied) }

    @Test("migrations: a changed checksum is a typed error")
    func migrationChecksum() async throws { try await TestDatabases.with(Self.engine, DatabaseScenarios.changedChecksumIsAnError) }

    @Test("migrations: a failing migration rolls back and is not recorded")
    func migrationRollback() async throws { try await TestDatabases.with(Self.engine, DatabaseScenarios.failedMigrationRollsBack) }

    @Test("migrations: two processes starting together apply each migration once", .timeLimit(.minutes(1)))
    func migrationConcurrent() async throws { try await TestDatabases.with(Self.engine, DatabaseScenarios.concurrentMigratorsApplyOnce) }

    @Test("CRUD with every value type")
    func crud() async throws { try await TestDatabases.with(Self.engine, DatabaseScenarios.crudWithEveryValueType) }

    @Test("typed row access reports mismatches")
    func typedAccess() async throws { try await TestDatabases.with(Self.engine, DatabaseScenarios.typedAccessMismatchIsAnError) }

    @Test("transactions commit, or roll back on throw")
    func transactions() async throws { try await TestDatabases.with(Self.engine, DatabaseScenarios.transactionCommitsOrRollsBack) }

    @Test("constraint and syntax errors are typed and hide bound values")
    func typedErrors() async throws { try await TestDatabases.with(Self.engine, DatabaseScenarios.constraintAndSyntaxErrorsAreTyped) }

    @Test("a closed database rejects use")
    func closed() async throws { try await TestDatabases.with(Self.engine, DatabaseScenarios.closedDatabaseRejectsUse) }

    @Test("SQLJobStore passes JobStoreConformance", .timeLimit(.minutes(1)))
    func jobStoreConformance() async throws { try await JobStoreScenarios.conformance(Self.engine) }

    @Test("SQLJobStore: schedule/replace, claim, lease expiry, retry, bury, cancel, nextWakeTime")
    func jobStoreLifecycle() async throws { try await TestDatabases.with(Self.engine, JobStoreScenarios.lifecycle) }

    @Test("SQLJobStore: concurrent claimers in two processes never share a job", .timeLimit(.minutes(1)))
    func jobStoreConcurrentClaims() async throws {
        try await TestDatabases.with(Self.engine, JobStoreScenarios.concurrentClaimersNeverShareAJob)
    }

    @Test("write-behind: coalescing, own unflushed reads, flush()", .timeLimit(.minutes(1)))
    func writeBehindCoalescing() async throws { try await TestDatabases.with(Self.engine, WriteBehindScenarios.coalescesAndReadsOwnWrites) }

    @Test("write-behind: commits when maxRows keys are pending", .timeLimit(.minutes(1)))
    func writeBehindMaxRows() async throws { try await TestDatabases.with(Self.engine, WriteBehindScenarios.flushesWhenMaxRowsReached) }

    @Test("write-behind: commits after maxDelay on a manual clock", .timeLimit(.minutes(1)))
    func writeBehindMaxDelay() async throws { try await TestDatabases.with(Self.engine, WriteBehindScenarios.flushesAfterMaxDelay) }

    @Test("write-behind: close() flushes and later submits fail", .timeLimit(.minutes(1)))
    func writeBehindClose() async throws { try await TestDatabases.with(Self.engine, WriteBehindScenarios.closeFlushesAndRejectsLaterSubmits) }

    @Test("write-behind: nothing is durable or visible before the commit returns", .timeLimit(.minutes(1)))
    func writeBehindNothingEarly() async throws { try await TestDatabases.with(Self.engine, WriteBehindScenarios.nothingDurableBeforeCommit) }

    @Test("write-behind: a full buffer makes submit wait", .timeLimit(.minutes(1)))
    func writeBehindBackpressure() async throws { try await TestDatabases.with(Self.engine, WriteBehindScenarios.fullBufferMakesSubmitWait) }
}
