import ApusModel
import Foundation

/// Loads gateway events from the shared Discord payload corpus and builds small synthetic payloads.
enum Payloads {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static var corpusDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/discord-corpus")
    }

    /// Decodes a corpus file (a full frame, or a bare `d` whose event name is in the file name).
    static func corpus(_ file: String) throws -> GatewayEvent {
        let bytes = try [UInt8](Data(contentsOf: corpusDirectory.appendingPathComponent(file)))
        let envelope = try? GatewayEnvelope.scan(bytes)
        if let envelope, let kind = envelope.eventName, let range = envelope.dataRange {
            return try bytes.withUnsafeBytes { buffer in
                try GatewayEvent.decode(kind: kind, data: UnsafeRawBufferPointer(rebasing: buffer[range]))
            }
        }
        let parts = file.components(separatedBy: "__")
        guard parts.count >= 2 else { throw Missing(description: "no event name in \(file)") }
        return try event(parts[1], json: bytes)
    }

    /// Decodes the `d` of a dispatch named `name`.
    static func event(_ name: String, json: [UInt8]) throws -> GatewayEvent {
        try json.withUnsafeBytes { buffer in
            try GatewayEvent.decode(kind: EventKind(name: name), data: buffer)
        }
    }

    /// Decodes the `d` of a dispatch named `name` from a string.
    static func event(_ name: String, _ json: String) throws -> GatewayEvent {
        try event(name, json: Array(json.utf8))
    }

    static func user(_ id: UInt64, name: String = "user", avatar: String? = nil) -> String {
        let avatarJSON = avatar.map { "\"\($0)\"" } ?? "null"
        return #"{"id":"\#(id)","username":"\#(name)\#(id)","discriminator":"0","global_name":null,"avatar":\#(avatarJSON)}"#
    }

    static func member(_ userID: UInt64, roles: [UInt64] = [], nick: String? = nil) -> String {
        let rolesJSON = roles.map { "\"\($0)\"" }.joined(separator: ",")
        let nickJSON = nick.map { "\"\($0)\"" } ?? "null"
        return #"{"user":\#(user(userID)),"roles":[\#(rolesJSON)],"nick":\#(nickJSON),"joined_at":"2024-05-01T10:00:00.000000+00:00","deaf":false,"mute":false,"flags":0}"#
    }

    static func guildCreate(_ id: UInt64, members: [UInt64] = [], channels: [UInt64] = [], roles: [UInt64] = []) throws
        -> GatewayEvent
    {
        let roleJSON = ([id] + roles).enumerated().map { index, role in
            #"{"id":"\#(role)","name":"role\#(index)","color":0,"hoist":false,"position":\#(index),"permissions":"\#(index == 0 ? 1024 : 8192)","managed":false,"mentionable":false}"#
        }.joined(separator: ",")
        let channelJSON = channels.enumerated().map { index, channel in
            #"{"id":"\#(channel)","type":0,"name":"chan\#(index)","position":\#(index),"permission_overwrites":[]}"#
        }.joined(separator: ",")
        let memberJSON = members.map { member($0, roles: roles.prefix(1).map { $0 }) }.joined(separator: ",")
        let json = #"{"id":"\#(id)","name":"guild\#(id)","owner_id":"1","afk_timeout":300,"verification_level":0,"default_message_notifications":0,"explicit_content_filter":0,"roles":[\#(roleJSON)],"emojis":[],"features":[],"mfa_level":0,"premium_tier":0,"preferred_locale":"en-US","member_count":\#(members.count),"members":[\#(memberJSON)],"channels":[\#(channelJSON)],"presences":[],"voice_states":[]}"#
        return try event("GUILD_CREATE", json)
    }

    static func memberAdd(guild: UInt64, user: UInt64, roles: [UInt64] = []) throws -> GatewayEvent {
        let body = member(user, roles: roles)
        let json = "{\"guild_id\":\"\(guild)\"," + body.dropFirst()
        return try event("GUILD_MEMBER_ADD", json)
    }

    static func message(_ id: UInt64, channel: UInt64, guild: UInt64? = nil, author: UInt64 = 42, content: String = "hello")
        throws -> GatewayEvent
    {
        let guildJSON = guild.map { #""guild_id":"\#($0)","# } ?? ""
        let json = #"{"id":"\#(id)","channel_id":"\#(channel)",\#(guildJSON)"author":\#(user(author)),"content":"\#(content)","timestamp":"2024-05-01T10:00:00.000000+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":0}"#
        return try event("MESSAGE_CREATE", json)
    }
}
