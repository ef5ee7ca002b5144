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
                do { self.title = try reader.decodeNullable() } catch { throw error.prefixingPath("title") }
            case "description":
                do { self.description = try reader.decodeNullable() } catch { throw error.prefixingPath("description") }
            case "content_type":
                do { self.contentType = try reader.decodeNullable() } catch { throw error.prefixingPath("content_type") }
            case "size":
                do { sizeValue = try reader.decode() } catch { throw error.prefixingPath("size") }
            case "url":
                do { urlValue = try reader.decode() } catch { throw error.prefixingPath("url") }
            case "proxy_url":
                do { proxyURLValue = try reader.decode() } catch { throw error.prefixingPath("proxy_url") }
            case "height":
                do { self.height = try reader.decodeNullable() } catch { throw error.prefixingPath("height") }
            case "width":
                do { self.width = try reader.decodeNullable() } catch { throw error.prefixingPath("width") }
            case "ephemeral":
                do { self.ephemeral = try reader.decodeNullable() } catch { throw error.prefixingPath("ephemeral") }
            case "duration_secs":
                do { self.durationSecs = try reader.decodeNullable() } catch { throw error.prefixingPath("duration_secs") }
            case "waveform":
                do { self.waveform = try reader.decodeNullable() } catch { throw error.prefixingPath("waveform") }
            case "flags":
                do { self.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.filename = try reader.require(filenameValue, "filename")
        self.size = try reader.require(sizeValue, "size")
        self.url = try reader.require(urlValue, "url")
        self.proxyURL = try reader.require(proxyURLValue, "proxy_url")
    }
}
