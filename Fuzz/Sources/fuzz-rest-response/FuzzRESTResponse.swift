import ApusCore
import ApusHTTP
import ApusModel
import FuzzSupport

/// A run of requests through the rate limiter's state machine, each answered by a response made of fuzzer bytes:
/// a status, header lines (`Name: value`, any names and values, the rate-limit ones most often) and, for a 429, a
/// body. Time moves by fuzzer-chosen steps; every wait the limiter asks for is honoured by advancing to it, so a
/// value that becomes a century or a negative wait shows up as a trap or a stall.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRESTResponse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    var state = RateLimiterState()
    var now = MonotonicTime.zero
    let names = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset-After", "X-RateLimit-Reset",
                 "X-RateLimit-Bucket", "X-RateLimit-Global", "X-RateLimit-Scope", "Retry-After", "Date"]
    var steps = 0
    while !input.isAtEnd && steps < 32 {
        steps += 1
        let route = RateLimitRoute(method: "POST", path: "/channels/\(input.byte() % 3 + 1)/messages")
        let (id, actions) = state.enqueue(route, at: now)
        var sent = actions.contains(.send(id))
        var waits = 0
        while !sent && waits < 8 {
            waits += 1
            guard let wake = state.nextWakeUp else { break }
            now = max(now, wake)
            sent = state.advance(to: now).contains(.send(id))
        }
        guard sent else { continue }
        let status = [200, 200, 429, 429, 204, 401, 403, 500][Int(input.byte() % 8)]
        var headers: [(name: String, value: String)] = []
        for _ in 0..<Int(input.byte() % 6) {
            let selector = input.byte()
            let name = selector < 200 ? names[Int(selector) % names.count] : input.text()
            headers.append((name, input.text()))
        }
        let parsed = RateLimitHeaders(headers: headers)
        var body: TooManyRequestsBody?
        if status == 429 {
            let bytes = input.piece()
            if let json = try? RateLimitedBody(jsonBytes: bytes) {
                body = .json(retryAfter: json.retryAfter, global: json.global, code: json.code)
            } else {
                body = .notJSON(excerpt: String(decoding: bytes.prefix(64), as: UTF8.self))
            }
        }
        now = now + .milliseconds(Int64(input.byte()) * 50)
        _ = state.complete(id, response: RateLimitResponse(status: status, headers: parsed, tooManyRequests: body), at: now)
        if let wake = state.nextWakeUp { now = max(now, wake) }
        _ = state.advance(to: now)
        if state.ban != nil { state.clearBan() }
    }
    return 0
}
