// swift-tools-version:6.1
import PackageDescription

/// Coverage-guided fuzz targets for Apus (libFuzzer). Not part of CI: `scripts/fuzz.sh` builds each target on its own
/// (`swift build --package-path Fuzz --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address --product T`)
/// and runs it on seeds made by `fuzz-seeds` from `../shared/discord-corpus/` and the tests' inputs. A whole-package
/// build with the fuzzer sanitizer does not link (the `apus` executable brings its own `main`); build products one
/// at a time.
let settings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "ApusFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Apus", path: "..")],
    targets: [
        // Input splitting shared by the targets (no Apus dependency).
        .target(name: "FuzzSupport", swiftSettings: settings),
        // Raw, zlib-stream and zstd-stream bytes through the production inbound pipeline to events; in one mode the
        // harness compresses plaintext itself with zlib (CZlib, visible through ApusCompression) as a sender would.
        .executableTarget(
            name: "fuzz-inbound",
            dependencies: ["FuzzSupport", .product(name: "ApusGateway", package: "Apus"),
                           .product(name: "ApusCompression", package: "Apus")],
            swiftSettings: settings),
        // The JSON reader and the model decoders, on any bytes.
        .executableTarget(
            name: "fuzz-json", dependencies: ["FuzzSupport", .product(name: "ApusModel", package: "Apus")], swiftSettings: settings),
        // The command router: prefix commands with every parameter kind and moderation-style flags.
        .executableTarget(
            name: "fuzz-commands",
            dependencies: ["FuzzSupport", .product(name: "ApusCommands", package: "Apus"),
                           .product(name: "ApusModel", package: "Apus"), .product(name: "ApusHTTP", package: "Apus")],
            swiftSettings: settings),
        // The text toolkit: scanners, stripping, truncation and the three duration grammars.
        .executableTarget(
            name: "fuzz-text", dependencies: ["FuzzSupport", .product(name: "ApusText", package: "Apus")], swiftSettings: settings),
        // The configuration loader (TOML, schema, environment overrides).
        .executableTarget(
            name: "fuzz-config", dependencies: ["FuzzSupport", .product(name: "ApusConfig", package: "Apus")], swiftSettings: settings),
        // REST responses: rate-limit headers and 429 bodies into the rate limiter's state machine.
        .executableTarget(
            name: "fuzz-rest-response",
            dependencies: ["FuzzSupport", .product(name: "ApusHTTP", package: "Apus"), .product(name: "ApusCore", package: "Apus")],
            swiftSettings: settings),
        // Writes seed corpora for every target (built without sanitizers).
        .executableTarget(
            name: "fuzz-seeds",
            dependencies: ["FuzzSupport", .product(name: "ApusCompression", package: "Apus")],
            swiftSettings: settings),
    ]
)
