import ApusText
import FuzzSupport

/// The input is a message's bytes: scanned for every token kind, stripped of markdown, truncated, and read by the
/// three duration grammars.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var scanner = MessageScanner()
    scanner.scan(bytes: bytes)
    var stripper = MarkdownStripper()
    stripper.strip(bytes: bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    scanner.scan(text)
    _ = MarkdownStripper.strip(text)
    _ = TextTruncation.truncate(text, toCodePoints: size % 64)
    for grammar in [DurationGrammar.singleUnit, .summedUnits, .compactUnits] {
        if let duration = try? grammar.parse(text) { _ = HumanDuration.describe(seconds: Int(duration.components.seconds)) }
    }
    return 0
}
