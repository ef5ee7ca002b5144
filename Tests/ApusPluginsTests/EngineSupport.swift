import ApusStore
import Foundation
import Testing

/// The two storage engines every persistence test of the plugins runs on.
enum Engine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// Whether this engine's tests run: PostgreSQL needs `APUS_TEST_POSTGRES_URL`; with `CI=true` a missing URL
    /// fails the tests instead of skipping them.
    var isAvailable: Bool {
        self == .sqlite || Self.postgresURL != nil || Self.isCI
    }

    static let postgresURL: String? = ProcessInfo.processInfo.environment["APUS_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI = ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"

    /// A fresh database on this engine: a temporary WAL file, or a unique PostgreSQL schema. `reopen` opens a new
    /// connection to the same data (a restarted process).
    func open() async throws -> (database: any Database, reopen: @Sendable () async throws -> any Database, cleanUp: @Sendable () async -> Void) {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apus-plugins-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("bot.sqlite").path
            return (try SQLiteDatabase(location: .file(path)), { try SQLiteDatabase(location: .file(path)) },
                    { try? FileManager.default.removeItem(at: directory) })
        case .postgres:
            guard let url = Self.postgresURL else {
                throw EngineUnavailable(description: "APUS_TEST_POSTGRES_URL is not set but CI=true: PostgreSQL cannot be skipped")
            }
            var settings = try PostgresSettings(url: url)
            settings.schema = "apus_plugins_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            settings.maximumConnections = 2
            let frozen = settings
            let database = try await PostgresDatabase(settings: settings)
            let schema = settings.schema ?? ""
            return (database, { try await PostgresDatabase(settings: frozen) }, {
                if let cleaner = try? await PostgresDatabase(settings: frozen) {
                    _ = try? await cleaner.execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
                    await cleaner.close()
                }
            })
        }
    }
}

extension Engine {
    /// Runs `body` with a fresh database on this engine and always cleans up afterwards (awaited, not detached).
    func withDatabase(
        _ body: (_ database: any Database, _ reopen: @Sendable () async throws -> any Database) async throws -> Void
    ) async throws {
        let (database, reopen, cleanUp) = try await open()
        do {
            try await body(database, reopen)
        } catch {
            await cleanUp()
            throw error
        }
        await cleanUp()
    }
}

struct EngineUnavailable: Error, CustomStringConvertible {
    var description: String
}
