extension Dictionary: JSONDecodable where Key == Snowflake, Value: JSONDecodable {
    /// Reads a JSON object keyed by snowflakes (e.g. an interaction's `resolved` maps).
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        var result: [Snowflake: Value] = [:]
        while let key = try reader.nextKey() {
            let keyOffset = reader.offset
            let id: Snowflake? = !key.isEscaped
                ? JSONReader.parseUInt64(bytes: key.raw, start: 0, end: key.raw.count).map(Snowflake.init(rawValue:))
                : Snowflake(key.string)
            guard let id else {
                throw JSONDecodingError(offset: keyOffset, reason: .invalidValue("object key is not a snowflake"))
            }
            result[id] = try Value(from: &reader)
        }
        self = result
    }
}
