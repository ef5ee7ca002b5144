import Foundation
import Testing
@testable import ApusModel

@Suite struct CommandEncodingTests {
    func parse(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func identify() throws {
        let command = IdentifyCommand(
            token: "Bot t\"o\\k\u{1}én", intents: [.guilds, .guildMessages], compress: false, largeThreshold: 250,
            shard: (id: 3, count: 8),
            presence: PresenceUpdateCommand(activities: [OutgoingActivity(name: "chess", type: .playing)], status: .idle)
        )
        let frame = try parse(command.jsonBytes())
        #expect(frame["op"] as? Int == 2)
        let data = try #require(frame["d"] as? [String: Any])
        #expect(data["token"] as? String == "Bot t\"o\\k\u{1}én")
        #expect(data["intents"] as? Int == 513)
        #expect(data["shard"] as? [Int] == [3, 8])
        #expect(data["large_threshold"] as? Int == 250)
        #expect((data["properties"] as? [String: Any])?["os"] as? String == "linux")
        let presence = try #require(data["presence"] as? [String: Any])
        #expect(presence["status"] as? String == "idle")
        #expect(presence["since"] is NSNull)
        #expect(((presence["activities"] as? [[String: Any]])?.first?["name"]) as? String == "chess")
        // The envelope scanner reads our own output.
        #expect(try GatewayEnvelope.scan(command.jsonBytes()).opcode == 2)
    }

    @Test func resumeAndHeartbeat() throws {
        let resume = try parse(ResumeCommand(token: "t", sessionID: "s", sequence: 42).jsonBytes())
        #expect(resume["op"] as? Int == 6)
        #expect((resume["d"] as? [String: Any])?["seq"] as? Int == 42)
        #expect((resume["d"] as? [String: Any])?["session_id"] as? String == "s")
        #expect(String(decoding: HeartbeatCommand(lastSequence: nil).jsonBytes(), as: UTF8.self) == #"{"op":1,"d":null}"#)
        #expect(String(decoding: HeartbeatCommand(lastSequence: 7).jsonBytes(), as: UTF8.self) == #"{"op":1,"d":7}"#)
    }

    @Test func requestMembersPresenceAndVoice() throws {
        let request = try parse(RequestGuildMembersCommand(guildID: 5, userIDs: [1, 2], limit: 0, presences: true,
                                                           nonce: "n").jsonBytes())
        #expect(request["op"] as? Int == 8)
        let data = try #require(request["d"] as? [String: Any])
        #expect(data["guild_id"] as? String == "5" && data["user_ids"] as? [String] == ["1", "2"])
        #expect(data["query"] == nil && data["presences"] as? Bool == true)
        let query = try parse(RequestGuildMembersCommand(guildID: 5, query: "ab", limit: 10).jsonBytes())
        #expect((query["d"] as? [String: Any])?["query"] as? String == "ab")
        let presence = try parse(PresenceUpdateCommand(since: 91, status: .doNotDisturb, afk: true).jsonBytes())
        #expect(presence["op"] as? Int == 3)
        #expect((presence["d"] as? [String: Any])?["status"] as? String == "dnd")
        let voice = try parse(VoiceStateUpdateCommand(guildID: 1, channelID: nil, selfMute: true).jsonBytes())
        #expect(voice["op"] as? Int == 4)
        #expect((voice["d"] as? [String: Any])?["channel_id"] is NSNull)
    }

    @Test func writerEscapesEveryControlCharacter() throws {
        let text = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\/é🚀"
        var writer = JSONWriter()
        writer.beginArray()
        writer.string(text)
        writer.double(1.5)
        writer.bool(true)
        writer.null()
        writer.endArray()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [Any])
        #expect(parsed.first as? String == text)
        #expect(try [RawJSON](jsonBytes: writer.bytes).count == 4)
        #expect(try String(jsonBytes: Array(writer.bytes.dropFirst().prefix(while: { $0 != UInt8(ascii: ",") }))) == text)
    }
}
