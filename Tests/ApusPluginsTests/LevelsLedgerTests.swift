import ApusCore
import ApusPlugins
import ApusStore
import Testing

@Suite("Levels ledger on SQLite and PostgreSQL", .serialized, .timeLimit(.minutes(1)))
struct LevelsLedgerTests {
    let start = WallTime(secondsSinceEpoch: 1_800_000_000)

    func message(_ author: UInt64, roles: [UInt64] = []) -> XPMessage {
        XPMessage(guildID: 77, channelID: 5, authorID: author, authorIsBot: false, isCommand: false, memberRoles: roles)
    }

    @Test("messages earn XP through the write-behind buffer; rows are durable after flush and read back after a restart",
          arguments: Engine.allCases.filter(\.isAvailable))
    func durableAcrossRestart(engine: Engine) async throws {
        try await engine.withDatabase { database, reopen in
            _ = try await Migrator(database: database).migrate([LevelsMigrations.list])
            let rules = XPRules(multipliers: [9: 2], rewards: LevelRoleRewards([.init(level: 1, roleID: 500)]))
            let ledger = LevelsLedger(database: database, limits: .init(maxDelay: .seconds(60), maxRows: 10_000))
            var levelUps = 0
            for index in 0..<12 {
                let award = try await ledger.record(message(1, roles: [9]), rules: rules, now: start + .seconds(2 * index))
                if case .write(_, _, let levelUp?) = award {
                    levelUps += 1
                    #expect(levelUp.add == 500)
                }
                _ = try await ledger.record(message(2), rules: rules, now: start + .seconds(2 * index))
            }
            #expect(levelUps == 1)
            // Nothing is committed before the flush (the delay is a minute), so a second connection sees no rows.
            let second = try await reopen()
            #expect(try await second.query("SELECT member_id FROM levels").isEmpty)
            try await ledger.flush()
            let rows = try await second.query("SELECT member_id, xp, level FROM levels ORDER BY member_id")
            #expect(rows.count == 2)
            #expect(try rows[0].double("xp") == 22 && rows[0].int("level") == 1)
            #expect(try rows[1].double("xp") == 11 && rows[1].int("level") == 0)
            #expect(await ledger.close().isComplete)
            await database.close()
            // A new process: the ledger reads the stored row once and carries on from it.
            let restarted = LevelsLedger(database: second)
            let award = try await restarted.record(message(2), rules: rules, now: start + .seconds(100))
            guard case .write(let row, false, _) = award else {
                Issue.record("expected an update of the stored row, got \(award)")
                return
            }
            #expect(row.xp == 12)
            #expect(await restarted.databaseReads == 1)
            let board = try await restarted.leaderboard(guildID: 77, limit: 10)
            #expect(board.map(\.memberID) == [1, 2])
            #expect(await restarted.close().isComplete)
            await second.close()
        }
    }
}
