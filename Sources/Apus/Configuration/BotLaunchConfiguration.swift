import ApusCompression
import ApusConfig
import ApusModel
import ApusStore
import Logging

/// Everything a bot process needs to start, read from `apus.toml` (or no file), the environment and the command
/// line: the validated configuration, how the bot connects, where its data lives, what it logs and how it stops.
///
/// Every `[bot]` key has its effect here: `token_env` names the variable the token is read from; `intents` is
/// identified with; `shard_total`, `shard_first` and `shard_last` choose the shards; `database_url` (or
/// `APUS_DATABASE_URL`) chooses SQLite or PostgreSQL; `log_level` is the lowest level logged; `resume_max_age` and
/// `shutdown_timeout` drive the lifecycle. `prefix` and `owner_ids` reach the command router, the prefix per guild.
///
/// ```swift
/// let launch = try BotLaunchConfiguration.load(
///     configPath: "apus.toml", schema: try host.configSchema(), environment: ProcessInfo.processInfo.environment)
/// let bot = Bot(configuration: launch.bot)
/// let database = try await launch.openStore()
/// ```
public struct BotLaunchConfiguration: Sendable {
    /// What the command line may set over the file (each nil leaves the file's value or default).
    public struct Overrides: Sendable {
        /// The REST API base URL.
        public var apiBaseURL: String?
        /// A gateway URL to use instead of the one `GET /gateway/bot` returns.
        public var gatewayURL: String?
        /// Transport compression.
        public var compression: TransportCompression?
        /// Gateway intents, over `[bot] intents`.
        public var intents: Int?
        /// A SQLite file, over `[bot] database_url`.
        public var sqlitePath: String?

        /// No overrides.
        public init(
            apiBaseURL: String? = nil, gatewayURL: String? = nil, compression: TransportCompression? = nil,
            intents: Int? = nil, sqlitePath: String? = nil
        ) {
            self.apiBaseURL = apiBaseURL
            self.gatewayURL = gatewayURL
            self.compression = compression
            self.intents = intents
            self.sqlitePath = sqlitePath
        }
    }

    /// The validated configuration (file, environment overrides, defaults).
    public var config: ResolvedConfig
    /// The file that was read, or nil when none was given.
    public var configPath: String?
    /// How the bot connects (token, intents, shards, URLs, compression).
    public var bot: BotConfiguration
    /// Where the bot's data lives.
    public var store: StoreConfiguration
    /// The lowest level logged.
    public var logLevel: Logger.Level
    /// Stored gateway sessions older than this are not resumed.
    public var resumeMaximumAge: Duration
    /// How long a graceful stop may take.
    public var shutdownTimeout: Duration

    /// Reads `configPath` (nil: no file, every key at its default or environment override), validates it against
    /// `schema`, reads the token from the variable `token_env` names, and applies `overrides`. Every problem
    /// becomes one ``BotLaunchError`` whose description names the file actually read.
    public static func load(
        configPath: String?, schema: ConfigSchema, environment: [String: String], overrides: Overrides = Overrides()
    ) throws(BotLaunchError) -> BotLaunchConfiguration {
        let config: ResolvedConfig
        do {
            if let configPath {
                config = try ConfigLoader(schema: schema, fileName: configPath).loadFile(atPath: configPath, environment: environment)
            } else {
                config = try ConfigLoader(schema: schema, fileName: "(no configuration file)").load(text: "", environment: environment)
            }
        } catch {
            throw .configuration(file: configPath, error)
        }
        let settings = config.bot
        guard let token = settings.token?.revealed else {
            throw .missingToken(variable: settings.tokenEnvironmentVariable)
        }
        let intentBits = overrides.intents ?? settings.intents
        guard (0...BotSettings.allIntentBits).contains(intentBits) else {
            throw .invalidIntents(intentBits)
        }
        var bot = BotConfiguration(token: token, intents: Intents(rawValue: intentBits))
        bot.restRequestTimeout = settings.restTimeout
        switch (settings.shardTotal, settings.shardRange) {
        case (nil, nil): bot.shards = .automatic
        case (let total?, nil): bot.shards = .range(0..<total, of: total)
        case (let total?, let range?): bot.shards = .range(range.lowerBound..<(range.upperBound + 1), of: total)
        case (nil, .some): throw .shardsWithoutTotal
        }
        if let apiBaseURL = overrides.apiBaseURL { bot.apiBaseURL = apiBaseURL }
        bot.gatewayURLOverride = overrides.gatewayURL
        if let compression = overrides.compression { bot.compression = compression }
        let store: StoreConfiguration
        if let sqlitePath = overrides.sqlitePath {
            store = .sqlite(path: sqlitePath)
        } else {
            do {
                store = try StoreConfiguration(url: settings.databaseURL.revealed)
            } catch {
                throw .database(name: "bot.database_url", error)
            }
        }
        return BotLaunchConfiguration(
            config: config, configPath: configPath, bot: bot, store: store,
            logLevel: Logger.Level(rawValue: settings.logLevel) ?? .info,
            resumeMaximumAge: settings.resumeMaximumAge, shutdownTimeout: settings.shutdownTimeout)
    }

    /// Opens the store; a failure names the database (never its password) and the cause.
    public func openStore() async throws(BotLaunchError) -> any Database {
        do {
            return try await store.open()
        } catch {
            throw .database(name: store.displayName, error)
        }
    }
}

/// Why a bot process could not start: one line for the operator.
public enum BotLaunchError: Error, Sendable, CustomStringConvertible {
    /// The configuration file could not be read or is invalid.
    case configuration(file: String?, ConfigError)
    /// The variable `token_env` names is unset or empty.
    case missingToken(variable: String)
    /// The intents are outside the bits Discord defines.
    case invalidIntents(Int)
    /// `shard_first`/`shard_last` without `shard_total`.
    case shardsWithoutTotal
    /// The database URL is invalid or the database could not be opened.
    case database(name: String, StoreError)

    public var description: String {
        switch self {
        case .configuration(let file, let error):
            let problems = error.issues.map(\.description).joined(separator: "; ")
            return "invalid configuration \(file.map { "in \($0)" } ?? "(no file given)"): \(problems)"
        case .missingToken(let variable):
            return "no bot token: set the environment variable \(variable) (named by [bot] token_env)"
        case .invalidIntents(let bits):
            return "intents \(bits) is not a set of Discord's gateway intents (0...\(BotSettings.allIntentBits))"
        case .shardsWithoutTotal:
            return "[bot] shard_first and shard_last need shard_total"
        case .database(let name, let error):
            return "cannot open the database \(name): \(error.message)"
        }
    }
}
