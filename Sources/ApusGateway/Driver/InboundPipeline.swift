import ApusCompression
import ApusModel

/// What one gateway message meant to the shard.
public enum InboundItem {
    /// Op 10 with the heartbeat interval.
    case hello(heartbeatInterval: Duration)
    /// Op 1: the server wants a heartbeat now.
    case heartbeatRequest
    /// Op 11.
    case heartbeatACK
    /// Op 7.
    case reconnect
    /// Op 9 with its `d`.
    case invalidSession(resumable: Bool)
    /// Op 0. `delivery` is nil when no handler wanted the event; `lifecycle` is set for READY and RESUMED.
    case dispatch(sequence: Int?, kind: EventKind, delivery: GatewayDelivery?, lifecycle: Lifecycle?)
    /// Nothing the shard must act on (an unknown opcode, an oversized uncompressed message that was skipped, a message
    /// still incomplete).
    case ignored
    /// The stream is unusable (corrupt compressed data, an unscannable frame): close and resume.
    case broken(reason: String)

    /// Session life-cycle facts carried by a dispatch.
    public enum Lifecycle {
        case ready(sessionID: String, resumeGatewayURL: String)
        case resumed
    }
}

/// The inbound path of one connection, with no I/O: WebSocket message bytes in, decompression, the envelope scan,
/// lazy decoding of only the events some handler wants, and counters for everything skipped or bad.
///
/// The benchmarks run exactly this type on in-memory frames. Not thread-safe: one connection's reader owns it.
public final class InboundPipeline {
    private let shardID: Int
    private let compression: TransportCompression
    private let maximumMessageSize: Int
    private let distributor: EventDistributor
    private let zlib: ZlibStreamInflater?
    private let zstd: ZstdStreamDecompressor?
    // Exclusivity is not checked at run time (several runtime calls per message otherwise): the counters are
    // written only by this class's methods, each update a complete `+=` that calls nothing while it is in progress.
    /// What this connection has seen so far.
    @exclusivity(unchecked) public private(set) var counters = InboundCounters()
    /// The last dispatch that could not be decoded, for the shard's (rate-limited) warning; cleared by
    /// ``takeLastUndecodable()``.
    @exclusivity(unchecked) public private(set) var lastUndecodable: UndecodableDispatch?

    /// Creates the pipeline of one connection.
    public init(
        shardID: Int, compression: TransportCompression, maximumMessageSize: Int, distributor: EventDistributor
    ) throws(CompressionError) {
        self.shardID = shardID
        self.compression = compression
        self.maximumMessageSize = maximumMessageSize
        self.distributor = distributor
        switch compression {
        case .none:
            zlib = nil
            zstd = nil
        case .zlibStream:
            zlib = try ZlibStreamInflater(maximumMessageSize: maximumMessageSize)
            zstd = nil
        case .zstdStream:
            zlib = nil
            zstd = try ZstdStreamDecompressor(maximumMessageSize: maximumMessageSize)
        }
    }

    /// Resets the counters (the shard folds them into its totals).
    func takeCounters() -> InboundCounters {
        defer { counters = InboundCounters() }
        return counters
    }

    /// Processes one complete WebSocket message.
    public func process(message: UnsafeRawBufferPointer) -> InboundItem {
        counters.messages += 1
        counters.wireBytes += message.count
        do {
            switch compression {
            case .none:
                if message.count > maximumMessageSize {
                    counters.oversizedMessages += 1
                    return .ignored
                }
                return processJSON(message)
            case .zlibStream:
                guard let zlib else { return .broken(reason: "no inflater") }
                return try zlib.push(message) { processJSON($0) } ?? .ignored
            case .zstdStream:
                guard let zstd else { return .broken(reason: "no decompressor") }
                return try zstd.decompress(message) { processJSON($0) }
            }
        } catch let error as CompressionError {
            if case .messageTooLarge = error { counters.oversizedMessages += 1 } else { counters.corruptCompressedMessages += 1 }
            return .broken(reason: error.description)
        } catch {
            counters.corruptCompressedMessages += 1
            return .broken(reason: "\(error)")
        }
    }

    /// Notes a message that was too large to assemble and was skipped before reaching ``process(message:)``.
    func countOversizedSkipped(wireBytes: Int) {
        counters.messages += 1
        counters.wireBytes += wireBytes
        counters.oversizedMessages += 1
    }

    /// Processes one gateway message's JSON.
    public func processJSON(_ json: UnsafeRawBufferPointer) -> InboundItem {
        counters.jsonBytes += json.count
        var envelope: GatewayEnvelope
        do {
            envelope = try GatewayEnvelope.scan(json, allowTentativeData: true)
            if envelope.dataRangeIsTentative && envelope.opcode != 0 {
                // Control frames are rare: take the exact range of `d` before using it.
                envelope = try GatewayEnvelope.scan(json)
            }
        } catch {
            counters.unscannableFrames += 1
            return .broken(reason: "unscannable frame: \(error)")
        }
        let data = envelope.dataRange.map { UnsafeRawBufferPointer(rebasing: json[$0]) }
        switch envelope.opcode {
        case 0:
            return dispatch(envelope: envelope, json: json)
        case 1:
            return .heartbeatRequest
        case 7:
            return .reconnect
        case 9:
            return .invalidSession(resumable: data.map(Self.isJSONTrue) ?? false)
        case 10:
            guard let data else {
                counters.unscannableFrames += 1
                return .broken(reason: "HELLO without data")
            }
            do {
                // Any Int64 converts to a Duration without overflow; the shard checks the bounds.
                return .hello(heartbeatInterval: .milliseconds(try Hello(jsonBytes: data).heartbeatInterval))
            } catch {
                counters.unscannableFrames += 1
                return .broken(reason: "HELLO without a usable heartbeat_interval: \(error)")
            }
        case 11:
            return .heartbeatACK
        default:
            counters.unknownOpcodes += 1
            return .ignored
        }
    }

    /// Decodes `d` (at `range`) with `decode`; when the range was tentative and decoding fails, scans the frame
    /// exactly and tries once more. Returns the value or the error, and the range of `d` finally used (exact if the
    /// frame had to be rescanned); throws only when the frame cannot be scanned at all. Only the range changes on a
    /// rescan (the same frame has the same `op`, `s` and `t`), so the envelope itself is never copied here.
    private func decodeData<Value>(
        range: Range<Int>, tentative: Bool, json: UnsafeRawBufferPointer,
        _ decode: (UnsafeRawBufferPointer) throws -> Value
    ) throws(JSONDecodingError) -> (Result<Value, any Error>, range: Range<Int>?, tentative: Bool) {
        do {
            return (.success(try decode(UnsafeRawBufferPointer(rebasing: json[range]))), range, tentative)
        } catch {
            guard tentative else { return (.failure(error), range, false) }
            guard let exactRange = try GatewayEnvelope.scan(json).dataRange else { return (.failure(error), nil, false) }
            do {
                return (.success(try decode(UnsafeRawBufferPointer(rebasing: json[exactRange]))), exactRange, false)
            } catch {
                return (.failure(error), exactRange, false)
            }
        }
    }

    /// Returns and clears the last undecodable dispatch.
    func takeLastUndecodable() -> UndecodableDispatch? {
        defer { lastUndecodable = nil }
        return lastUndecodable
    }

    /// Counts an undecodable dispatch, remembers it for the shard's warning and, if anyone wants its kind, returns
    /// the delivery that hands it over as raw JSON.
    private func undecodable(
        _ kind: EventKind, sequence: Int?, wanted: Bool, raw: [UInt8], reason: String, offset: Int? = nil
    ) -> GatewayDelivery? {
        counters.undecodableDispatches += 1
        lastUndecodable = UndecodableDispatch(eventName: kind.name, sequence: sequence, offset: offset, reason: reason)
        guard wanted else { return nil }
        return GatewayDelivery(
            shardID: shardID, sequence: sequence, payload: .undecodable(name: kind.name, data: RawJSON(bytes: raw), reason: reason)
        )
    }

    private func dispatch(envelope: GatewayEnvelope, json: UnsafeRawBufferPointer) -> InboundItem {
        counters.dispatches += 1
        let kind = envelope.eventName ?? .unknown("")
        let sequence = envelope.sequence
        var lifecycle: InboundItem.Lifecycle?
        let wanted = distributor.wants(kind)
        guard var range = envelope.dataRange else {
            let delivery = undecodable(kind, sequence: sequence, wanted: wanted, raw: Array("null".utf8),
                                       reason: "dispatch without data")
            return .dispatch(sequence: sequence, kind: kind, delivery: delivery, lifecycle: nil)
        }
        var tentative = envelope.dataRangeIsTentative
        do {
            if case .ready = kind {
                let (ready, readyRange, readyTentative) = try decodeData(range: range, tentative: tentative, json: json) {
                    try Ready(jsonBytes: $0)
                }
                if case .success(let ready) = ready {
                    lifecycle = .ready(sessionID: ready.sessionID, resumeGatewayURL: ready.resumeGatewayURL)
                }
                guard let readyRange else {
                    // The exact scan found no `d` after all.
                    let delivery = undecodable(kind, sequence: sequence, wanted: wanted, raw: [],
                                               reason: "\(JSONDecodingErrorMissingData())")
                    return .dispatch(sequence: sequence, kind: kind, delivery: delivery, lifecycle: lifecycle)
                }
                (range, tentative) = (readyRange, readyTentative)
            } else if case .resumed = kind {
                lifecycle = .resumed
            }
            guard wanted else {
                counters.skippedUnsubscribed += 1
                return .dispatch(sequence: sequence, kind: kind, delivery: nil, lifecycle: lifecycle)
            }
            let (event, finalRange, _) = try decodeData(range: range, tentative: tentative, json: json) {
                try GatewayEvent.decode(kind: kind, data: $0)
            }
            let delivery: GatewayDelivery?
            switch event {
            case .success(let event):
                delivery = GatewayDelivery(shardID: shardID, sequence: sequence, payload: .event(event))
            case .failure(let error):
                let raw = finalRange.map { Array(UnsafeRawBufferPointer(rebasing: json[$0])) } ?? []
                delivery = undecodable(kind, sequence: sequence, wanted: true, raw: raw, reason: "\(error)",
                                       offset: (error as? JSONDecodingError)?.offset)
            }
            return .dispatch(sequence: sequence, kind: kind, delivery: delivery, lifecycle: lifecycle)
        } catch {
            // The shortcut range did not decode and the frame does not scan exactly either: the frame is broken.
            counters.unscannableFrames += 1
            return .broken(reason: "unscannable frame: \(error)")
        }
    }

    private static func isJSONTrue(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // `d` of op 9 is a bare boolean; tolerate surrounding whitespace.
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
        return bytes.count - index >= 4 && bytes[index] == UInt8(ascii: "t") && bytes[index + 1] == UInt8(ascii: "r")
            && bytes[index + 2] == UInt8(ascii: "u") && bytes[index + 3] == UInt8(ascii: "e")
    }
}

/// `d` was absent or null where a value was needed.
struct JSONDecodingErrorMissingData: Error, CustomStringConvertible {
    var description: String { "the frame has no data (`d`)" }
}
