import Foundation

/// Runs `peers/ingest_discordpy.py` and reads its per-round JSON lines.
struct PythonPeer {
    /// One round as the peer reports it.
    struct Round: Decodable {
        var round: Int
        var mode: String
        var seconds: Double
        var dispatches: Int
        var handled: Int
        var checksum: String
    }

    /// Why the peer could not be run.
    struct PeerError: Error, CustomStringConvertible {
        var description: String
    }

    var python: String
    var script: String

    func run(file: String, rounds: Int, mode: String) throws -> [Round] {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw PeerError(description: "no Python at \(python): run `bash scripts/install-deps.sh --python` or pass --python")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, file, "--rounds", String(rounds), "--mode", mode]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PeerError(description: "the discord.py peer exited with status \(process.terminationStatus)")
        }
        let decoder = JSONDecoder()
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            try decoder.decode(Round.self, from: Data(line.utf8))
        }
    }
}
