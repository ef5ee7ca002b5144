import ApusCore

extension SimulatorGateway {
    /// Every wire record kept, in order (from `index` on, when given).
    public func wireLog(from index: Int = 0) -> [WireRecord] {
        state.withLock { state in
            guard let first = state.wireLog.first?.index else { return [] }
            return Array(state.wireLog.dropFirst(max(0, index - first)))
        }
    }

    /// Every connection so far, in id order.
    public func connections() -> [ConnectionInfo] {
        state.withLock { state in state.connections.values.map(\.info).sorted { $0.id < $1.id } }
    }

    /// The counters.
    public func counters() -> GatewayCounters {
        state.withLock { $0.counters }
    }

    /// The ids of live sessions (connected, or within their resume window).
    public func sessionIDs() -> [String] {
        state.withLock { $0.sessions.keys.sorted() }
    }

    /// Records a payload or close on a connection, filling in its shard and session.
    func record(
        connectionID: Int, direction: WireRecord.Direction, kind: WireRecord.Kind, opcode: Int? = nil,
        eventName: String? = nil, sequence: Int? = nil, closeCode: Int? = nil, clientSequence: Int? = nil,
        sessionID: String? = nil, identify: IdentifyRequest? = nil, text: String
    ) {
        let now = timeSource.now()
        let limit = configuration.gateway.wireLogLimit
        state.withLock { state in
            Self.appendRecord(
                &state, connectionID: connectionID, direction: direction, kind: kind, opcode: opcode,
                eventName: eventName, sequence: sequence, closeCode: closeCode, clientSequence: clientSequence,
                sessionID: sessionID, identify: identify, text: text, now: now, limit: limit
            )
        }
    }

    static func appendRecord(
        _ state: inout State, connectionID: Int, direction: WireRecord.Direction, kind: WireRecord.Kind,
        opcode: Int? = nil, eventName: String? = nil, sequence: Int? = nil, closeCode: Int? = nil,
        clientSequence: Int? = nil, sessionID: String? = nil, identify: IdentifyRequest? = nil, text: String,
        now: MonotonicTime, limit: Int
    ) {
        let info = state.connections[connectionID]?.info
        state.wireLog.append(WireRecord(
            index: state.nextWireIndex, connectionID: connectionID, shardID: info?.shardID ?? identify?.shardID,
            direction: direction, kind: kind, opcode: opcode, eventName: eventName, sequence: sequence,
            closeCode: closeCode, sessionID: sessionID ?? info?.sessionID, clientSequence: clientSequence,
            identify: identify, text: text, time: now
        ))
        state.nextWireIndex += 1
        if state.wireLog.count > max(1, limit) { state.wireLog.removeFirst(state.wireLog.count - max(1, limit)) }
    }

    /// Performs `fault` on the targeted open connections and returns how many were targeted.
    @discardableResult
    public func inject(_ fault: GatewayFault, target: FaultTarget = .all) -> Int {
        state.withLock { state in
            let targets = state.connections.values
                .filter { entry in
                    guard entry.info.isOpen else { return false }
                    switch target {
                    case .all: return true
                    case .shard(let shard): return entry.info.shardID == shard
                    case .connection(let id): return entry.info.id == id
                    }
                }
                .sorted { $0.info.id < $1.info.id }
            state.counters.faults += targets.count
            if case .helloHeartbeatInterval(let raw) = fault {
                state.helloIntervalOverride = raw
                return targets.count
            }
            if case .dropHeartbeatACKs(let on) = fault {
                if target == .all { state.dropHeartbeatACKsEverywhere = on }
                for entry in targets { state.connections[entry.info.id]?.info.droppingHeartbeatACKs = on }
                return targets.count
            }
            for entry in targets {
                switch fault {
                case .unknownDispatch(let name):
                    if let sessionID = entry.info.sessionID {
                        Self.send(&state, sessionID: sessionID, eventName: name, json: #"{"apus_unknown":true,"value":1}"#)
                    }
                case .garbageDispatch(let name):
                    if let sessionID = entry.info.sessionID {
                        Self.send(&state, sessionID: sessionID, eventName: name,
                                  json: #"{"id":true,"channel_id":{"x":[]},"author":"garbage","content":7,"guild_id":[1]}"#)
                    }
                default:
                    entry.sink.perform(fault)
                }
            }
            return targets.count
        }
    }
}
