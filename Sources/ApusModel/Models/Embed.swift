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
        var decodedTitle: String? = nil
        var decodedType: String? = nil
        var decodedDescription: String? = nil
        var decodedUrl: String? = nil
        var decodedTimestamp: DiscordTimestamp? = nil
        var decodedColor: Int? = nil
        var decodedFooter: EmbedFooter? = nil
        var decodedImage: EmbedMedia? = nil
        var decodedThumbnail: EmbedMedia? = nil
        var decodedVideo: EmbedMedia? = nil
        var decodedProvider: EmbedProvider? = nil
        var decodedAuthor: EmbedAuthor? = nil
        var decodedFields: [EmbedField]? = nil
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "title":
                do { decodedTitle = try reader.decodeNullable() } catch { throw error.prefixingPath("title") }
            case "type":
                do { decodedType = try reader.decodeNullable() } catch { throw error.prefixingPath("type") }
            case "description":
                do { decodedDescription = try reader.decodeNullable() } catch { throw error.prefixingPath("description") }
            case "url":
                do { decodedUrl = try reader.decodeNullable() } catch { throw error.prefixingPath("url") }
            case "timestamp":
                do { decodedTimestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("timestamp") }
            case "color":
                do { decodedColor = try reader.decodeNullable() } catch { throw error.prefixingPath("color") }
            case "footer":
                do { decodedFooter = try reader.decodeNullable() } catch { throw error.prefixingPath("footer") }
            case "image":
                do { decodedImage = try reader.decodeNullable() } catch { throw error.prefixingPath("image") }
            case "thumbnail":
                do { decodedThumbnail = try reader.decodeNullable() } catch { throw error.prefixingPath("thumbnail") }
            case "video":
                do { decodedVideo = try reader.decodeNullable() } catch { throw error.prefixingPath("video") }
            case "provider":
                do { decodedProvider = try reader.decodeNullable() } catch { throw error.prefixingPath("provider") }
            case "author":
                do { decodedAuthor = try reader.decodeNullable() } catch { throw error.prefixingPath("author") }
            case "fields":
                do { decodedFields = try reader.decodeNullable() } catch { throw error.prefixingPath("fields") }
            default: try reader.skipValue()
            }
        }
        self.title = decodedTitle
        self.`type` = decodedType
        self.description = decodedDescription
        self.url = decodedUrl
        self.timestamp = decodedTimestamp
        self.color = decodedColor
        self.footer = decodedFooter
        self.image = decodedImage
        self.thumbnail = decodedThumbnail
        self.video = decodedVideo
        self.provider = decodedProvider
        self.author = decodedAuthor
        self.fields = decodedFields
    }
}
