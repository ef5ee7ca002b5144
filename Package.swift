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
        .library(name: "ApusModel", targets: ["ApusModel"]),
        .library(name: "ApusGateway", targets: ["ApusGateway"]),
        .library(name: "ApusHTTP", targets: ["ApusHTTP"]),
        .library(name: "ApusSimulator", targets: ["ApusSimulator"]),
        .library(name: "ApusCompression", targets: ["ApusCompression"]),
        .executable(name: "apus", targets: ["apus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
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
        // The framework façade users import.
        .target(
            name: "Apus",
            dependencies: [
                "ApusCore", "ApusModel", "ApusCompression", "ApusGateway", "ApusHTTP",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "apus",
            dependencies: [
                "Apus", "ApusSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

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
                "Apus", "ApusGateway", "ApusHTTP", "ApusModel", "ApusSimulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
