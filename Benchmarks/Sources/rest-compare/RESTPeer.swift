import Foundation

/// Options of `rest-compare`.
struct RESTCompareOptions {
    var rounds = 3
    var python: String
    var peerScript: String

    static let benchmarksDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func parse(_ arguments: ArraySlice<String>) -> RESTCompareOptions {
        var options = RESTCompareOptions(
            python: ProcessInfo.processInfo.environment["APUS_PEER_PYTHON"]
                ?? benchmarksDirectory.deletingLastPathComponent().appendingPathComponent(".venv-peers/bin/python").path,
            peerScript: benchmarksDirectory.appendingPathComponent("peers/rest_discordpy.py").path)
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--rounds": options.rounds = remaining.popFirst().flatMap { Int($0) }.map { max(1, $0) } ?? options.rounds
            case "--python": options.python = remaining.popFirst() ?? options.python
            default:
                print("usage: rest-compare [--rounds N] [--python PATH]")
                exit(2)
            }
        }
        return options
    }
}

/// Why the discord.py peer failed.
struct RESTPeerError: Error, CustomStringConvertible {
    var description: String
}

/// Runs `peers/rest_discordpy.py` to completion (the simulator keeps serving on its event loops meanwhile) and
/// returns the wall time of the sends as the peer measured it.
func runPythonPeer(
    python: String, script: String, base: String, token: String, channels: [UInt64], perChannel: Int
) async throws -> Double {
    guard FileManager.default.isExecutableFile(atPath: python) else {
        throw RESTPeerError(description: "no Python at \(python): run `bash scripts/install-deps.sh --python` or pass --python")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script, "--base", base, "--token", token, "--per-channel", String(perChannel),
                         "--channels", channels.map(String.init).joined(separator: ",")]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    // Read on a detached thread so that this task's executor stays free while discord.py runs.
    let data = await Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw RESTPeerError(description: "the discord.py REST peer exited with status \(process.terminationStatus)")
    }
    struct Report: Decodable { var seconds: Double }
    guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
          let report = try? JSONDecoder().decode(Report.self, from: Data(line.utf8)) else {
        throw RESTPeerError(description: "the discord.py REST peer printed no timing")
    }
    return report.seconds
}
