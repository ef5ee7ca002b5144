import Foundation

/// Runs `peers/text_re.py` with one engine (`re` or `regex`).
struct PythonTextPeer {
    /// Why the peer could not be run.
    struct PeerError: Error, CustomStringConvertible {
        var description: String
    }

    var python: String
    var script: String
    var engine: String

    /// Asks the peer to write its records for `corpus` to `records`.
    func writeRecords(corpus: String, records: String) throws {
        _ = try run(["--corpus", corpus, "--engine", engine, "--records", records])
    }

    /// Asks the peer to time `rounds` rounds of its extraction loop; returns each round's wall and CPU seconds.
    func time(corpus: String, rounds: Int) throws -> [(wall: Double, cpu: Double)] {
        let output = try run(["--corpus", corpus, "--engine", engine, "--rounds", String(rounds)])
        return output.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 4, fields[0] == "round", let wall = Double(fields[2]), let cpu = Double(fields[3])
            else { return nil }
            return (wall, cpu)
        }
    }

    private func run(_ arguments: [String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw PeerError(description: "no Python at \(python): run `bash scripts/install-deps.sh --python` or pass --python")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PeerError(description: "the Python peer (\(engine)) exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
