/// A set of byte values (or a classification of bytes) as a 256-entry table, for one-load tests in the scanners'
/// inner loops.
struct ByteSet: Sendable {
    /// 1 for members, 0 for the rest; always 256 entries.
    private let table: [UInt8]

    /// The set of `members`.
    init(_ members: [UInt8]) {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in members { table[Int(byte)] = 1 }
        self.table = table
    }

    /// A table mapping each byte of `classes[i].bytes` to `classes[i].value`, and every other byte to 0.
    init(classes: [(bytes: [UInt8], value: UInt8)]) {
        var table = [UInt8](repeating: 0, count: 256)
        for entry in classes {
            for byte in entry.bytes { table[Int(byte)] = entry.value }
        }
        self.table = table
    }

    /// Runs `body` with the 256-entry table (index it with `Int(byte)`; entries are 0 or 1).
    @inline(__always) func withTable<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        table.withUnsafeBufferPointer(body)
    }
}
