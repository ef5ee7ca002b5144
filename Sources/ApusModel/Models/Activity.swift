/// A presence activity (game, stream, custom status...).
public struct Activity: Sendable, Hashable, JSONDecodable {
    /// `name`
    public var name: String
    /// `type`
    public var `type`: ActivityType
    /// `url`
    public var url: String?
    /// `created_at`
    public var createdAt: Int64?
    /// `timestamps`
    public var timestamps: ActivityTimestamps?
    /// `application_id`
    public var applicationID: Snowflake?
    /// `details`
    public var details: String?
    /// `state`
    public var state: String?
    /// `emoji`
    public var emoji: ActivityEmoji?
    /// `party`
    public var party: RawJSON?
    /// `assets`
    public var assets: RawJSON?
    /// `secrets`
    public var secrets: RawJSON?
    /// `instance`
    public var instance: Bool?
    /// `flags`
    public var flags: Int?
    /// `buttons`
    public var buttons: RawJSON?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var nameValue: String?
        var typeValue: ActivityType?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "type":
                do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
            case "url":
                do { self.url = try reader.decodeNullable() } catch { throw error.prefixingPath("url") }
            case "created_at":
                do { self.createdAt = try reader.decodeNullable() } catch { throw error.prefixingPath("created_at") }
            case "timestamps":
                do { self.timestamps = try reader.decodeNullable() } catch { throw error.prefixingPath("timestamps") }
            case "application_id":
                do { self.applicationID = try reader.decodeNullable() } catch { throw error.prefixingPath("application_id") }
            case "details":
                do { self.details = try reader.decodeNullable() } catch { throw error.prefixingPath("details") }
            case "state":
                do { self.state = try reader.decodeNullable() } catch { throw error.prefixingPath("state") }
            case "emoji":
                do { self.emoji = try reader.decodeNullable() } catch { throw error.prefixingPath("emoji") }
            case "party":
                do { self.party = try reader.decodeNullable() } catch { throw error.prefixingPath("party") }
            case "assets":
                do { self.assets = try reader.decodeNullable() } catch { throw error.prefixingPath("assets") }
            case "secrets":
                do { self.secrets = try reader.decodeNullable() } catch { throw error.prefixingPath("secrets") }
            case "instance":
                do { self.instance = try reader.decodeNullable() } catch { throw error.prefixingPath("instance") }
            case "flags":
                do { self.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "buttons":
                do { self.buttons = try reader.decodeNullable() } catch { throw error.prefixingPath("buttons") }
            default: try reader.skipValue()
            }
        }
        self.name = try reader.require(nameValue, "name")
        self.type = try reader.require(typeValue, "type")
    }
}
