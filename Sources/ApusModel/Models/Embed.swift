/// Rich content attached to a message.
public struct Embed: Sendable, Hashable, JSONDecodable {
    /// `title`
    public var title: String?
    /// `type`
    public var `type`: String?
    /// `description`
    public var description: String?
    /// `url`
    public var url: String?
    /// `timestamp`
    public var timestamp: DiscordTimestamp?
    /// `color`
    public var color: Int?
    /// `footer`
    public var footer: EmbedFooter?
    /// `image`
    public var image: EmbedMedia?
    /// `thumbnail`
    public var thumbnail: EmbedMedia?
    /// `video`
    public var video: EmbedMedia?
    /// `provider`
    public var provider: EmbedProvider?
    /// `author`
    public var author: EmbedAuthor?
    /// `fields`
    public var fields: [EmbedField]?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "title":
                do { self.title = try reader.decodeNullable() } catch { throw error.prefixingPath("title") }
            case "type":
                do { self.type = try reader.decodeNullable() } catch { throw error.prefixingPath("type") }
            case "description":
                do { self.description = try reader.decodeNullable() } catch { throw error.prefixingPath("description") }
            case "url":
                do { self.url = try reader.decodeNullable() } catch { throw error.prefixingPath("url") }
            case "timestamp":
                do { self.timestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("timestamp") }
            case "color":
                do { self.color = try reader.decodeNullable() } catch { throw error.prefixingPath("color") }
            case "footer":
                do { self.footer = try reader.decodeNullable() } catch { throw error.prefixingPath("footer") }
            case "image":
                do { self.image = try reader.decodeNullable() } catch { throw error.prefixingPath("image") }
            case "thumbnail":
                do { self.thumbnail = try reader.decodeNullable() } catch { throw error.prefixingPath("thumbnail") }
            case "video":
                do { self.video = try reader.decodeNullable() } catch { throw error.prefixingPath("video") }
            case "provider":
                do { self.provider = try reader.decodeNullable() } catch { throw error.prefixingPath("provider") }
            case "author":
                do { self.author = try reader.decodeNullable() } catch { throw error.prefixingPath("author") }
            case "fields":
                do { self.fields = try reader.decodeNullable() } catch { throw error.prefixingPath("fields") }
            default: try reader.skipValue()
            }
        }
    }
}
