// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every Apus target: Swift 6 language mode (the tools-version default) with complete
/// concurrency checking, plus `ExistentialAny` so that every existential is spelled out.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Apus",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Apus", targets: ["Apus"]),
        .library(name: "ApusCore", targets: ["ApusCore"]),
        .library(name: "ApusModel", targets: ["ApusModel"]),
        .library(name: "ApusGateway", targets: ["ApusGateway"]),
        .library(name: "ApusHTTP", targets: ["ApusHTTP"]),
        .library(name: "ApusSimulator", targets: ["ApusSimulator"]),
        .library(name: "ApusCompression", targets: ["ApusCompression"]),
        .library(name: "ApusText", targets: ["ApusText"]),
        .library(name: "ApusConfig", targets: ["ApusConfig"]),
        .library(name: "ApusStore", targets: ["ApusStore"]),
        .library(name: "ApusScheduler", targets: ["ApusScheduler"]),
        .library(name: "ApusCache", targets: ["ApusCache"]),
        .library(name: "ApusCommands", targets: ["ApusCommands"]),
        .library(name: "ApusInteractions", targets: ["ApusInteractions"]),
        .library(name: "ApusPlugins", targets: ["ApusPlugins"]),
        .executable(name: "apus", targets: ["apus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // C libraries from Debian, through system-library targets.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),

        // Shared, dependency-free building blocks: injected clocks, seeded randomness.
        .target(name: "ApusCore", swiftSettings: strictSettings),
        // Discord types and the byte-level JSON reader. No I/O.
        .target(name: "ApusModel", dependencies: ["ApusCore"], swiftSettings: strictSettings),
        // zlib-stream and zstd-stream transport compression, used by the gateway and the simulator.
        .target(name: "ApusCompression", dependencies: ["CZlib", "CZstd"], swiftSettings: strictSettings),
        // Shards (pure state machines + WebSocket driver), identify queue, shard manager.
        .target(
            name: "ApusGateway",
            dependencies: [
                "ApusCore", "ApusModel", "ApusCompression",
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // REST client and its rate limiter.
        .target(
            name: "ApusHTTP",
            dependencies: [
                "ApusCore", "ApusModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The local Discord: gateway + REST + faults + inspection + scripted members. Shares no model code with
        // the client: it speaks raw JSON.
        .target(
            name: "ApusSimulator",
            dependencies: [
                "ApusCore", "ApusCompression",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // Text toolkit: mentions, links, emoji, code blocks, markdown stripping, duration grammars. No dependencies,
        // linear-time scanners over UTF-8.
        .target(name: "ApusText", swiftSettings: strictSettings),
        // `apus.toml` (TOMLKit) with `APUS_…` environment overrides, validation that names key and line, and
        // per-guild settings layered over the file.
        .target(
            name: "ApusConfig",
            dependencies: [
                "ApusCore", .product(name: "TOMLKit", package: "TOMLKit"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The persistent scheduler: jobs stored through `JobStore`, fired at least once with idempotent actions.
        .target(
            name: "ApusScheduler",
            dependencies: ["ApusCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // Storage: one interface, SQLite (GRDB, WAL, synchronous=FULL) by default and PostgreSQL (postgres-nio);
        // migrations, the write-behind counter buffer, and the SQL job store behind the scheduler.
        .target(
            name: "ApusStore",
            dependencies: [
                "ApusCore", "ApusScheduler",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The bounded, per-resource cache of slim Discord types, with statistics.
        .target(name: "ApusCache", dependencies: ["ApusCore", "ApusModel"], swiftSettings: strictSettings),
        // Commands: one definition for prefix and slash, typed arguments, flags, checks, cooldowns, help.
        .target(
            name: "ApusCommands",
            dependencies: ["ApusCore", "ApusModel", "ApusText", "ApusHTTP"],
            swiftSettings: strictSettings
        ),
        // Interactions: responses, custom-id routing for components, modals, autocomplete, command sync.
        .target(
            name: "ApusInteractions",
            dependencies: ["ApusCore", "ApusModel", "ApusHTTP", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // The batteries-included plugins of the `apus` bot (levels first), with their pure logic separate from I/O.
        .target(name: "ApusPlugins", dependencies: ["ApusCore", "ApusStore", "Apus", "ApusText"], swiftSettings: strictSettings),
        // The framework façade users import.
        .target(
            name: "Apus",
            dependencies: [
                "ApusCore", "ApusModel", "ApusCompression", "ApusGateway", "ApusHTTP", "ApusText", "ApusConfig",
                "ApusStore", "ApusScheduler", "ApusCache", "ApusCommands", "ApusInteractions",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "apus",
            dependencies: [
                "Apus", "ApusSimulator", "ApusPlugins", "ApusStore", "ApusConfig", "ApusCache", "ApusCommands",
                "ApusInteractions", "ApusScheduler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        .testTarget(name: "ApusCoreTests", dependencies: ["ApusCore"], swiftSettings: strictSettings),
        .testTarget(name: "ApusTextTests", dependencies: ["ApusText"], swiftSettings: strictSettings),
        .testTarget(name: "ApusConfigTests", dependencies: ["ApusConfig", "ApusCore"], swiftSettings: strictSettings),
        .testTarget(name: "ApusSchedulerTests", dependencies: ["ApusScheduler", "ApusCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "ApusStoreTests", dependencies: ["ApusStore", "ApusScheduler", "ApusCore"], swiftSettings: strictSettings
        ),
        .testTarget(name: "ApusCacheTests", dependencies: ["ApusCache", "ApusModel", "ApusCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "ApusCommandsTests", dependencies: ["ApusCommands", "ApusModel", "ApusText", "ApusCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ApusInteractionsTests", dependencies: ["ApusInteractions", "ApusModel", "ApusHTTP", "ApusCore", "ApusSimulator"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ApusFrameworkTests", dependencies: ["Apus", "ApusStore", "ApusConfig", "ApusCore", "ApusGateway"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ApusPluginsTests", dependencies: ["ApusPlugins", "ApusCore", "ApusStore", "ApusConfig", "Apus"], swiftSettings: strictSettings),
        .testTarget(name: "ApusModelTests", dependencies: ["ApusModel"], swiftSettings: strictSettings),
        .testTarget(name: "ApusCompressionTests", dependencies: ["ApusCompression"], swiftSettings: strictSettings),
        .testTarget(name: "ApusGatewayTests", dependencies: ["ApusGateway", "ApusModel"], swiftSettings: strictSettings),
        .testTarget(name: "ApusHTTPTests", dependencies: ["ApusHTTP", "ApusModel"], swiftSettings: strictSettings),
        .testTarget(
            name: "ApusSimulatorTests",
            dependencies: [
                "ApusSimulator", "ApusCompression",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "WSClient", package: "swift-websocket"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ApusIntegrationTests",
            dependencies: [
                "Apus", "ApusGateway", "ApusHTTP", "ApusModel", "ApusSimulator", "ApusPlugins", "ApusStore", "ApusConfig",
                "ApusCache", "ApusCommands", "ApusInteractions",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
