import ApusCore
import Testing

@testable import ApusHTTP

/// Values a hostile server or proxy may put where a number belongs.
private let extremeTexts = [
    "", " ", "-", "+", "0", "-0", "1", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "99999999999999999999999999999", "1e10", "1e308", "1e309", "-1e309", "nan", "NaN", "inf",
    "-inf", "infinity", "0x10", "1.5", "-1.5", ".5", "5.", "1e", "e5", "1e-400", "abc", "1 2", "１", "\u{0}", "0.000001",
]

/// A random header value: digits, signs, dots, exponents and junk in random order and length.
private func randomText(_ random: inout SeededRandom) -> String {
    let alphabet = Array("0123456789-+.eEnaifx \t")
    let length = Int(random.next() % 30)
    return String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
}

@Suite("Rate-limit numbers from the network")
struct RateLimitNumberTests {
    @Test(
        "integers are read at any value and clamped to Int; anything else is not an integer",
        arguments: [
            ("0", Optional(0)), ("-3", -3), ("+7", 7), ("9223372036854775807", Int.max),
            ("9223372036854775808", Int.max), ("-9223372036854775808", Int.min), ("-99999999999999999999999", Int.min),
            ("1.0", nil), ("", nil), ("-", nil), ("1e3", nil), ("0x1", nil), (" 1", nil),
        ] as [(String, Int?)]
    )
    func integers(text: String, expected: Int?) {
        #expect(RateLimitNumber.integer(text[...]) == expected)
    }

    @Test(
        "seconds are finite, non-negative decimals; NaN, infinity, negatives, hex and text are not",
        arguments: [
            ("0", Optional(0.0)), ("1.25", 1.25), ("1e10", 1e10), ("1E2", 100), ("5.", 5), (".5", 0.5),
            ("-1", nil), ("-0.001", nil), ("nan", nil), ("inf", nil), ("1e309", nil), ("0x10", nil), ("abc", nil),
            ("", nil), ("1,5", nil),
        ] as [(String, Double?)]
    )
    func seconds(text: String, expected: Double?) {
        #expect(RateLimitNumber.seconds(text[...]) == expected)
    }

    @Test("property: every rate-limit header, extreme or random, parses to a valid value or is listed as malformed")
    func headerProperty() {
        var random = SeededRandom(seed: 0x5EED)
        let names = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset-After", "X-RateLimit-Reset",
                     "Retry-After"]
        var texts = extremeTexts
        for _ in 0..<20_000 { texts.append(randomText(&random)) }
        for text in texts {
            for name in names {
                let headers = RateLimitHeaders(headers: [(name: name, value: text)])
                let key = name.lowercased()
                let parsed: Bool
                switch key {
                case "x-ratelimit-limit": parsed = headers.limit != nil
                case "x-ratelimit-remaining": parsed = headers.remaining != nil
                case "x-ratelimit-reset-after": parsed = headers.resetAfter != nil
                case "x-ratelimit-reset": parsed = headers.resetEpoch != nil
                default: parsed = headers.retryAfter != nil
                }
                #expect(parsed != headers.malformed.contains(key), "\(name): \(text.debugDescription)")
                for seconds in [headers.resetAfter, headers.resetEpoch, headers.retryAfter].compactMap({ $0 }) {
                    #expect(seconds.isFinite && seconds >= 0, "\(name): \(text.debugDescription)")
                }
            }
        }
    }

    @Test("property: a bucket learns from any remaining, limit and reset without trapping and never waits past the maximum")
    func bucketProperty() {
        var random = SeededRandom(seed: 42)
        let extremes = [0, -1, 1, Int.max, Int.min, Int.max - 1]
        let maximumWait = Duration.seconds(300)
        for round in 0..<20_000 {
            var bucket = RateLimitBucket()
            let now = MonotonicTime(nanoseconds: Int64(bitPattern: random.next() >> 2))
            for _ in 0..<3 {
                func integer() -> Int? {
                    switch random.next() % 4 {
                    case 0: nil
                    case 1: extremes[Int(random.next() % UInt64(extremes.count))]
                    default: Int(truncatingIfNeeded: random.next())
                    }
                }
                let seconds = [0, 1e10, 1e300, 0.5, Double(random.next() % 1000), Double(bitPattern: random.next())]
                    .compactMap { RateLimitNumber.seconds($0) }
                let headers = RateLimitHeaders(
                    limit: integer(), remaining: integer(),
                    resetAfter: seconds.isEmpty ? nil : seconds[Int(random.next() % UInt64(seconds.count))],
                    bucket: "b")
                bucket.learn(from: headers, at: now, isSuccess: round.isMultiple(of: 2), maximumWait: maximumWait)
                bucket.grant()
                bucket.refresh(at: now + .seconds(1))
                if case .limited(let limit) = bucket.knowledge {
                    #expect(limit >= 1)
                    #expect(bucket.remaining >= 0 && bucket.remaining <= limit)
                }
                if let resetAt = bucket.resetAt { #expect(resetAt - now <= maximumWait) }
                _ = bucket.availability(at: now)
            }
        }
    }

    @Test(
        "a 429 body is Discord's JSON, malformed JSON or a ban page",
        arguments: [
            (#"{"retry_after":1.5}"#, TooManyRequestsBody.json(retryAfter: 1.5, global: false, code: nil)),
            (#"{"message":"x","retry_after":2,"global":true,"code":20016}"#, .json(retryAfter: 2, global: true, code: 20016)),
            (#"{"message":"You are being rate limited."}"#, .json(retryAfter: nil, global: false, code: nil)),
            (#"{"retry_after":"1.5"}"#, .malformed(reason: #"retry_after is "1.5""#)),
            (#"{"retry_after":-1}"#, .malformed(reason: "retry_after is -1")),
            (#"{"retry_after":1e400}"#, .malformed(reason: "retry_after is 1e400")),
            (#"{"retry_after":null}"#, .malformed(reason: "retry_after is null")),
            (#"{"retry_after":1,"global":"yes","code":1e30}"#, .json(retryAfter: 1, global: false, code: nil)),
            ("<html>Access denied</html>", .notJSON(excerpt: "<html>Access denied</html>")),
            ("", .notJSON(excerpt: "(empty body)")),
            ("[1]", .notJSON(excerpt: "[1]")),
        ] as [(String, TooManyRequestsBody)]
    )
    func tooManyRequestsBodies(body: String, expected: TooManyRequestsBody) {
        #expect(TooManyRequestsReader.read(Array(body.utf8)) == expected)
    }

    @Test("property: random and truncated 429 bodies never trap, and every JSON wait they yield is usable")
    func tooManyRequestsProperty() {
        var random = SeededRandom(seed: 429)
        let seeds = [#"{"message":"You are being rate limited.","retry_after":0.25,"global":false}"#,
                     #"{"retry_after":1e10,"global":true,"code":0}"#]
        for _ in 0..<20_000 {
            var bytes = Array(seeds[Int(random.next() % 2)].utf8)
            for _ in 0..<Int(random.next() % 4) {
                let index = Int(random.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: random.next())
            }
            bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count + 1))))
            if case .json(let retryAfter?, _, _) = TooManyRequestsReader.read(bytes) {
                #expect(retryAfter.isFinite && retryAfter >= 0)
            }
        }
    }
}
