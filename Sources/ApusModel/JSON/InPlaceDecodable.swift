/// A model that can decode into an existing value, writing each field where it lives instead of assembling a new
/// value and copying it in. Large models nested in others (a message's author and member, a mention's member) decode
/// this way: a `GuildMember` is some 350 bytes, and each copy of it also retains and releases every string it holds.
protocol InPlaceDecodable: JSONDecodable {
    /// A value with every optional field nil and placeholders in the required ones, for ``decodeFields(from:)`` to
    /// overwrite.
    init(emptyForDecoding: Void)

    /// Decodes an object into this value. Fields absent from the JSON keep their current values; a required field
    /// that is absent throws ``JSONDecodingError/Reason/missingField(_:)``.
    mutating func decodeFields(from reader: inout JSONReader) throws(JSONDecodingError)
}

extension JSONReader {
    /// Decodes the next value into `slot` in place: nil for `null`, otherwise a value built by
    /// ``InPlaceDecodable/decodeFields(from:)`` inside the optional itself.
    @inline(__always)
    mutating func decodeNullable<Value: InPlaceDecodable>(into slot: inout Value?) throws(JSONDecodingError) {
        if try consumeNull() {
            slot = nil
            return
        }
        slot = Value(emptyForDecoding: ())
        try slot?.decodeFields(from: &self)
    }

    /// Decodes the next value (an object) into `slot` in place.
    @inline(__always)
    mutating func decode<Value: InPlaceDecodable>(into slot: inout Value) throws(JSONDecodingError) {
        slot = Value(emptyForDecoding: ())
        try slot.decodeFields(from: &self)
    }
}
