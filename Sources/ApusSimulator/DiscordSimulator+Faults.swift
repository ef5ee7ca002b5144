extension DiscordSimulator {
    /// Performs a gateway fault on the targeted connections; returns how many connections were targeted.
    @discardableResult
    public func inject(_ fault: GatewayFault, target: FaultTarget = .all) -> Int {
        gateway.inject(fault, target: target)
    }

    /// Stops (true) or resumes (false) heartbeat ACKs.
    @discardableResult
    public func dropHeartbeatACKs(_ drop: Bool, target: FaultTarget = .all) -> Int {
        inject(.dropHeartbeatACKs(drop), target: target)
    }

    /// Sends op 1 (the client must heartbeat now).
    @discardableResult
    public func requestHeartbeat(target: FaultTarget = .all) -> Int { inject(.requestHeartbeat, target: target) }

    /// Sends op 7 and keeps the socket open.
    @discardableResult
    public func sendReconnect(target: FaultTarget = .all) -> Int { inject(.reconnect, target: target) }

    /// Sends op 9; with `resumable` false the session is discarded.
    @discardableResult
    public func sendInvalidSession(resumable: Bool, target: FaultTarget = .all) -> Int {
        inject(.invalidSession(resumable: resumable), target: target)
    }

    /// Closes with `code`.
    @discardableResult
    public func close(code: Int, reason: String = "", target: FaultTarget = .all) -> Int {
        inject(.close(code: code, reason: reason), target: target)
    }

    /// Drops TCP without a close frame.
    @discardableResult
    public func cutTCP(target: FaultTarget = .all) -> Int { inject(.cutTCP, target: target) }

    /// Sends raw text (uncompressed) as one WebSocket text message.
    @discardableResult
    public func sendRaw(text: String, target: FaultTarget = .all) -> Int { inject(.sendRawText(text), target: target) }

    /// Sends raw bytes as one WebSocket binary message.
    @discardableResult
    public func sendRaw(binary: [UInt8], target: FaultTarget = .all) -> Int {
        inject(.sendRawBinary(binary), target: target)
    }

    /// Sends bytes that are invalid for the connection's transport compression.
    @discardableResult
    public func sendCorruptCompressed(target: FaultTarget = .all) -> Int {
        inject(.sendCorruptCompressed, target: target)
    }

    /// Sends a dispatch with an event name no client knows.
    @discardableResult
    public func sendUnknownDispatch(eventName: String = "APUS_UNKNOWN_EVENT", target: FaultTarget = .all) -> Int {
        inject(.unknownDispatch(eventName: eventName), target: target)
    }

    /// Sends a dispatch whose `d` is garbage for its event type.
    @discardableResult
    public func sendGarbageDispatch(eventName: String = "MESSAGE_CREATE", target: FaultTarget = .all) -> Int {
        inject(.garbageDispatch(eventName: eventName), target: target)
    }

    /// Sets how many session starts remain (`/gateway/bot`'s `session_start_limit.remaining`).
    public func setSessionStartRemaining(_ remaining: Int) {
        gateway.setSessionStartRemaining(remaining)
    }
}
