/// An ISO 8601 timestamp as Discord sends it (`2024-01-02T03:04:05.678000+00:00`), stored as Unix microseconds.
public struct DiscordTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var microsecondsSinceEpoch: Int64

    /// Wraps a Unix time in microseconds.
    public init(microsecondsSinceEpoch: Int64) { self.microsecondsSinceEpoch = microsecondsSinceEpoch }

    /// Parses an ISO 8601 date-time (`YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]`); nil when malformed.
    public init?(iso8601 text: String) {
        var copy = text
        let parsed = copy.withUTF8 { Self.parse(UnsafeRawBufferPointer($0)) }
        guard let parsed else { return nil }
        microsecondsSinceEpoch = parsed
    }

    /// Seconds since the Unix epoch as a `Double`.
    public var secondsSinceEpoch: Double { Double(microsecondsSinceEpoch) / 1_000_000 }

    /// Orders timestamps chronologically.
    public static func < (lhs: DiscordTimestamp, rhs: DiscordTimestamp) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    /// The UTC ISO 8601 form with microseconds.
    public var description: String {
        let micros = microsecondsSinceEpoch
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = micros - seconds * 1_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civilFromDays(days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(fraction, 6))+00:00"
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil algorithm).
    @inline(__always)
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysFromCivil(year:month:day:)``.
    static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Parses the bytes of an ISO 8601 date-time into Unix microseconds.
    static func parse(_ text: UnsafeRawBufferPointer) -> Int64? {
        if let common = parseDiscordForm(text) { return common }
        return parseAnyForm(text)
    }

    /// The form Discord sends, `2024-01-31T12:34:56.789000+00:00` or the same without the fraction, checked and read
    /// without a branch per character; nil for anything else (which ``parseAnyForm(_:)`` then reads or rejects).
    @inline(__always)
    static func parseDiscordForm(_ text: UnsafeRawBufferPointer) -> Int64? {
        let count = text.count
        guard count == 32 || count == 25 else { return nil }
        @inline(__always) func byte(_ index: Int) -> UInt8 { text.load(fromByteOffset: index, as: UInt8.self) }
        let zone = count - 6
        // The separators, then "+00:00".
        var mismatch = (byte(4) ^ 0x2D) | (byte(7) ^ 0x2D) | (byte(10) ^ 0x54) | (byte(13) ^ 0x3A) | (byte(16) ^ 0x3A)
        mismatch |= (byte(zone) ^ 0x2B) | (byte(zone + 1) ^ 0x30) | (byte(zone + 2) ^ 0x30) | (byte(zone + 3) ^ 0x3A)
            | (byte(zone + 4) ^ 0x30) | (byte(zone + 5) ^ 0x30)
        if count == 32 { mismatch |= byte(19) ^ 0x2E }
        var largestDigit: UInt8 = 0
        @inline(__always) func digits(_ start: Int, _ width: Int) -> Int64 {
            var value: Int64 = 0
            for index in start..<(start + width) {
                let digit = byte(index) &- 0x30
                largestDigit = max(largestDigit, digit)
                value = value &* 10 &+ Int64(digit)
            }
            return value
        }
        let year = digits(0, 4), month = digits(5, 2), day = digits(8, 2)
        let hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2)
        let micros = count == 32 ? digits(20, 6) : 0
        guard mismatch == 0, largestDigit < 10, (1...12).contains(month), (1...31).contains(day), hour < 24,
              minute < 60, second < 61 else { return nil }
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return seconds * 1_000_000 + micros
    }

    /// Parses any accepted ISO 8601 form: `T`, `t` or a space between date and time, any number of fraction digits
    /// (microseconds kept), and `Z`, `z` or a `±hh:mm` / `±hhmm` offset.
    static func parseAnyForm(_ text: UnsafeRawBufferPointer) -> Int64? {
        let count = text.count
        var index = 0
        @inline(__always) func digits(_ width: Int) -> Int64? {
            guard index + width <= count else { return nil }
            var value: Int64 = 0
            for _ in 0..<width {
                let digit = text.load(fromByteOffset: index, as: UInt8.self) &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
                index += 1
            }
            return value
        }
        @inline(__always) func literal(_ expected: UInt8) -> Bool {
            guard index < count, text.load(fromByteOffset: index, as: UInt8.self) == expected else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), literal(UInt8(ascii: "-")), let month = digits(2), literal(UInt8(ascii: "-")),
              let day = digits(2) else { return nil }
        guard index < count else { return nil }
        let separator = text.load(fromByteOffset: index, as: UInt8.self)
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20 else { return nil }
        index += 1
        guard let hour = digits(2), literal(UInt8(ascii: ":")), let minute = digits(2), literal(UInt8(ascii: ":")),
              let second = digits(2) else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var micros: Int64 = 0
        if literal(UInt8(ascii: ".")) {
            var scale: Int64 = 100_000
            var fractionDigits = 0
            while index < count {
                let digit = text.load(fromByteOffset: index, as: UInt8.self) &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                micros += Int64(digit) * scale
                scale /= 10
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { return nil }
        }
        var offsetSeconds: Int64 = 0
        if literal(UInt8(ascii: "Z")) || literal(UInt8(ascii: "z")) {
            offsetSeconds = 0
        } else if index < count {
            let sign = text.load(fromByteOffset: index, as: UInt8.self)
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            index += 1
            guard let offsetHours = digits(2) else { return nil }
            _ = literal(UInt8(ascii: ":"))
            guard let offsetMinutes = digits(2), offsetHours < 24, offsetMinutes < 60 else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        guard index == count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return seconds * 1_000_000 + micros
    }
}

extension DiscordTimestamp: JSONDecodable {
    /// Reads an ISO 8601 string.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        let current = try reader.peekByte()
        guard current == UInt8(ascii: "\"") else { throw reader.error(.typeMismatch(expected: "timestamp string")) }
        let start = reader.offset
        // Discord's own forms (32 or 25 characters) parsed where they stand, before any scan: the parser accepts
        // only digits and fixed punctuation, as `readFixedLengthString` requires.
        if let value = reader.readFixedLengthString(length: 32, Self.parseDiscordForm) {
            microsecondsSinceEpoch = value
            return
        }
        if let value = reader.readFixedLengthString(length: 25, Self.parseDiscordForm) {
            microsecondsSinceEpoch = value
            return
        }
        // Every other form, escaped or not.
        guard let value = try reader.readStringContent(Self.parse) else {
            throw JSONDecodingError(offset: start, reason: .invalidValue("malformed ISO 8601 timestamp"))
        }
        microsecondsSinceEpoch = value
    }
}
