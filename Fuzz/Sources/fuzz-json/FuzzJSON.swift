import ApusModel
import FuzzSupport

/// The first byte picks an event kind; the rest is decoded as that event's data, as a whole gateway frame
/// (envelope scan), and as the commonest models, so every decoder and the reader under them see any bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let kinds = EventKind.allKnown
    let kind = kinds[Int(input.byte()) % kinds.count]
    let body = input.remaining
    body.withUnsafeBytes { raw in
        _ = try? GatewayEvent.decode(kind: kind, data: raw)
        _ = try? GatewayEnvelope.scan(raw)
        _ = try? GatewayEnvelope.scan(raw, allowTentativeData: true)
    }
    _ = try? Message(jsonBytes: body)
    _ = try? Guild(jsonBytes: body)
    _ = try? Interaction(jsonBytes: body)
    _ = try? Ready(jsonBytes: body)
    _ = try? GatewayBot(jsonBytes: body)
    _ = try? DiscordErrorBody(jsonBytes: body)
    _ = try? RateLimitedBody(jsonBytes: body)
    return 0
}
