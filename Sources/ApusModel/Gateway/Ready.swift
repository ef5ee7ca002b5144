/// The READY body.
public struct Ready: Sendable, Hashable, JSONDecodable {
    /// `v`
    public var v: Int
    /// `user`
    public var user: User
    /// `guilds`
    public var guilds: [UnavailableGuild]
    /// `session_id`
    public var sessionID: String
    /// `resume_gateway_url`
    public var resumeGatewayURL: String
    /// `shard`
    public var shard: [Int]?
    /// `application`
    public var application: ReadyApplication?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var vValue: Int?
        var userValue: User?
        var guildsValue: [UnavailableGuild]?
        var sessionIDValue: String?
        var resumeGatewayURLValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "v":
                do { vValue = try reader.decode() } catch { throw error.prefixingPath("v") }
            case "user":
                do { userValue = try reader.decode() } catch { throw error.prefixingPath("user") }
            case "guilds":
                do { guildsValue = try reader.decode() } catch { throw error.prefixingPath("guilds") }
            case "session_id":
                do { sessionIDValue = try reader.decode() } catch { throw error.prefixingPath("session_id") }
            case "resume_gateway_url":
                do { resumeGatewayURLValue = try reader.decode() } catch { throw error.prefixingPath("resume_gateway_url") }
            case "shard":
                do { self.shard = try reader.decodeNullable() } catch { throw error.prefixingPath("shard") }
            case "application":
                do { self.application = try reader.decodeNullable() } catch { throw error.prefixingPath("application") }
            default: try reader.skipValue()
            }
        }
        self.v = try reader.require(vValue, "v")
        self.user = try reader.require(userValue, "user")
        self.guilds = try reader.require(guildsValue, "guilds")
        self.sessionID = try reader.require(sessionIDValue, "session_id")
        self.resumeGatewayURL = try reader.require(resumeGatewayURLValue, "resume_gateway_url")
    }
}
