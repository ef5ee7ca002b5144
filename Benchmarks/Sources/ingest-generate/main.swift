import Foundation
import IngestWorkload

// Writes the ingest workload to the file named by the first argument (default: /tmp/apus-ingest.bin) and prints
// its size and compression ratio.
let path = CommandLine.arguments.dropFirst().first ?? "/tmp/apus-ingest.bin"
let started = Date()
let workload = try IngestWorkload.generate()
try WorkloadFile.write(workload, to: path)
let ratio = Double(workload.jsonByteCount) / Double(workload.compressedByteCount)
print("wrote \(path): \(workload.setupMessageCount) setup + \(workload.dispatchCount) dispatches")
print("json \(workload.jsonByteCount) bytes, zstd-stream \(workload.compressedByteCount) bytes, ratio \(String(format: "%.2f", ratio))x")
for (name, count) in workload.eventCounts.sorted(by: { $0.key < $1.key }) { print("  \(name): \(count)") }
print("generated in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
