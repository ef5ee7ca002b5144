import Foundation

/// Command-line options of `ingest-compare`.
struct CompareOptions {
    var rounds = 5
    /// Runs only the Apus side (for profiling); no comparison is printed.
    var apusOnly = false
    /// Reads an existing workload file and runs only Apus's one-core path (for `perf record`); prints nothing else.
    var profile = false
    /// Reads an existing workload file and prints a load-robust time of scan + decode + handler (sum of per-chunk
    /// minima over repetitions), for A/B comparisons of decoder changes on a busy machine.
    var decodeBench = false
    var file = "/tmp/apus-ingest-workload.bin"
    var python: String
    var peerScript: String

    /// The `Benchmarks` folder, found from this source file's location.
    static let benchmarksDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func parse(_ arguments: ArraySlice<String>) -> CompareOptions {
        let environment = ProcessInfo.processInfo.environment
        var options = CompareOptions(
            python: environment["APUS_PEER_PYTHON"]
                ?? benchmarksDirectory.deletingLastPathComponent().appendingPathComponent(".venv-peers/bin/python").path,
            peerScript: benchmarksDirectory.appendingPathComponent("peers/ingest_discordpy.py").path
        )
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--rounds": options.rounds = remaining.popFirst().flatMap { Int($0) }.map { max(1, $0) } ?? options.rounds
            case "--apus-only": options.apusOnly = true
            case "--profile": options.profile = true
            case "--decode-bench": options.decodeBench = true
            case "--file": options.file = remaining.popFirst() ?? options.file
            case "--python": options.python = remaining.popFirst() ?? options.python
            default:
                print("usage: ingest-compare [--rounds N] [--file PATH] [--python PATH] [--apus-only] [--profile] [--decode-bench]")
                exit(2)
            }
        }
        return options
    }
}
