/// Thread-specific channel fields.
public struct ThreadMetadata: Sendable, Hashable, JSONDecodable {
    /// `archived`
    public var archived: Bool
    /// `auto_archive_duration`
    public var autoArchiveDuration: Int
    /// `archive_timestamp`
    public var archiveTimestamp: DiscordTimestamp
    /// `locked`
    public var locked: Bool
    /// `invitable`
    public var invitable: Bool?
    /// `create_timestamp`
    public var createTimestamp: DiscordTimestamp?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var archivedValue: Bool?
        var autoArchiveDurationValue: Int?
        var archiveTimestampValue: DiscordTimestamp?
        var lockedValue: Bool?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "archived":
                do { archivedValue = try reader.decode() } catch { throw error.prefixingPath("archived") }
            case "auto_archive_duration":
                do { autoArchiveDurationValue = try reader.decode() } catch { throw error.prefixingPath("auto_archive_duration") }
            case "archive_timestamp":
                do { archiveTimestampValue = try reader.decode() } catch { throw error.prefixingPath("archive_timestamp") }
            case "locked":
                do { lockedValue = try reader.decode() } catch { throw error.prefixingPath("locked") }
            case "invitable":
                do { self.invitable = try reader.decodeNullable() } catch { throw error.prefixingPath("invitable") }
            case "create_timestamp":
                do { self.createTimestamp = try reader.decodeNullable() } catch { throw error.prefixingPath("create_timestamp") }
            default: try reader.skipValue()
            }
        }
        self.archived = try reader.require(archivedValue, "archived")
        self.autoArchiveDuration = try reader.require(autoArchiveDurationValue, "auto_archive_duration")
        self.archiveTimestamp = try reader.require(archiveTimestampValue, "archive_timestamp")
        self.locked = try reader.require(lockedValue, "locked")
    }
}
