import ApusCore
import Foundation
import Synchronization

@testable import ApusSimulator

/// One dispatch a ``RecordingSink`` saw.
struct RecordedDispatch: Sendable {
    var event: String
    var guildID: UInt64?
    var json: String

    /// The dispatch's data as a JSON object.
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:] }
}

/// A dispatch sink that records what it is given.
final class RecordingSink: SimulatorDispatchSink {
    private let recorded = Mutex<[RecordedDispatch]>([])

    func dispatch(event name: String, guildID: UInt64?, json: String) {
        recorded.withLock { $0.append(RecordedDispatch(event: name, guildID: guildID, json: json)) }
    }

    /// Everything dispatched so far.
    var dispatches: [RecordedDispatch] { recorded.withLock { $0 } }

    /// The dispatches named `event`.
    func named(_ event: String) -> [RecordedDispatch] { dispatches.filter { $0.event == event } }
}

/// A REST simulator on a manual clock with a recording sink, called directly (no sockets).
struct RESTHarness {
    let clock = ManualTimeSource()
    let sink = RecordingSink()
    let configuration: SimulatorConfiguration
    let world: SimulatorWorld
    let rest: SimulatorREST

    init(_ configure: (inout SimulatorConfiguration) -> Void = { _ in }) {
        var configuration = SimulatorConfiguration()
        configuration.guildCount = 2
        configuration.membersPerGuild = 8
        configuration.textChannelsPerGuild = 3
        configuration.rest.wallClockOriginMilliseconds = 1_767_225_600_000
        configure(&configuration)
        self.configuration = configuration
        world = SimulatorWorld(configuration: configuration, timeSource: clock)
        rest = SimulatorREST(configuration: configuration, world: world, timeSource: clock, dispatch: sink)
    }

    var guildID: UInt64 { world.guildIDs[0] }
    var channelID: UInt64 { world.textChannelIDs[0] }

    /// Sends a request (with the bot token unless `authorized` is false).
    func send(
        _ method: String, _ path: String, json: String? = nil, query: String? = nil, headers: [(String, String)] = [],
        body: [UInt8]? = nil, authorized: Bool = true
    ) async -> SimulatorHTTPResponse {
        var allHeaders = headers
        if authorized { allHeaders.append(("Authorization", "Bot \(configuration.token)")) }
        if json != nil { allHeaders.append(("Content-Type", "application/json")) }
        let request = SimulatorHTTPRequest(
            method: method, path: "/api/v10" + path, query: query, headers: allHeaders,
            body: body ?? Array((json ?? "").utf8))
        return await rest.handle(request)
    }

    /// Posts a bot message in `channelID` and returns its id.
    func postMessage(_ content: String, channelID: UInt64? = nil) async -> UInt64? {
        let response = await send(
            "POST", "/channels/\(channelID ?? self.channelID)/messages", json: #"{"content":\#(quoted(content))}"#)
        return (response.object["id"] as? String).flatMap { UInt64($0) }
    }

    /// Role ids of the first guild by name.
    var roles: [String: UInt64] { world.roleIDs(guildID: guildID) }

    /// The n-th generated (non-bot) member of the first guild: 0 is the owner/admin, 1 a moderator, 2 muted.
    func member(_ index: Int) -> UInt64 { world.memberIDs(guildID: guildID)[index + 1] }
}

/// `text` as a JSON string literal.
func quoted(_ text: String) -> String {
    String(decoding: (try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed])) ?? Data(), as: UTF8.self)
}

extension SimulatorHTTPResponse {
    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    /// The body as a JSON array (empty when it is not one).
    var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [[String: Any]] ?? [] }
    /// The `code` of a Discord error body.
    var code: Int? { object["code"] as? Int }
}
