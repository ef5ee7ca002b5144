/// How strongly one variant departs from the plain form; each probability is per opportunity (per token for
/// whitespace, per character for escapes, per object for key order, per value for timestamps and floats).
struct VariantProfile: CustomStringConvertible {
    var whitespace: Double
    var escapes: Double
    var shuffle: Double
    var timestamps: Double
    var floats: Double

    /// A random profile: each kind of change is off, light or everywhere, and at least one is on.
    static func random(_ random: inout SplitMix) -> VariantProfile {
        let levels: [Double] = [0, 0, 0.1, 0.5, 1]
        func pick(_ random: inout SplitMix) -> Double { levels[Int(random.next() % UInt64(levels.count))] }
        var profile = VariantProfile(whitespace: pick(&random), escapes: pick(&random), shuffle: pick(&random),
                                     timestamps: pick(&random), floats: pick(&random))
        if profile.whitespace + profile.escapes + profile.shuffle + profile.timestamps + profile.floats == 0 {
            profile.escapes = 1
        }
        return profile
    }

    var description: String {
        "whitespace \(whitespace), escapes \(escapes), shuffle \(shuffle), timestamps \(timestamps), floats \(floats)"
    }
}

/// Writes a ``JSONTree`` in a random but equivalent form: whitespace around every token, `\u` escapes (and `\/`) of
/// random characters in every string and key, shuffled keys, floats in exponent form, integer zeros as `-0`, and
/// timestamps in another ISO 8601 form of the same instant (fraction of 0 to 6 digits, `Z` or a numeric offset).
struct VariantWriter {
    /// Keys whose string values the models decode as ``DiscordTimestamp``.
    static let timestampKeys: Set<String> = [
        "timestamp", "edited_timestamp", "joined_at", "premium_since", "communication_disabled_until",
        "last_pin_timestamp", "archive_timestamp", "create_timestamp", "join_timestamp", "request_to_speak_timestamp",
    ]
    /// Keys whose numbers the models decode as `Double`.
    static let floatKeys: Set<String> = ["retry_after", "duration_secs", "min_value", "max_value"]

    var random: SplitMix
    let profile: VariantProfile
    private(set) var output: [UInt8] = []

    init(seed: UInt64, profile: VariantProfile) {
        random = SplitMix(seed: seed)
        self.profile = profile
    }

    mutating func chance(_ probability: Double) -> Bool {
        guard probability > 0 else { return false }
        return Double(random.next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }

    mutating func space() {
        guard chance(profile.whitespace) else { return }
        let count = 1 + Int(random.next() % 3)
        for _ in 0..<count { output.append(pick([0x20, 0x0A, 0x09, 0x0D])) }
    }

    mutating func write(_ tree: JSONTree, key: String? = nil) {
        space()
        switch tree {
        case .object(var members):
            output.append(UInt8(ascii: "{"))
            if chance(profile.shuffle) { shuffle(&members) }
            for (position, member) in members.enumerated() {
                if position > 0 {
                    space()
                    output.append(UInt8(ascii: ","))
                }
                space()
                string(member.key)
                space()
                output.append(UInt8(ascii: ":"))
                write(member.value, key: member.key)
            }
            space()
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 {
                    space()
                    output.append(UInt8(ascii: ","))
                }
                write(element)
            }
            space()
            output.append(UInt8(ascii: "]"))
        case .string(let text):
            if let key, Self.timestampKeys.contains(key), chance(profile.timestamps),
               let instant = ISOInstant(text) {
                string(instant.rewritten(random: &random))
            } else {
                string(text)
            }
        case .number(let text):
            if let key, Self.floatKeys.contains(key), chance(profile.floats),
               let rewritten = exponentForm(text) {
                output.append(contentsOf: Array(rewritten.utf8))
            } else if text == "0", !(key.map(Self.floatKeys.contains) ?? false), chance(profile.floats) {
                // Zero as negative zero: the same integer (floats keep `0`, since `-0.0` is a different `Double`).
                output.append(contentsOf: Array("-0".utf8))
            } else {
                output.append(contentsOf: Array(text.utf8))
            }
        case .literal(let text):
            output.append(contentsOf: Array(text.utf8))
        }
        space()
    }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = Int(random.next() % UInt64(index + 1))
            items.swapAt(index, other)
        }
    }

    mutating func hex4(_ value: UInt32) {
        let digits = Array((pick([true, false]) ? "0123456789abcdef" : "0123456789ABCDEF").utf8)
        output.append(0x5C)
        output.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) { output.append(digits[Int((value >> UInt32(shift)) & 0xF)]) }
    }

    mutating func string(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let escape = chance(profile.escapes)
            switch value {
            case 0x22, 0x5C:
                if escape { hex4(value) } else { output.append(0x5C); output.append(UInt8(value)) }
            case 0x2F where escape:
                if pick([true, false]) { output.append(0x5C); output.append(0x2F) } else { hex4(value) }
            case 0x08, 0x0C, 0x0A, 0x0D, 0x09:
                let short: [UInt32: UInt8] = [0x08: 0x62, 0x0C: 0x66, 0x0A: 0x6E, 0x0D: 0x72, 0x09: 0x74]
                if escape, let letter = short[value] { output.append(0x5C); output.append(letter) } else { hex4(value) }
            case 0..<0x20:
                hex4(value)
            default:
                if escape {
                    if value >= 0x10000 {
                        let offset = value - 0x10000
                        hex4(0xD800 + (offset >> 10))
                        hex4(0xDC00 + (offset & 0x3FF))
                    } else {
                        hex4(value)
                    }
                } else {
                    UTF8.encode(scalar) { output.append($0) }
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The same number as `d.ddd[e|E][+|-]x` (exactly the same decimal value, so the same `Double`).
    mutating func exponentForm(_ text: String) -> String? {
        var rest = Substring(text)
        let negative = rest.hasPrefix("-")
        if negative { rest = rest.dropFirst() }
        var exponent = 0
        if let mark = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(rest[rest.index(after: mark)...].replacingOccurrences(of: "+", with: "")) else {
                return nil
            }
            exponent = value
            rest = rest[..<mark]
        }
        var digits = String(rest)
        if let point = digits.firstIndex(of: ".") {
            exponent -= digits.distance(from: point, to: digits.endIndex) - 1
            digits.remove(at: point)
        }
        // value = digits × 10^exponent; write it as d.ddd × 10^(exponent + count - 1).
        let trimmed = digits.drop(while: { $0 == "0" })
        let sign = negative ? "-" : ""
        let letter = pick(["e", "E"])
        guard let first = trimmed.first else { return sign + "0.0" + letter + pick(["0", "+2", "-3"]) }
        let power = exponent + trimmed.count - 1
        let fraction = String(trimmed.dropFirst()) + String(repeating: "0", count: Int(random.next() % 3))
        let powerText = power >= 0 ? pick(["", "+"]) + String(power) : String(power)
        return sign + String(first) + (fraction.isEmpty ? "" : "." + fraction) + letter + powerText
    }
}

/// An instant read from an ISO 8601 date-time by the test's own parser (independent of `DiscordTimestamp`), and
/// written back in another form Discord uses.
struct ISOInstant {
    /// Seconds since 1970-01-01T00:00:00Z.
    var seconds: Int64
    /// Microseconds within the second.
    var micros: Int64

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= bytes.count else { return nil }
            return Int64(String(decoding: bytes[start..<(start + count)], as: UTF8.self))
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2) else { return nil }
        var index = 19
        var micros: Int64 = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale: Int64 = 100_000
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                micros += Int64(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetMinutes: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "Z") {
            index += 1
        } else if index + 6 == bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
                  let hours = number(index + 1, 2), bytes[index + 3] == UInt8(ascii: ":"),
                  let minutes = number(index + 4, 2) {
            offsetMinutes = (hours * 60 + minutes) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        let local = Self.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        seconds = local - offsetMinutes * 60
        self.micros = micros
    }

    static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func monthLengths(_ year: Int64) -> [Int64] {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    }

    /// Days from 1970-01-01, counted year by year and month by month.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        var total: Int64 = 0
        if year >= 1970 {
            for y in 1970..<year { total += isLeap(y) ? 366 : 365 }
        } else {
            for y in year..<1970 { total -= isLeap(y) ? 366 : 365 }
        }
        for m in 0..<Int(month - 1) { total += monthLengths(year)[m] }
        return total + day - 1
    }

    /// The date of a day counted from 1970-01-01.
    static func date(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        var remaining = days
        var year: Int64 = 1970
        while remaining < 0 {
            year -= 1
            remaining += isLeap(year) ? 366 : 365
        }
        while remaining >= (isLeap(year) ? 366 : 365) {
            remaining -= isLeap(year) ? 366 : 365
            year += 1
        }
        var month: Int64 = 1
        for length in monthLengths(year) {
            if remaining < length { break }
            remaining -= length
            month += 1
        }
        return (year, month, remaining + 1)
    }

    /// The same instant with a random zone (`Z`, `+00:00` or another offset) and 0 to 6 fraction digits (at least as
    /// many as the microseconds need).
    func rewritten(random: inout SplitMix) -> String {
        let offsets: [Int64?] = [nil, 0, 330, -480, 60, -600, 840, -720, 345, -30]
        let offset = offsets[Int(random.next() % UInt64(offsets.count))]
        var needed = 6
        var value = micros
        while needed > 0, value % 10 == 0 {
            value /= 10
            needed -= 1
        }
        let digits = needed + Int(random.next() % UInt64(7 - needed))
        let local = seconds + (offset ?? 0) * 60
        let dayNumber = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - dayNumber * 86_400
        let date = Self.date(days: dayNumber)
        func pad(_ number: Int64, _ width: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var text = "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))T"
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if digits > 0 { text += "." + String(pad(micros, 6).prefix(digits)) }
        if let offset {
            text += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
        } else {
            text += "Z"
        }
        return text
    }
}
