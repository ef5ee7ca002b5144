/// A file attached to a message.
public struct Attachment: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `filename`
    public var filename: String
    /// `title`
    public var title: String?
    /// `description`
    public var description: String?
    /// `content_type`
    public var contentType: String?
    /// `size`
    public var size: Int
    /// `url`
    public var url: String
    /// `proxy_url`
    public var proxyURL: String
    /// `height`
    public var height: Int?
    /// `width`
    public var width: Int?
    /// `ephemeral`
    public var ephemeral: Bool?
    /// `duration_secs`
    public var durationSecs: Double?
    /// `waveform`
    public var waveform: String?
    /// `flags`
    public var flags: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedTitle: String? = nil
        var decodedDescription: String? = nil
        var decodedContentType: String? = nil
        var decodedHeight: Int? = nil
        var decodedWidth: Int? = nil
        var decodedEphemeral: Bool? = nil
        var decodedDurationSecs: Double? = nil
        var decodedWaveform: String? = nil
        var decodedFlags: Int? = nil
        var idValue: Snowflake?
        var filenameValue: String?
        var sizeValue: Int?
        var urlValue: String?
        var proxyURLValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "filename":
                do { filenameValue = try reader.decode() } catch { throw error.prefixingPath("filename") }
            case "title":
                do { decodedTitle = try reader.decodeNullable() } catch { throw error.prefixingPath("title") }
            case "description":
                do { decodedDescription = try reader.decodeNullable() } catch { throw error.prefixingPath("description") }
            case "content_type":
                do { decodedContentType = try reader.decodeNullable() } catch { throw error.prefixingPath("content_type") }
            case "size":
                do { sizeValue = try reader.decode() } catch { throw error.prefixingPath("size") }
            case "url":
                do { urlValue = try reader.decode() } catch { throw error.prefixingPath("url") }
            case "proxy_url":
                do { proxyURLValue = try reader.decode() } catch { throw error.prefixingPath("proxy_url") }
            case "height":
                do { decodedHeight = try reader.decodeNullable() } catch { throw error.prefixingPath("height") }
            case "width":
                do { decodedWidth = try reader.decodeNullable() } catch { throw error.prefixingPath("width") }
            case "ephemeral":
                do { decodedEphemeral = try reader.decodeNullable() } catch { throw error.prefixingPath("ephemeral") }
            case "duration_secs":
                do { decodedDurationSecs = try reader.decodeNullable() } catch { throw error.prefixingPath("duration_secs") }
            case "waveform":
                do { decodedWaveform = try reader.decodeNullable() } catch { throw error.prefixingPath("waveform") }
            case "flags":
                do { decodedFlags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.filename = try reader.require(filenameValue, "filename")
        self.size = try reader.require(sizeValue, "size")
        self.url = try reader.require(urlValue, "url")
        self.proxyURL = try reader.require(proxyURLValue, "proxy_url")
        self.title = decodedTitle
        self.description = decodedDescription
        self.contentType = decodedContentType
        self.height = decodedHeight
        self.width = decodedWidth
        self.ephemeral = decodedEphemeral
        self.durationSecs = decodedDurationSecs
        self.waveform = decodedWaveform
        self.flags = decodedFlags
    }
}
