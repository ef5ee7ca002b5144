/// Op 3 PRESENCE_UPDATE (also the `presence` inside IDENTIFY).
public struct PresenceUpdateCommand: Sendable, Hashable {
    /// Unix milliseconds since the client went idle, or nil.
    public var since: Int64?
    /// The activities to show.
    public var activities: [OutgoingActivity]
    /// The status.
    public var status: PresenceStatus
    /// Whether the client is AFK.
    public var afk: Bool

    /// Creates a presence update.
    public init(since: Int64? = nil, activities: [OutgoingActivity] = [], status: PresenceStatus = .online, afk: Bool = false) {
        self.since = since
        self.activities = activities
        self.status = status
        self.afk = afk
    }

    func writeBody(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("since")
        if let since { writer.integer(since) } else { writer.null() }
        writer.key("activities")
        writer.beginArray()
        for activity in activities { activity.write(to: &writer) }
        writer.endArray()
        writer.key("status"); writer.string(status.rawValue)
        writer.key("afk"); writer.bool(afk)
        writer.endObject()
    }

    /// The frame `{"op":3,"d":{…}}`.
    public func jsonBytes() -> [UInt8] {
        JSONWriter.frame(opcode: .presenceUpdate) { writeBody(to: &$0) }
    }
}
