import ApusCore

extension SimulatorGateway {
    /// Starts a session for a validated IDENTIFY, sends READY and one GUILD_CREATE per guild of the shard, and
    /// returns the outcome for the connection's state machine.
    func identify(connectionID: Int, request: IdentifyRequest) -> GatewayConnectionStateMachine.AuthenticationOutcome {
        let now = timeSource.now()
        let guildIDs = world.guildIDs.filter { Int(($0 >> 22) % UInt64(request.shardCount)) == request.shardID }
        let userJSON = world.botUserJSON()
        let applicationJSON = world.applicationJSON()
        let guildCreates = guildIDs.compactMap { world.guildCreateJSON(guildID: $0) }
        let settings = configuration.gateway
        return state.withLock { state in
            guard state.identifyLimiter.admit(shardID: request.shardID, at: now) else {
                state.counters.identifyRateLimited += 1
                return .invalidSession(resumable: false)
            }
            guard state.sessionStarts.take(at: now) else {
                state.counters.sessionStartLimitExhausted += 1
                return .invalidSession(resumable: false)
            }
            state.counters.identifies += 1
            var sessionID = ""
            for _ in 0..<2 { sessionID += String(state.random.next(), radix: 16).leftPadded(to: 16) }
            state.sessions[sessionID] = SimulatedSession(
                id: sessionID, shardID: request.shardID, shardCount: request.shardCount,
                replayLimit: settings.replayBufferLimit, connectionID: connectionID
            )
            Self.attach(&state, connectionID: connectionID, sessionID: sessionID,
                        shardID: request.shardID, shardCount: request.shardCount)
            let unavailable = guildIDs.map { #"{"id":"\#($0)","unavailable":true}"# }.joined(separator: ",")
            let ready = #"{"v":\#(state.connections[connectionID]?.info.version ?? 10),"user_settings":{},"#
                + #""user":\#(userJSON),"guilds":[\#(unavailable)],"session_type":"normal","#
                + #""session_id":"\#(sessionID)","resume_gateway_url":\#(GatewayFrames.quoted(state.gatewayURL + Self.resumePath)),"#
                + #""shard":[\#(request.shardID),\#(request.shardCount)],"application":\#(applicationJSON),"#
                + #""relationships":[],"private_channels":[],"presences":[],"guild_join_requests":[],"#
                + #""geo_ordered_rtc_regions":["local"],"auth":{},"_trace":["[\"apus-simulator\",{}]"]}"#
            Self.send(&state, sessionID: sessionID, eventName: "READY", json: ready)
            for guildCreate in guildCreates {
                Self.send(&state, sessionID: sessionID, eventName: "GUILD_CREATE", json: guildCreate)
            }
            return .established(sessionID: sessionID)
        }
    }

    /// Resumes a session: replays the dispatches after `request.sequence` in order, then RESUMED.
    func resume(connectionID: Int, request: ResumeRequest) -> GatewayConnectionStateMachine.AuthenticationOutcome {
        let now = timeSource.now()
        let window = configuration.gateway.resumeWindow
        return state.withLock { state in
            Self.expireSessions(&state, now: now, window: window)
            guard var session = state.sessions[request.sessionID] else {
                state.counters.failedResumes += 1
                return .invalidSession(resumable: false)
            }
            guard request.sequence <= session.sequence else {
                state.counters.failedResumes += 1
                return .close(code: GatewayCloseCode.invalidSequence, reason: "Invalid seq.")
            }
            guard let missed = session.replay(after: request.sequence) else {
                state.counters.failedResumes += 1
                state.sessions[request.sessionID] = nil
                return .invalidSession(resumable: false)
            }
            if let previous = session.connectionID, previous != connectionID {
                state.connections[previous]?.info.sessionID = nil
            }
            session.connectionID = connectionID
            session.detachedAt = nil
            state.sessions[request.sessionID] = session
            Self.attach(&state, connectionID: connectionID, sessionID: session.id,
                        shardID: session.shardID, shardCount: session.shardCount)
            state.counters.resumes += 1
            state.counters.replayedDispatches += missed.count
            state.counters.dispatches += missed.count
            if !missed.isEmpty { state.connections[connectionID]?.sink.deliver(missed) }
            Self.send(&state, sessionID: session.id, eventName: "RESUMED", json: #"{"_trace":["[\"apus-simulator\",{}]"]}"#)
            return .established(sessionID: session.id)
        }
    }

    /// Answers REQUEST_GUILD_MEMBERS with GUILD_MEMBERS_CHUNK dispatches, or RATE_LIMITED for an all-members request
    /// inside the guild's cooldown.
    func requestGuildMembers(sessionID: String, request: GuildMembersRequest) {
        let now = timeSource.now()
        let settings = configuration.gateway
        let nonceJSON = request.nonce.map { GatewayFrames.quoted($0) }
        let rateLimited: String? = state.withLock { state in
            state.counters.memberRequests += 1
            guard request.isAllMembers else { return nil }
            if let last = state.lastAllMembersRequest[request.guildID], now - last < settings.allMembersCooldown {
                state.counters.memberRequestsRateLimited += 1
                let retryAfter = (settings.allMembersCooldown - (now - last)).secondsDouble
                var meta = #"{"guild_id":"\#(request.guildID)""#
                if let nonceJSON { meta += #","nonce":\#(nonceJSON)"# }
                return #"{"opcode":8,"retry_after":\#(retryAfter),"meta":\#(meta)}}"#
            }
            state.lastAllMembersRequest[request.guildID] = now
            return nil
        }
        if let rateLimited {
            state.withLock { Self.send(&$0, sessionID: sessionID, eventName: "RATE_LIMITED", json: rateLimited) }
            return
        }
        let limit = request.isAllMembers ? 0 : min(request.limit == 0 ? settings.memberQueryLimit : request.limit,
                                                     settings.memberQueryLimit)
        let members = world.memberJSONs(
            guildID: request.guildID, query: request.userIDs == nil ? (request.query ?? "") : nil,
            userIDs: request.userIDs, limit: limit
        )
        let chunkSize = max(1, settings.memberChunkSize)
        let chunkCount = max(1, (members.count + chunkSize - 1) / chunkSize)
        var notFound: [UInt64] = []
        if let userIDs = request.userIDs {
            let known = Set(world.memberIDs(guildID: request.guildID))
            notFound = userIDs.filter { !known.contains($0) }
        }
        state.withLock { state in
            for index in 0..<chunkCount {
                let slice = members.dropFirst(index * chunkSize).prefix(chunkSize)
                var json = #"{"guild_id":"\#(request.guildID)","members":[\#(slice.joined(separator: ","))],"#
                    + #""chunk_index":\#(index),"chunk_count":\#(chunkCount)"#
                if index == 0 && !notFound.isEmpty {
                    json += #","not_found":[\#(notFound.map { "\"\($0)\"" }.joined(separator: ","))]"#
                }
                if request.presences { json += #","presences":[]"# }
                if let nonceJSON { json += #","nonce":\#(nonceJSON)"# }
                json += "}"
                state.counters.memberChunks += 1
                Self.send(&state, sessionID: sessionID, eventName: "GUILD_MEMBERS_CHUNK", json: json)
            }
        }
    }

    /// Discards the session of a connection (after a server-sent op 9 `false`).
    func invalidateSession(ofConnection connectionID: Int) {
        state.withLock { state in
            guard let sessionID = state.connections[connectionID]?.info.sessionID else { return }
            state.sessions[sessionID] = nil
            state.connections[connectionID]?.info.sessionID = nil
        }
    }

    static func attach(_ state: inout State, connectionID: Int, sessionID: String, shardID: Int, shardCount: Int) {
        state.connections[connectionID]?.info.sessionID = sessionID
        state.connections[connectionID]?.info.shardID = shardID
        state.connections[connectionID]?.info.shardCount = shardCount
    }
}

extension String {
    /// The string padded with leading zeros to `length`.
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
