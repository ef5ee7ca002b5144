import Foundation

/// The fields of a client IDENTIFY the simulator checks and records.
public struct IdentifyRequest: Sendable, Equatable {
    /// The token the client sent.
    public var token: String
    /// The intents bit set.
    public var intents: UInt64
    /// The shard id (0 when the client sent no `shard`).
    public var shardID: Int
    /// The shard count (1 when the client sent no `shard`).
    public var shardCount: Int
    /// Whether the client sent `compress: true` (payload compression; ignored).
    public var payloadCompression: Bool
    /// `large_threshold`, if sent.
    public var largeThreshold: Int?
    /// `properties.os`, `.browser`, `.device`, if sent.
    public var properties: [String: String]
}

/// The fields of a client RESUME.
public struct ResumeRequest: Sendable, Equatable {
    /// The token the client sent.
    public var token: String
    /// The session to resume.
    public var sessionID: String
    /// The last sequence number the client saw.
    public var sequence: Int
}

/// The fields of a client REQUEST_GUILD_MEMBERS (op 8).
public struct GuildMembersRequest: Sendable, Equatable {
    /// The guild.
    public var guildID: UInt64
    /// The username prefix; "" means all members.
    public var query: String?
    /// Specific users.
    public var userIDs: [UInt64]?
    /// The most members to return (0 = no limit).
    public var limit: Int
    /// Whether presences were requested.
    public var presences: Bool
    /// The client's nonce, echoed in every chunk.
    public var nonce: String?

    /// True for an all-members request (`query: ""` and `limit: 0`), which has a per-guild cooldown.
    public var isAllMembers: Bool { userIDs == nil && (query ?? "") == "" && limit == 0 }
}

/// A client payload after decoding its envelope with `JSONSerialization`.
struct GatewayClientPayload {
    /// The opcode.
    var opcode: Int
    /// The `d` value (Foundation JSON objects).
    var data: Any?

    /// Why a payload could not be decoded.
    enum DecodeFailure: Error { case notJSON, notAnObject, missingOpcode }

    /// Decodes the envelope `{op, d}` from raw bytes.
    static func decode(_ bytes: [UInt8]) -> Result<GatewayClientPayload, DecodeFailure> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .failure(.notJSON)
        }
        guard let envelope = object as? [String: Any] else { return .failure(.notAnObject) }
        guard let opcode = integer(envelope["op"]) else { return .failure(.missingOpcode) }
        let data = envelope["d"]
        return .success(GatewayClientPayload(opcode: opcode, data: data is NSNull ? nil : data))
    }

    /// Reads an integer from a JSON number (not a boolean).
    static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
        let double = number.doubleValue
        guard double.rounded() == double, abs(double) < 9.0e15 else { return nil }
        return number.intValue
    }

    /// Reads an unsigned 64-bit value (a snowflake) from a JSON string or number.
    static func snowflake(_ value: Any?) -> UInt64? {
        if let text = value as? String { return UInt64(text) }
        if let number = value as? NSNumber, !isBoolean(number) { return number.uint64Value }
        return nil
    }

    private static let booleanNumberType: NSNumber.Type = type(of: NSNumber(value: true))

    static func isBoolean(_ number: NSNumber) -> Bool {
        // JSON booleans come back as Foundation's boolean NSNumber subclass, whose objCType is "c" (char).
        type(of: number) == booleanNumberType && String(cString: number.objCType) == "c"
    }

    /// Parses IDENTIFY's `d`; the error is the close code to send.
    func identify() -> Result<IdentifyRequest, GatewayCloseFailure> {
        guard let data = data as? [String: Any], let token = data["token"] as? String else {
            return .failure(.init(code: GatewayCloseCode.decodeError, reason: "IDENTIFY needs d.token"))
        }
        guard let rawIntents = data["intents"] else {
            return .failure(.init(code: GatewayCloseCode.invalidIntents, reason: "IDENTIFY needs d.intents"))
        }
        guard let intents = Self.integer(rawIntents), intents >= 0 else {
            return .failure(.init(code: GatewayCloseCode.invalidIntents, reason: "intents must be a non-negative integer"))
        }
        var shardID = 0
        var shardCount = 1
        if let shard = data["shard"], !(shard is NSNull) {
            guard let pair = shard as? [Any], pair.count == 2,
                  let id = Self.integer(pair[0]), let count = Self.integer(pair[1]),
                  count >= 1, id >= 0, id < count
            else {
                return .failure(.init(code: GatewayCloseCode.invalidShard, reason: "invalid shard"))
            }
            shardID = id
            shardCount = count
        }
        var properties: [String: String] = [:]
        if let raw = data["properties"] as? [String: Any] {
            for (key, value) in raw { if let text = value as? String { properties[key] = text } }
        }
        let compress = (data["compress"] as? NSNumber).map { Self.isBoolean($0) && $0.boolValue } ?? false
        return .success(IdentifyRequest(
            token: token, intents: UInt64(intents), shardID: shardID, shardCount: shardCount,
            payloadCompression: compress, largeThreshold: Self.integer(data["large_threshold"]),
            properties: properties
        ))
    }

    /// Parses RESUME's `d`.
    func resume() -> Result<ResumeRequest, GatewayCloseFailure> {
        guard let data = data as? [String: Any], let token = data["token"] as? String,
              let sessionID = data["session_id"] as? String
        else {
            return .failure(.init(code: GatewayCloseCode.decodeError, reason: "RESUME needs token and session_id"))
        }
        let sequence = Self.integer(data["seq"]) ?? 0
        return .success(ResumeRequest(token: token, sessionID: sessionID, sequence: sequence))
    }

    /// Parses REQUEST_GUILD_MEMBERS's `d`.
    func guildMembers() -> Result<GuildMembersRequest, GatewayCloseFailure> {
        guard let data = data as? [String: Any], let guildID = Self.snowflake(data["guild_id"]) else {
            return .failure(.init(code: GatewayCloseCode.unknownOpcode, reason: "REQUEST_GUILD_MEMBERS needs guild_id"))
        }
        var userIDs: [UInt64]?
        if let raw = data["user_ids"], !(raw is NSNull) {
            if let list = raw as? [Any] {
                userIDs = list.compactMap { Self.snowflake($0) }
            } else if let single = Self.snowflake(raw) {
                userIDs = [single]
            }
        }
        let query = data["query"] as? String
        if query == nil && userIDs == nil {
            return .failure(.init(code: GatewayCloseCode.unknownOpcode, reason: "REQUEST_GUILD_MEMBERS needs query or user_ids"))
        }
        let nonce = data["nonce"] as? String
        if let nonce, nonce.utf8.count > 32 {
            return .failure(.init(code: GatewayCloseCode.unknownOpcode, reason: "nonce longer than 32 bytes"))
        }
        let presences = (data["presences"] as? NSNumber)?.boolValue ?? false
        return .success(GuildMembersRequest(
            guildID: guildID, query: query, userIDs: userIDs, limit: Self.integer(data["limit"]) ?? 0,
            presences: presences, nonce: nonce
        ))
    }
}

/// A close code and the reason text the server sends with it.
public struct GatewayCloseFailure: Error, Sendable, Equatable {
    /// The close code.
    public var code: Int
    /// The reason text.
    public var reason: String
}
