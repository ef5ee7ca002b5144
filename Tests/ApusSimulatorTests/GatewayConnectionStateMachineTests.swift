import ApusCore
import Foundation
import Testing

@testable import ApusSimulator

/// The per-connection gateway state machine, driven without I/O.
@Suite struct GatewayConnectionStateMachineTests {
    static let token = "test-token"

    static func machine(privileged: Bool = true, sendLimit: Int = 120) -> GatewayConnectionStateMachine {
        var configuration = SimulatorConfiguration()
        configuration.token = token
        configuration.gateway.privilegedIntentsAllowed = privileged
        configuration.gateway.sendLimit = sendLimit
        return GatewayConnectionStateMachine(limits: .init(configuration: configuration))
    }

    static func identify(token: String = token, intents: String = "513", shard: String? = nil) -> String {
        let shardField = shard.map { #","shard":\#($0)"# } ?? ""
        return #"{"op":2,"d":{"token":"\#(token)","intents":\#(intents),"properties":{"os":"linux","browser":"t","device":"t"}\#(shardField)}}"#
    }

    struct RejectionCase: Sendable, CustomTestStringConvertible {
        let name: String
        let payloads: [String]
        let expectedCode: Int
        var privileged = true
        var testDescription: String { name }
    }

    static let rejections: [RejectionCase] = [
        .init(name: "payload before identify", payloads: [#"{"op":3,"d":{"status":"online"}}"#], expectedCode: 4003),
        .init(name: "unknown opcode", payloads: [#"{"op":99,"d":null}"#], expectedCode: 4001),
        .init(name: "not JSON", payloads: ["hello"], expectedCode: 4002),
        .init(name: "truncated JSON", payloads: [#"{"op":1,"d":"#], expectedCode: 4002),
        .init(name: "no opcode", payloads: [#"{"d":null}"#], expectedCode: 4002),
        .init(name: "oversized", payloads: [#"{"op":1,"d":null,"x":""# + String(repeating: "a", count: 5000) + #""}"#],
              expectedCode: 4002),
        .init(name: "wrong token", payloads: [identify(token: "nope")], expectedCode: 4004),
        .init(name: "unknown intent bit", payloads: [identify(intents: "\(1 << 30)")], expectedCode: 4013),
        .init(name: "intents not a number", payloads: [identify(intents: "\"all\"")], expectedCode: 4013),
        .init(name: "privileged intent disallowed", payloads: [identify(intents: "\(1 << 15)")], expectedCode: 4014,
              privileged: false),
        .init(name: "shard id out of range", payloads: [identify(shard: "[2,2]")], expectedCode: 4010),
        .init(name: "shard count zero", payloads: [identify(shard: "[0,0]")], expectedCode: 4010),
        .init(name: "second identify while authenticating", payloads: [identify(), identify()], expectedCode: 4005),
        .init(name: "resume with wrong token", payloads: [#"{"op":6,"d":{"token":"x","session_id":"s","seq":1}}"#],
              expectedCode: 4004),
    ]

    @Test(arguments: rejections)
    func rejectsWithCloseCode(_ rejection: RejectionCase) {
        var machine = Self.machine(privileged: rejection.privileged)
        var actions: [GatewayConnectionStateMachine.Action] = []
        for payload in rejection.payloads {
            actions = machine.receive(Array(payload.utf8), at: .zero)
        }
        guard case .close(let code, _) = actions.last else {
            Issue.record("expected a close, got \(actions)")
            return
        }
        #expect(code == rejection.expectedCode)
        #expect(machine.phase == .closed)
        let afterClose = machine.receive(Array(#"{"op":1,"d":null}"#.utf8), at: .zero)
        #expect(afterClose.isEmpty)
    }

    @Test func heartbeatBeforeIdentifyIsAcknowledged() {
        var machine = Self.machine()
        let first = machine.receive(Array(#"{"op":1,"d":null}"#.utf8), at: .zero)
        let second = machine.receive(Array(#"{"op":1,"d":42}"#.utf8), at: .zero)
        let boolean = machine.receive(Array(#"{"op":1,"d":true}"#.utf8), at: .zero)
        #expect(first == [.acknowledgeHeartbeat(sequence: nil)])
        #expect(second == [.acknowledgeHeartbeat(sequence: 42)])
        #expect(boolean == [.acknowledgeHeartbeat(sequence: nil)])
    }

    @Test func identifyThenEstablishedThenSecondIdentifyCloses4005() throws {
        var machine = Self.machine()
        let actions = machine.receive(Array(Self.identify(shard: "[1,2]").utf8), at: .zero)
        guard case .identify(let request) = try #require(actions.first) else {
            Issue.record("expected identify, got \(actions)")
            return
        }
        #expect(request.shardID == 1 && request.shardCount == 2 && request.intents == 513)
        #expect(request.properties["os"] == "linux")
        let established = machine.authenticated(.established(sessionID: "abc"))
        #expect(established.isEmpty)
        #expect(machine.sessionID == "abc")
        let presence = machine.receive(Array(#"{"op":3,"d":{}}"#.utf8), at: .zero)
        #expect(presence == [.ignore(opcode: 3)])
        let again = machine.receive(Array(Self.identify().utf8), at: .zero)
        #expect(again == [.close(code: 4005, reason: "You sent more than one identify payload.")])
    }

    @Test func identifyRateLimitedReturnsToAwaitingIdentify() {
        var machine = Self.machine()
        _ = machine.receive(Array(Self.identify().utf8), at: .zero)
        let refused = machine.authenticated(.invalidSession(resumable: false))
        #expect(refused == [.sendInvalidSession(resumable: false)])
        #expect(machine.phase == .awaitingIdentify)
        if case .identify = machine.receive(Array(Self.identify().utf8), at: .zero).first {} else {
            Issue.record("a new IDENTIFY should be allowed after op 9")
        }
    }

    @Test func requestGuildMembersParsesFields() {
        var machine = Self.machine()
        _ = machine.receive(Array(Self.identify().utf8), at: .zero)
        _ = machine.authenticated(.established(sessionID: "s"))
        let payload = #"{"op":8,"d":{"guild_id":"81384788765712384","query":"","limit":0,"nonce":"n1"}}"#
        let actions = machine.receive(Array(payload.utf8), at: .zero)
        let expected = GuildMembersRequest(guildID: 81_384_788_765_712_384, query: "", userIDs: nil, limit: 0,
                                           presences: false, nonce: "n1")
        #expect(actions == [.requestGuildMembers(expected, sessionID: "s")])
        #expect(expected.isAllMembers)
        let noGuild = machine.receive(Array(#"{"op":8,"d":{"query":""}}"#.utf8), at: .zero)
        if case .close(4001, _) = noGuild.first {} else { Issue.record("missing guild_id should close 4001: \(noGuild)") }
    }

    @Test func sendLimitClosesAtTheFirstPayloadOverTheLimitAndResetsPerWindow() {
        var machine = Self.machine(sendLimit: 5)
        let beat = Array(#"{"op":1,"d":null}"#.utf8)
        let acknowledged = [GatewayConnectionStateMachine.Action.acknowledgeHeartbeat(sequence: nil)]
        for _ in 0..<5 {
            let actions = machine.receive(beat, at: .zero)
            #expect(actions == acknowledged)
        }
        // A new window starts after 60 s.
        let later = MonotonicTime.zero + .seconds(61)
        for _ in 0..<5 {
            let actions = machine.receive(beat, at: later)
            #expect(actions == acknowledged)
        }
        let over = machine.receive(beat, at: later)
        #expect(over == [.close(code: 4008, reason: "You are being rate limited.")])
    }

    @Test func resumeRequestCarriesSessionAndSequence() {
        var machine = Self.machine()
        let payload = #"{"op":6,"d":{"token":"\#(Self.token)","session_id":"abc","seq":17}}"#
        let actions = machine.receive(Array(payload.utf8), at: .zero)
        #expect(actions == [.resume(ResumeRequest(token: Self.token, sessionID: "abc", sequence: 17))])
        let closed = machine.authenticated(.close(code: 4007, reason: "Invalid seq."))
        #expect(closed == [.close(code: 4007, reason: "Invalid seq.")])
    }
}
