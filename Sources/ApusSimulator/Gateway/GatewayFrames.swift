import ApusCore

/// One payload on its way to a client: the JSON text plus what the wire log records about it.
struct OutboundGatewayFrame: Sendable, Equatable {
    /// The JSON text (already varied when key shuffling or whitespace is on).
    var text: String
    /// `op`.
    var opcode: Int
    /// `t`, for dispatches.
    var eventName: String?
    /// `s`, for dispatches.
    var sequence: Int?
}

/// Builds the JSON text of server payloads, in the key order real Discord frames arrive in (`t`, `s`, `op`, `d`).
enum GatewayFrames {
    /// HELLO (op 10).
    static func hello(heartbeatInterval: Duration) -> OutboundGatewayFrame {
        let milliseconds = heartbeatInterval.nanosecondsClamped / 1_000_000
        let text = #"{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":\#(milliseconds),"_trace":["[\"apus-simulator\",{\"micros\":0.0}]"]}}"#
        return OutboundGatewayFrame(text: text, opcode: 10)
    }

    /// HELLO (op 10) whose `heartbeat_interval` is `rawInterval`, verbatim (empty: no such key).
    static func hello(rawInterval: String) -> OutboundGatewayFrame {
        let interval = rawInterval.isEmpty ? "" : #""heartbeat_interval":\#(rawInterval),"#
        let text = #"{"t":null,"s":null,"op":10,"d":{\#(interval)"_trace":["[\"apus-simulator\",{\"micros\":0.0}]"]}}"#
        return OutboundGatewayFrame(text: text, opcode: 10)
    }

    /// HEARTBEAT_ACK (op 11).
    static let heartbeatACK = OutboundGatewayFrame(text: #"{"t":null,"s":null,"op":11,"d":null}"#, opcode: 11)
    /// A server heartbeat request (op 1).
    static let heartbeatRequest = OutboundGatewayFrame(text: #"{"t":null,"s":null,"op":1,"d":null}"#, opcode: 1)
    /// RECONNECT (op 7).
    static let reconnect = OutboundGatewayFrame(text: #"{"t":null,"s":null,"op":7,"d":null}"#, opcode: 7)

    /// INVALID_SESSION (op 9).
    static func invalidSession(resumable: Bool) -> OutboundGatewayFrame {
        OutboundGatewayFrame(text: #"{"t":null,"s":null,"op":9,"d":\#(resumable)}"#, opcode: 9)
    }

    /// A dispatch (op 0) of `eventName` with sequence `sequence` and data `json`.
    static func dispatch(eventName: String, sequence: Int, json: String) -> OutboundGatewayFrame {
        OutboundGatewayFrame(
            text: #"{"t":"\#(eventName)","s":\#(sequence),"op":0,"d":\#(json)}"#,
            opcode: 0, eventName: eventName, sequence: sequence
        )
    }

    /// A JSON string literal for `text` (quotes and control characters escaped).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
