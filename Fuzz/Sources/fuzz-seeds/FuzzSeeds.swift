import ApusCompression
import Foundation
import FuzzSupport

/// Writes a seed corpus per fuzz target into OUTDIR/<target>/, from `../shared/discord-corpus/` (every JSON payload)
/// and the inputs the tests use: `fuzz-seeds CORPUS_DIR OUTDIR`.
@main
struct FuzzSeeds {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: fuzz-seeds CORPUS_DIR OUTDIR\n".utf8))
            exit(2)
        }
        let corpus = URL(fileURLWithPath: arguments[1])
        let out = URL(fileURLWithPath: arguments[2])
        let files = try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
        let payloads = try files.map { [UInt8](try Data(contentsOf: $0)) }
        var seeds: [String: [[UInt8]]] = [:]

        // Inbound: each payload as one message, raw (mode 0); as a zlib-stream, sync-flushed (1); as a zstd-stream
        // frame (2).
        // (scripts/fuzz.sh adds payloads written as one complete zlib stream, as a non-streaming sender would.)
        for payload in payloads.prefix(60) {
            seeds["fuzz-inbound", default: []].append([0] + encodePieces([payload]))
            let deflater = try ZlibStreamDeflater()
            seeds["fuzz-inbound", default: []].append([1] + (try deflater.compress(payload)))
            let compressor = try ZstdStreamCompressor()
            seeds["fuzz-inbound", default: []].append([2] + encodePieces([try compressor.compress(payload)]))
        }
        // Inbound, mode 3 (the harness compresses as a sender): what Discord sends, plaintext payloads each
        // sync-flushed (flag 0) at the default level, one payload per seed and runs of three as one connection.
        var senderSeeds: [[UInt8]] = []
        func senderRecords(_ list: ArraySlice<[UInt8]>) -> [UInt8] { list.flatMap { [0] + encodePieces([$0]) } }
        for payload in payloads.prefix(60) { senderSeeds.append([3, 6] + senderRecords([payload])) }
        for start in stride(from: 0, to: min(payloads.count, 90), by: 3) {
            senderSeeds.append([3, 6] + senderRecords(payloads[start..<min(start + 3, payloads.count)]))
        }
        // JSON: every payload, under each selector byte that picks a kind of the right family.
        for (index, payload) in payloads.enumerated() {
            seeds["fuzz-json", default: []].append([UInt8(index % 256)] + payload)
        }
        // Commands: lines from the tests and the behaviour doc.
        seeds["fuzz-commands"] = [
            "!ban <@1002> spamming links -purge 3 -silent", "!ban 1003 -t 1h30m -tag a -tag b reason here",
            "?remind 2w3d stretch", "!mix 3 0.5 yes word <@1004> <@&200> <#300>", "!timeout 28d", "!mix \"quoted arg\" 1",
            "<@999> ban user2 -p 7", "!ban", "!help ban",
        ].map { Array($0.utf8) }
        // Text: message-like lines with every token kind.
        seeds["fuzz-text"] = [
            "hi <@123456789012345678> see <#234567890123456789> and <:emoji:345678901234567890>",
            "https://discord.com/channels/1/2/3 https://discord.gg/abc https://github.com/a/b/blob/main/x.swift#L1-L9",
            "```swift\nlet x = 1\n``` **bold** __u__ ~~s~~ ||spoiler|| `code`", "1h30m", "2w3d", "10m", "1.5h", "7d",
        ].map { Array($0.utf8) }
        // Config: a document with every value type, then environment overrides.
        let document = """
            [bot]
            prefix = "!"
            owner_ids = [123456789012345678]
            intents = 38403
            [levels]
            channels = [1, "2"]
            cooldown = 5
            ratio = 1.5
            every = "1h30m"
            mode = "b"
            [[levels.roles]]
            level = 5
            role_id = 789012345678901234
            """
        seeds["fuzz-config"] = [encodePieces([Array(document.utf8), Array("?".utf8), Array("7".utf8)])]
        // REST: requests answered by typical and by hostile headers.
        func header(_ selector: UInt8, _ value: String) -> [UInt8] { [selector] + encodePieces([Array(value.utf8)]) }
        seeds["fuzz-rest-response"] = [
            [0, 0, 4] + header(0, "5") + header(1, "4") + header(2, "1.5") + header(4, "abc123") + [1],
            [1, 2, 2] + header(2, "1e10") + header(7, "1e10") + encodePieces([Array(#"{"retry_after": 1e10, "global": false}"#.utf8)]) + [1],
            [2, 0, 1] + header(1, "9223372036854775807") + [1],
            [0, 2, 0] + encodePieces([Array("<html>banned</html>".utf8)]) + [1],
        ]
        for (target, list) in seeds {
            let directory = out.appendingPathComponent(target)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (index, seed) in list.enumerated() {
                try Data(seed).write(to: directory.appendingPathComponent(String(format: "seed-%04d", index)))
            }
        }
        let senderDirectory = out.appendingPathComponent("fuzz-inbound")
        for (index, seed) in senderSeeds.enumerated() {
            try Data(seed).write(to: senderDirectory.appendingPathComponent(String(format: "seed-sender-%04d", index)))
        }
        print("wrote seeds for \(seeds.count) targets into \(out.path)")
    }
}
