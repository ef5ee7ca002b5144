import ApusCore
import Foundation

/// Gateway discovery, user, application and DM routes.
extension SimulatorREST {
    func userRoute(_ match: RESTRouteMatch, call: RESTCall, body: RESTBody) -> RESTOutcome {
        switch match.key {
        case "GET /gateway":
            return RESTOutcome(RESTResponses.json(200, ["url": gatewayURL(call)]))
        case "GET /gateway/bot":
            var limit: [String: Any] = [
                "total": configuration.gateway.sessionStartLimit, "remaining": configuration.gateway.sessionStartLimit,
                "reset_after": Int(saturating: configuration.gateway.sessionStartResetInterval.secondsDouble * 1000),
                "max_concurrency": configuration.gateway.maxConcurrency,
            ]
            if let gateway = sink as? SimulatorGateway {
                let snapshot = gateway.sessionStartLimit()
                limit = [
                    "total": snapshot.total, "remaining": snapshot.remaining, "reset_after": snapshot.resetAfterMilliseconds,
                    "max_concurrency": snapshot.maxConcurrency,
                ]
            }
            return RESTOutcome(RESTResponses.json(
                200,
                ["url": gatewayURL(call), "shards": configuration.gateway.recommendedShards, "session_start_limit": limit]))
        case "GET /users/@me":
            return RESTOutcome(RESTResponses.json(200, JSONValue.parse(Array(world.botUserJSON().utf8))?.foundation ?? [:]))
        case "GET /oauth2/applications/@me":
            return RESTOutcome(RESTResponses.json(200, applicationObject()))
        case "GET /users/{user_id}":
            return world.withState { state in
                guard let userID = match.id("user_id"), let user = state.users[userID] else {
                    return RESTOutcome(RESTResponses.unknown(.user))
                }
                return RESTOutcome(RESTResponses.json(200, world.renderer.user(user)))
            }
        default:
            return openDM(body: body)
        }
    }

    /// The gateway URL: the gateway side's when it is wired in, else `ws://` + the request's Host.
    private func gatewayURL(_ call: RESTCall) -> String {
        if let gateway = sink as? SimulatorGateway, !gateway.gatewayURL.hasSuffix(":0") { return gateway.gatewayURL }
        return "ws://" + (call.request.header("Host") ?? "\(configuration.host):\(configuration.port)")
    }

    private func applicationObject() -> [String: Any] {
        world.withState { state in
            var object = world.renderer.templates.object("application")
            object["id"] = String(configuration.applicationID)
            let bot = state.users[configuration.botUserID].map(world.renderer.user) ?? [:]
            object["bot"] = bot
            let owner = state.guilds.first.flatMap { state.users[$0.ownerID] }.map(world.renderer.user)
            object["owner"] = owner ?? bot
            object["approximate_guild_count"] = state.guilds.count
            return object
        }
    }

    private func openDM(body: RESTBody) -> RESTOutcome {
        world.withState { state in
            guard let recipient = body["recipient_id"]?.snowflake else {
                return RESTOutcome(RESTResponses.invalidFormBody([
                    ValidationIssue(path: ["recipient_id"], code: "BASE_TYPE_REQUIRED", message: "This field is required")
                ]))
            }
            guard state.users[recipient] != nil else { return RESTOutcome(RESTResponses.unknown(.user)) }
            if let existing = state.dmChannels.values.first(where: { $0.recipientIDs.contains(recipient) }) {
                return RESTOutcome(RESTResponses.json(200, dmObject(existing, state: state)))
            }
            let id = state.nextID(unixMilliseconds: world.nowUnixMilliseconds())
            let channel = WorldChannel(
                id: id, kind: .dm, guildID: nil, name: "", position: 0, parentID: nil,
                recipientIDs: [recipient, configuration.botUserID])
            state.dmChannels[id] = channel
            return RESTOutcome(RESTResponses.json(200, dmObject(channel, state: state)))
        }
    }

    /// A DM channel as Discord shows it to the bot: the other recipient only.
    private func dmObject(_ channel: WorldChannel, state: WorldState) -> [String: Any] {
        var shown = channel
        shown.recipientIDs.removeAll { $0 == configuration.botUserID }
        return world.renderer.channel(shown, users: state.users)
    }
}
