/// A reaction on a message.
public struct Reaction: Sendable, Hashable, JSONDecodable {
    /// `count`
    public var count: Int
    /// `count_details`
    public var countDetails: ReactionCountDetails?
    /// `me`
    public var me: Bool
    /// `me_burst`
    public var meBurst: Bool?
    /// `emoji`
    public var emoji: Emoji
    /// `burst_colors`
    public var burstColors: [String]?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var countValue: Int?
        var meValue: Bool?
        var emojiValue: Emoji?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "count":
                do { countValue = try reader.decode() } catch { throw error.prefixingPath("count") }
            case "count_details":
                do { self.countDetails = try reader.decodeNullable() } catch { throw error.prefixingPath("count_details") }
            case "me":
                do { meValue = try reader.decode() } catch { throw error.prefixingPath("me") }
            case "me_burst":
                do { self.meBurst = try reader.decodeNullable() } catch { throw error.prefixingPath("me_burst") }
            case "emoji":
                do { emojiValue = try reader.decode() } catch { throw error.prefixingPath("emoji") }
            case "burst_colors":
                do { self.burstColors = try reader.decodeNullable() } catch { throw error.prefixingPath("burst_colors") }
            default: try reader.skipValue()
            }
        }
        self.count = try reader.require(countValue, "count")
        self.me = try reader.require(meValue, "me")
        self.emoji = try reader.require(emojiValue, "emoji")
    }
}
