/// SplitMix64, the corpus generator's own seeded PRNG (the Python peers read the generated file, so they never
/// need to reproduce it).
public struct CorpusRandom: Sendable {
    private var state: UInt64

    /// A generator whose sequence depends only on `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in `range` (modulo bias is irrelevant for a corpus).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// `true` with probability `percent`/100.
    public mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// A random element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// `count` random ASCII digits, the first one non-zero.
    public mutating func digits(_ count: Int) -> String {
        var text = String(int(1...9))
        for _ in 1..<max(count, 1) { text.append(Character(Unicode.Scalar(UInt8(48 + int(0...9))))) }
        return String(text.prefix(count))
    }

    /// `count` random characters from `alphabet`.
    public mutating func string(_ count: Int, from alphabet: [Character]) -> String {
        var text = ""
        for _ in 0..<count { text.append(pick(alphabet)) }
        return text
    }
}
