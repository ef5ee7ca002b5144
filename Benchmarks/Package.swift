// swift-tools-version:6.1
import PackageDescription

/// The Apus benchmark harness. A package of its own, so that building or testing the main package never compiles
/// it. Every comparison builds in release and runs Apus beside its Python (discord.py) peer in the same run.
/// The main package's upcoming-feature settings, so that harness code reads like library code.
let settings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "ApusBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Apus", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The deterministic frame generator, the workload file and the checksum rule shared with the Python peer.
        .target(
            name: "IngestWorkload", dependencies: [.product(name: "ApusCompression", package: "Apus")], swiftSettings: settings
        ),
        // The Apus side of the ingest comparison: the production inbound path and handlers that read every field.
        .target(
            name: "IngestApus",
            dependencies: [
                "IngestWorkload",
                .product(name: "ApusModel", package: "Apus"),
                .product(name: "ApusGateway", package: "Apus"),
            ],
            swiftSettings: settings
        ),
        // `swift run -c release --package-path Benchmarks ingest-generate FILE`: writes the workload only.
        .executableTarget(name: "ingest-generate", dependencies: ["IngestWorkload"], swiftSettings: settings),
        // `swift run -c release --package-path Benchmarks ingest-compare`: Apus and discord.py, same run.
        .executableTarget(name: "ingest-compare", dependencies: ["IngestWorkload", "IngestApus"], swiftSettings: settings),
        // `swift build -c release --package-path Benchmarks --product decode-only`: scan and decode the ingest
        // workload's messages with nothing else, for instruction counts under callgrind.
        .executableTarget(
            name: "decode-only",
            dependencies: [
                "IngestWorkload",
                .product(name: "ApusModel", package: "Apus"),
                .product(name: "ApusCompression", package: "Apus"),
            ],
            swiftSettings: settings
        ),
        // `swift run -c release --package-path Benchmarks rest-compare`: 2,000 sends under per-channel limits.
        .executableTarget(
            name: "rest-compare",
            dependencies: [
                .product(name: "ApusHTTP", package: "Apus"),
                .product(name: "ApusModel", package: "Apus"),
                .product(name: "ApusSimulator", package: "Apus"),
            ],
            swiftSettings: settings
        ),
        // The seeded chat-message corpus and the extraction-record format shared with the Python `re`/`regex` peers.
        .target(name: "TextCorpus", swiftSettings: settings),
        // `swift run -c release --package-path Benchmarks text-compare`: ApusText against `re` and `regex`, same run.
        .executableTarget(
            name: "text-compare",
            dependencies: ["TextCorpus", .product(name: "ApusText", package: "Apus")],
            swiftSettings: settings
        ),
        // `swift run -c release --package-path Benchmarks cache-compare`: bytes per cached member and message,
        // counted by the allocator, against discord.py's caches (tracemalloc) on the same guilds.
        .executableTarget(
            name: "cache-compare",
            dependencies: [
                .product(name: "ApusCache", package: "Apus"),
                .product(name: "ApusModel", package: "Apus"),
            ],
            swiftSettings: settings
        ),
        // The XP benchmark's seeded input (100,000 messages, 5,000 members, 10 guilds), shared with the Python peer.
        .target(name: "XPWorkload", swiftSettings: settings),
        // `swift run -c release --package-path Benchmarks xp-compare`: durable XP updates/s through the write-behind
        // store (SQLite, PostgreSQL) against the original per-message logic on aiosqlite.
        .executableTarget(
            name: "xp-compare",
            dependencies: [
                "XPWorkload",
                .product(name: "ApusPlugins", package: "Apus"),
                .product(name: "ApusStore", package: "Apus"),
                .product(name: "ApusCore", package: "Apus"),
            ],
            swiftSettings: settings
        ),
        // `swift test --package-path Benchmarks`: the generator's own tests (no timing).
        .testTarget(
            name: "IngestWorkloadTests",
            dependencies: ["IngestWorkload", .product(name: "ApusCompression", package: "Apus")],
            swiftSettings: settings
        ),
        // `swift package --package-path Benchmarks benchmark`: hot paths under ordo-one/benchmark.
        .executableTarget(
            name: "HotPaths",
            dependencies: [
                "IngestWorkload",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ApusModel", package: "Apus"),
                .product(name: "ApusCompression", package: "Apus"),
            ],
            path: "Benchmarks/HotPaths",
            swiftSettings: settings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
