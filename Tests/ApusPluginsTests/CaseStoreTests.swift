import ApusCore
import ApusPlugins
import ApusStore
import Testing

@Suite("Moderation cases on SQLite and PostgreSQL", .serialized, .timeLimit(.minutes(1)))
struct CaseStoreTests {
    let start = WallTime(secondsSinceEpoch: 1_800_000_000)

    @Test("numbers are dense per guild, even for concurrent opens; rows survive a restart",
          arguments: Engine.allCases.filter(\.isAvailable))
    func numbering(engine: Engine) async throws {
        try await engine.withDatabase { database, reopen in
            _ = try await Migrator(database: database).migrate([ModerationMigrations.list])
            let store = CaseStore(database: database)
            let first = try await store.open(
                NewModerationCase(guildID: 1, type: .warn, userID: 10, moderatorID: 99, reason: "first"), now: start)
            #expect(first.number == 1 && first.isValid && !first.isProcessed && first.createdAt == start)
            // Another guild counts from 1 on its own.
            let other = try await store.open(
                NewModerationCase(guildID: 2, type: .kick, userID: 10, moderatorID: 99, reason: "elsewhere"), now: start)
            #expect(other.number == 1)
            // Twenty moderators at once in guild 1: numbers 2...21, none repeated, none skipped.
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await store.open(
                            NewModerationCase(guildID: 1, type: .warn, userID: UInt64(100 + index), moderatorID: 99, reason: "r\(index)"),
                            now: start
                        ).number
                    }
                }
                var collected: [Int] = []
                for try await number in group { collected.append(number) }
                return collected
            }
            #expect(numbers.sorted() == Array(2...21))
            let reopened = try await reopen()
            let restarted = CaseStore(database: reopened)
            #expect(try await restarted.cases(guildID: 1, limit: 100).map(\.number) == Array((1...21).reversed()))
            let next = try await restarted.open(
                NewModerationCase(guildID: 1, type: .ban, userID: 5, moderatorID: 99, reason: "after restart"), now: start)
            #expect(next.number == 22)
            await reopened.close()
        }
    }

    @Test("search by type, user and moderator; modify validity and reason; reasons are cut to 2,000 code points",
          arguments: Engine.allCases.filter(\.isAvailable))
    func searchAndModify(engine: Engine) async throws {
        try await engine.withDatabase { database, _ in
            _ = try await Migrator(database: database).migrate([ModerationMigrations.list])
            let store = CaseStore(database: database)
            let specs: [(CaseType, UInt64, UInt64)] = [(.warn, 10, 90), (.ban, 11, 90), (.warn, 11, 91), (.timeout, 10, 91)]
            for (type, user, moderator) in specs {
                _ = try await store.open(NewModerationCase(guildID: 3, type: type, userID: user, moderatorID: moderator, reason: "x"), now: start)
            }
            #expect(try await store.cases(guildID: 3, matching: CaseFilter(type: .warn)).map(\.number) == [3, 1])
            #expect(try await store.cases(guildID: 3, matching: CaseFilter(userID: 11)).map(\.number) == [3, 2])
            #expect(try await store.cases(guildID: 3, matching: CaseFilter(type: .warn, moderatorID: 91)).map(\.number) == [3])
            #expect(try await store.cases(guildID: 3, matching: CaseFilter(userID: 12)).isEmpty)
            #expect(try await store.cases(guildID: 3, limit: 2).map(\.number) == [4, 3])

            let voided = try #require(try await store.modify(guildID: 3, number: 2, isValid: false, reason: nil))
            #expect(!voided.isValid && voided.reason == "x")
            let long = String(repeating: "é", count: 2_500)
            let edited = try #require(try await store.modify(guildID: 3, number: 2, isValid: nil, reason: long))
            #expect(edited.reason.unicodeScalars.count == CaseStore.maximumReasonLength && !edited.isValid)
            #expect(try await store.modify(guildID: 3, number: 99, isValid: true, reason: nil) == nil)
            #expect(try await store.modify(guildID: 4, number: 2, isValid: true, reason: nil) == nil, "cases are per guild")
        }
    }

    @Test("a temp-ban case keeps its expiry and is marked handled once, idempotently",
          arguments: Engine.allCases.filter(\.isAvailable))
    func tempbanExpiry(engine: Engine) async throws {
        try await engine.withDatabase { database, _ in
            _ = try await Migrator(database: database).migrate([ModerationMigrations.list])
            let store = CaseStore(database: database)
            let tempban = try await store.open(
                NewModerationCase(guildID: 5, type: .tempban, userID: 42, moderatorID: 1, reason: "cool off",
                                  expiresAt: start + .seconds(3_600)), now: start)
            _ = try await store.open(NewModerationCase(guildID: 5, type: .warn, userID: 42, moderatorID: 1, reason: "w"), now: start)
            #expect(tempban.expiresAt == start + .seconds(3_600))
            #expect(try await store.markTempbansProcessed(guildID: 5, userID: 42) == 1)
            #expect(try await store.markTempbansProcessed(guildID: 5, userID: 42) == 0)
            #expect(try await store.moderationCase(id: tempban.id)?.isProcessed == true)
            #expect(try await store.moderationCase(guildID: 5, number: 2)?.isProcessed == false, "only temp-bans are touched")
        }
    }

    @Test("the temp-ban job payload round-trips; damaged payloads are refused")
    func expiryPayload() {
        let expiry = TempbanExpiry(guildID: 1_234_567_890_123, userID: 42)
        #expect(TempbanExpiry(payload: expiry.payload) == expiry)
        #expect(expiry.jobKey == "guild:1234567890123:user:42")
        for damaged in ["", "1", "1\n", "a\n2", "1\n2\n3", "-1\n2"] {
            #expect(TempbanExpiry(payload: damaged) == nil, "\(damaged.debugDescription)")
        }
        #expect(CaseType(name: "tempBan") == .tempban && CaseType(name: "hackban") == nil)
    }
}
