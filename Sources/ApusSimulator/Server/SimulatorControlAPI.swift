import Foundation

/// The control API under `/_sim/` for out-of-process tests: faults, inspection and traffic injection, as JSON.
///
/// - `GET /_sim/info`: token, ids, URLs.
/// - `GET /_sim/wire?from=N`: the wire log from record N.
/// - `GET /_sim/connections`, `GET /_sim/counters`, `GET /_sim/session-start-limit`.
/// - `POST /_sim/faults` `{"fault":"reconnect", "shard":0 | "connection":3, …}` (see ``parseFault(_:)``); also
///   `{"fault":"hello_interval","value":"0"}` (raw JSON text of later HELLOs' `heartbeat_interval`, null restores it)
///   and `{"fault":"end_compressed_stream"}` (end the zlib stream, then `00 00 FF FF`).
/// - `POST /_sim/dispatch` `{"event":"X","guild_id":"1","d":{…}}`.
/// - `POST /_sim/messages` `{"channel_id":"1","author_id":"2","content":"hi"}`.
/// - `POST /_sim/session-start-limit` `{"remaining":0}`.
/// - `/_sim/rest/…`: REST faults and inspection (see `handleREST`).
/// - `/_sim/interactions/…`: interactions by scripted members and their responses (see `handleInteractions`).
struct SimulatorControlAPI: Sendable {
    let simulator: DiscordSimulator

    func handle(_ request: SimulatorHTTPRequest) async -> SimulatorHTTPResponse {
        let route = String(request.path.dropFirst("/_sim".count))
        if route.hasPrefix("/rest/"), let response = handleREST(method: request.method, route: route, request: request) {
            return response
        }
        if let response = handleInteractions(method: request.method, route: route, request: request) { return response }
        switch (request.method, route) {
        case ("GET", "/info"):
            return ok([
                "token": simulator.configuration.token,
                "bot_user_id": String(simulator.configuration.botUserID),
                "application_id": String(simulator.configuration.applicationID),
                "gateway_url": simulator.gatewayURL,
                "api_base_url": simulator.apiBaseURL,
                "control_url": simulator.controlURL,
                "guild_ids": simulator.world.guildIDs.map(String.init),
            ])
        case ("GET", "/wire"):
            let from = request.controlQueryItems["from"].flatMap(Int.init) ?? 0
            return ok(["records": simulator.gateway.wireLog(from: from).map(Self.json(record:))])
        case ("GET", "/connections"):
            return ok(["connections": simulator.connections().map(Self.json(connection:))])
        case ("GET", "/counters"):
            return ok(Self.json(counters: simulator.counters()))
        case ("GET", "/session-start-limit"):
            let limit = simulator.gateway.sessionStartLimit()
            return ok(["total": limit.total, "remaining": limit.remaining,
                       "reset_after": limit.resetAfterMilliseconds, "max_concurrency": limit.maxConcurrency])
        case ("POST", "/session-start-limit"):
            guard let body = Self.object(request.body), let remaining = body["remaining"] as? Int else {
                return error(400, "expected {\"remaining\": Int}")
            }
            simulator.setSessionStartRemaining(remaining)
            return ok(["remaining": remaining])
        case ("POST", "/faults"):
            guard let body = Self.object(request.body) else { return error(400, "expected a JSON object") }
            switch Self.parseFault(body) {
            case .failure(let message): return error(400, message)
            case .success(let (fault, target)):
                return ok(["targeted": simulator.inject(fault, target: target)])
            }
        case ("POST", "/dispatch"):
            guard let body = Self.object(request.body), let event = body["event"] as? String, let data = body["d"],
                  let json = try? JSONSerialization.data(withJSONObject: data, options: [.fragmentsAllowed])
            else { return error(400, "expected {\"event\": String, \"guild_id\"?: String, \"d\": Any}") }
            let guildID = (body["guild_id"] as? String).flatMap(UInt64.init) ?? (body["guild_id"] as? UInt64)
            simulator.dispatch(event: event, guildID: guildID, json: String(decoding: json, as: UTF8.self))
            return ok(["dispatched": true])
        case ("POST", "/messages"):
            guard let body = Self.object(request.body), let content = body["content"] as? String else {
                return error(400, "expected {\"content\": String, \"channel_id\"?: String, \"author_id\"?: String}")
            }
            let channelID = (body["channel_id"] as? String).flatMap(UInt64.init)
            let authorID = (body["author_id"] as? String).flatMap(UInt64.init)
            guard let message = simulator.postMessage(channelID: channelID, authorID: authorID, content: content) else {
                return error(404, "no such channel or author")
            }
            return SimulatorHTTPResponse.controlJSON(status: 200, message)
        default:
            return error(404, "unknown control route \(request.method) \(request.path)")
        }
    }

    /// Reads a fault and its target from a control request body.
    static func parseFault(_ body: [String: Any]) -> Result<(GatewayFault, FaultTarget), FaultParseError> {
        let target: FaultTarget
        if let shard = body["shard"] as? Int { target = .shard(shard) }
        else if let connection = body["connection"] as? Int { target = .connection(connection) }
        else { target = .all }
        let fault: GatewayFault
        switch body["fault"] as? String {
        case "drop_acks": fault = .dropHeartbeatACKs((body["enabled"] as? Bool) ?? true)
        case "request_heartbeat": fault = .requestHeartbeat
        case "reconnect": fault = .reconnect
        case "invalid_session": fault = .invalidSession(resumable: (body["resumable"] as? Bool) ?? false)
        case "close":
            guard let code = body["code"] as? Int else { return .failure(FaultParseError("close needs \"code\"")) }
            fault = .close(code: code, reason: (body["reason"] as? String) ?? "")
        case "cut_tcp": fault = .cutTCP
        case "raw_text":
            guard let text = body["text"] as? String else { return .failure(FaultParseError("raw_text needs \"text\"")) }
            fault = .sendRawText(text)
        case "raw_binary":
            guard let encoded = body["base64"] as? String, let data = Data(base64Encoded: encoded) else {
                return .failure(FaultParseError("raw_binary needs \"base64\""))
            }
            fault = .sendRawBinary(Array(data))
        case "corrupt_compressed": fault = .sendCorruptCompressed
        case "unknown_dispatch": fault = .unknownDispatch(eventName: (body["event"] as? String) ?? "APUS_UNKNOWN_EVENT")
        case "garbage_dispatch": fault = .garbageDispatch(eventName: (body["event"] as? String) ?? "MESSAGE_CREATE")
        case "hello_interval":
            // {"fault":"hello_interval","value":"0"}: the raw JSON text of later HELLOs' heartbeat_interval;
            // "value": null (or absent) restores the configured interval.
            if let value = body["value"], !(value is NSNull) {
                guard let raw = value as? String else {
                    return .failure(FaultParseError("hello_interval needs \"value\": the raw JSON text, or null"))
                }
                fault = .helloHeartbeatInterval(raw)
            } else {
                fault = .helloHeartbeatInterval(nil)
            }
        case "end_compressed_stream":
            fault = .endCompressedStream(text: (body["text"] as? String) ?? #"{"t":null,"s":null,"op":11,"d":null}"#)
        default:
            return .failure(FaultParseError("unknown fault; expected drop_acks, request_heartbeat, reconnect, "
                + "invalid_session, close, cut_tcp, raw_text, raw_binary, corrupt_compressed, unknown_dispatch, "
                + "garbage_dispatch, hello_interval, end_compressed_stream"))
        }
        return .success((fault, target))
    }

    /// A control request whose fault could not be read.
    struct FaultParseError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private func error(_ status: Int, _ message: String) -> SimulatorHTTPResponse {
        Self.response(status: status, ["message": message])
    }

    private func error(_ status: Int, _ failure: FaultParseError) -> SimulatorHTTPResponse {
        error(status, failure.message)
    }

    private func ok(_ object: [String: Any]) -> SimulatorHTTPResponse {
        Self.response(status: 200, object)
    }

    static func jsonResponse(_ status: Int, _ object: [String: Any]) -> SimulatorHTTPResponse {
        response(status: status, object)
    }

    static func jsonObject(_ bytes: [UInt8]) -> [String: Any]? {
        object(bytes)
    }

    private static func response(status: Int, _ object: [String: Any]) -> SimulatorHTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return .controlJSON(status: status, String(decoding: data, as: UTF8.self))
    }

    private static func object(_ body: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    static func json(record: WireRecord) -> [String: Any] {
        var object: [String: Any] = [
            "index": record.index, "connection": record.connectionID, "direction": record.direction.rawValue,
            "kind": record.kind.rawValue, "text": record.text, "time_ns": record.time.nanoseconds,
        ]
        object["shard"] = record.shardID
        object["op"] = record.opcode
        object["t"] = record.eventName
        object["s"] = record.sequence
        object["close_code"] = record.closeCode
        object["session_id"] = record.sessionID
        object["client_seq"] = record.clientSequence
        if let identify = record.identify {
            object["identify"] = [
                "intents": Int(truncatingIfNeeded: identify.intents), "shard": [identify.shardID, identify.shardCount],
                "compress": identify.payloadCompression, "properties": identify.properties,
            ] as [String: Any]
        }
        return object
    }

    static func json(connection: ConnectionInfo) -> [String: Any] {
        var object: [String: Any] = [
            "id": connection.id, "path": connection.path, "used_resume_url": connection.usedResumeURL,
            "compression": connection.compression, "v": connection.version, "open": connection.isOpen,
            "dropping_acks": connection.droppingHeartbeatACKs,
        ]
        object["shard"] = connection.shardID
        object["shard_count"] = connection.shardCount
        object["session_id"] = connection.sessionID
        object["close_code"] = connection.closeCode
        object["closed_by"] = connection.closedBy
        return object
    }

    static func json(counters: GatewayCounters) -> [String: Any] {
        [
            "connections": counters.connections, "identifies": counters.identifies,
            "identify_rate_limited": counters.identifyRateLimited,
            "session_start_limit_exhausted": counters.sessionStartLimitExhausted,
            "resumes": counters.resumes, "failed_resumes": counters.failedResumes,
            "heartbeats": counters.heartbeats, "heartbeat_acks": counters.heartbeatACKs,
            "dropped_heartbeat_acks": counters.droppedHeartbeatACKs, "dispatches": counters.dispatches,
            "replayed_dispatches": counters.replayedDispatches, "member_requests": counters.memberRequests,
            "member_chunks": counters.memberChunks, "member_requests_rate_limited": counters.memberRequestsRateLimited,
            "server_closes": Dictionary(uniqueKeysWithValues: counters.serverCloses.map { (String($0.key), $0.value) }),
            "client_closes": Dictionary(uniqueKeysWithValues: counters.clientCloses.map { (String($0.key), $0.value) }),
            "abrupt_disconnects": counters.abruptDisconnects, "faults": counters.faults,
        ]
    }
}

extension SimulatorHTTPRequest {
    /// The query string's items (percent-decoded), last one wins.
    var controlQueryItems: [String: String] {
        var items: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(keyValue[0]).removingPercentEncoding ?? String(keyValue[0])
            let value = keyValue.count > 1 ? String(keyValue[1]) : ""
            items[key] = value.removingPercentEncoding ?? value
        }
        return items
    }
}
