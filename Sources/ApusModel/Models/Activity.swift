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
        var decodedUrl: String? = nil
        var decodedCreatedAt: Int64? = nil
        var decodedTimestamps: ActivityTimestamps? = nil
        var decodedApplicationID: Snowflake? = nil
        var decodedDetails: String? = nil
        var decodedState: String? = nil
        var decodedEmoji: ActivityEmoji? = nil
        var decodedParty: RawJSON? = nil
        var decodedAssets: RawJSON? = nil
        var decodedSecrets: RawJSON? = nil
        var decodedInstance: Bool? = nil
        var decodedFlags: Int? = nil
        var decodedButtons: RawJSON? = nil
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
                do { decodedUrl = try reader.decodeNullable() } catch { throw error.prefixingPath("url") }
            case "created_at":
                do { decodedCreatedAt = try reader.decodeNullable() } catch { throw error.prefixingPath("created_at") }
            case "timestamps":
                do { decodedTimestamps = try reader.decodeNullable() } catch { throw error.prefixingPath("timestamps") }
            case "application_id":
                do { decodedApplicationID = try reader.decodeNullable() } catch { throw error.prefixingPath("application_id") }
            case "details":
                do { decodedDetails = try reader.decodeNullable() } catch { throw error.prefixingPath("details") }
            case "state":
                do { decodedState = try reader.decodeNullable() } catch { throw error.prefixingPath("state") }
            case "emoji":
                do { decodedEmoji = try reader.decodeNullable() } catch { throw error.prefixingPath("emoji") }
            case "party":
                do { decodedParty = try reader.decodeNullable() } catch { throw error.prefixingPath("party") }
            case "assets":
                do { decodedAssets = try reader.decodeNullable() } catch { throw error.prefixingPath("assets") }
            case "secrets":
                do { decodedSecrets = try reader.decodeNullable() } catch { throw error.prefixingPath("secrets") }
            case "instance":
                do { decodedInstance = try reader.decodeNullable() } catch { throw error.prefixingPath("instance") }
            case "flags":
                do { decodedFlags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "buttons":
                do { decodedButtons = try reader.decodeNullable() } catch { throw error.prefixingPath("buttons") }
            default: try reader.skipValue()
            }
        }
        self.name = try reader.require(nameValue, "name")
        self.type = try reader.require(typeValue, "type")
        self.url = decodedUrl
        self.createdAt = decodedCreatedAt
        self.timestamps = decodedTimestamps
        self.applicationID = decodedApplicationID
        self.details = decodedDetails
        self.state = decodedState
        self.emoji = decodedEmoji
        self.party = decodedParty
        self.assets = decodedAssets
        self.secrets = decodedSecrets
        self.instance = decodedInstance
        self.flags = decodedFlags
        self.buttons = decodedButtons
    }
}
