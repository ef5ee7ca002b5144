@testable import ApusModel

/// Runs `body` with a reader over the UTF-8 bytes of `json`, turning typed errors into a `Result`.
func withReader<T>(_ json: String, _ body: (inout JSONReader) throws(JSONDecodingError) -> T) -> Result<T, JSONDecodingError> {
    let bytes = Array(json.utf8)
    return bytes.withUnsafeBytes { buffer in
        var reader = JSONReader(bytes: buffer)
        do throws(JSONDecodingError) {
            let value = try body(&reader)
            try reader.expectEnd()
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

/// Scans an envelope from a string.
func scanEnvelope(_ json: String) throws(JSONDecodingError) -> GatewayEnvelope {
    try GatewayEnvelope.scan(Array(json.utf8))
}

/// Decodes a dispatch body from a string.
func decodeEvent(_ kind: EventKind, _ json: String) throws(JSONDecodingError) -> GatewayEvent {
    let bytes = Array(json.utf8)
    return try bytes.withUnsafeBytes { buffer in
        Result { () throws(JSONDecodingError) in try GatewayEvent.decode(kind: kind, data: buffer) }
    }.get()
}
