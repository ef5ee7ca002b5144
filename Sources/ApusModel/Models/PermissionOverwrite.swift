/// A channel permission overwrite for a role (type 0) or member (type 1).
public struct PermissionOverwrite: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `type`
    public var `type`: OverwriteType
    /// `allow`
    public var allow: Permissions
    /// `deny`
    public var deny: Permissions

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var typeValue: OverwriteType?
        var allowValue: Permissions?
        var denyValue: Permissions?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "type":
                do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
            case "allow":
                do { allowValue = try reader.decode() } catch { throw error.prefixingPath("allow") }
            case "deny":
                do { denyValue = try reader.decode() } catch { throw error.prefixingPath("deny") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.type = try reader.require(typeValue, "type")
        self.allow = try reader.require(allowValue, "allow")
        self.deny = try reader.require(denyValue, "deny")
    }
}
