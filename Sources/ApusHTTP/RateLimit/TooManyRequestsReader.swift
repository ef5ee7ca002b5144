import ApusModel

/// Reads a 429 body into a ``TooManyRequestsBody``.
///
/// Any JSON object is Discord's answer: only `retry_after` matters (`message` and `global` may be missing), and a
/// `retry_after` that is not a finite, non-negative number (a string, `null`, `-1`, `1e400`) makes the answer
/// malformed. A body that is not a JSON object (Cloudflare's HTML page, plain text, nothing) is the sign of a ban.
enum TooManyRequestsReader {
    /// Interprets `body`.
    static func read(_ body: [UInt8]) -> TooManyRequestsBody {
        guard let parsed = try? Fields(jsonBytes: body) else { return .notJSON(excerpt: excerpt(body)) }
        switch parsed.retryAfter {
        case nil:
            return .json(retryAfter: nil, global: parsed.global, code: parsed.code)
        case .some(let raw):
            guard let seconds = RateLimitNumber.seconds(Substring(raw)) else {
                return .malformed(reason: "retry_after is \(raw.prefix(40))")
            }
            return .json(retryAfter: seconds, global: parsed.global, code: parsed.code)
        }
    }

    /// The start of a body for error messages (at most 120 bytes).
    static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(120), as: UTF8.self)
        return text.isEmpty ? "(empty body)" : text
    }

    /// The fields of the JSON object, with `retry_after` kept as its verbatim JSON text.
    private struct Fields: JSONDecodable {
        var retryAfter: String?
        var global = false
        var code: Int?

        init(from reader: inout JSONReader) throws(JSONDecodingError) {
            try reader.beginObject()
            while let key = try reader.nextKey() {
                if key == "retry_after" {
                    retryAfter = try reader.readRawJSON().string
                } else if key == "global", try reader.peek() == .bool {
                    global = try reader.readBool()
                } else if key == "code" {
                    code = RateLimitNumber.integer(Substring(try reader.readRawJSON().string))
                } else {
                    try reader.skipValue()
                }
            }
        }
    }
}
