/// A user's voice connection state.
public struct VoiceState: Sendable, Hashable, JSONDecodable {
    /// `guild_id`
    public var guildID: Snowflake?
    /// `channel_id`
    public var channelID: Snowflake?
    /// `user_id`
    public var userID: Snowflake
    /// `member`
    public var member: GuildMember?
    /// `session_id`
    public var sessionID: String
    /// `deaf`
    public var deaf: Bool
    /// `mute`
    public var mute: Bool
    /// `self_deaf`
    public var selfDeaf: Bool
    /// `self_mute`
    public var selfMute: Bool
    /// `self_stream`
    public var selfStream: Bool?
    /// `self_video`
    public var selfVideo: Bool?
    /// `suppress`
    public var suppress: Bool
    /// `request_to_speak_timestamp`
    public var requestToSpeakTimestamp: DiscordTimestamp?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var userIDValue: Snowflake?
        var sessionIDValue: String?
        var deafValue: Bool?
        var muteValue: Bool?
        var selfDeafValue: Bool?
        var selfMuteValue: Bool?
        var suppressValue: Bool?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "guild_id":
                do { self.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "channel_id":
                do { self.channelID = try reader.decodeNullable() } catch { throw error.prefixingPath("channel_id") }
            case "user_id":
                do { userIDValue = try reader.decode() } catch { throw error.prefixingPath("user_id") }
            case "member":
                do { self.member = try reader.decodeNullable() } catch { throw error.prefixingPath("member") }
            case "session_id":
                do { sessionIDValue = try reader.decode() } catch { throw error.prefixingPath("session_id") }
            case "deaf":
                do { deafValue = try reader.decode() } catch { throw error.prefixingPath("deaf") }
            case "mute":
                do { muteValue = try reader.decode() } catch { throw error.prefixingPath("mute") }
            case "self_deaf":
                do { selfDeafValue = try reader.decode() } catch { throw error.prefixingPath("self_deaf") }
            case "self_mute":
                do { selfMuteValue = try reader.decode() } catch { throw error.prefixingPath("self_mute") }
            case "self_stream":
                do { self.selfStream = try reader.decodeNullable() } catch { throw error.prefixingPath("self_stream") }
            case "self_video":
                do { self.selfVideo = try reader.decodeNullable() } catch { throw error.prefixingPath("self_video") }
            case "suppress":
                do { suppressValue = try reader.decode() } catch { throw error.prefixingPath("suppress") }
            case "request_to_speak_timestamp":
                do { self.requestToSpeakTimestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("request_to_speak_timestamp") }
            default: try reader.skipValue()
            }
        }
        self.userID = try reader.require(userIDValue, "user_id")
        self.sessionID = try reader.require(sessionIDValue, "session_id")
        self.deaf = try reader.require(deafValue, "deaf")
        self.mute = try reader.require(muteValue, "mute")
        self.selfDeaf = try reader.require(selfDeafValue, "self_deaf")
        self.selfMute = try reader.require(selfMuteValue, "self_mute")
        self.suppress = try reader.require(suppressValue, "suppress")
    }
}
