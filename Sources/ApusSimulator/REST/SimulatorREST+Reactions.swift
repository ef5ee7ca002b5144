/// Reaction routes.
extension SimulatorREST {
    func reactionRoute(_ match: RESTRouteMatch, call: RESTCall) -> RESTOutcome {
        world.withState { state in
            let located: (guild: WorldGuild?, channel: WorldChannel)
            switch visibleChannel(state, match.id("channel_id")) {
            case .failure(let rejection): return RESTOutcome(rejection.response)
            case .success(let found): located = found
            }
            let (guild, channel) = located
            guard let messageID = match.id("message_id"), var message = state.message(channelID: channel.id, id: messageID)
            else { return RESTOutcome(RESTResponses.unknown(.message)) }
            let emoji = match.parameters["emoji"] ?? ""
            guard Self.isValidEmoji(emoji) else {
                return RESTOutcome(RESTResponses.error(400, code: 10014, message: "Unknown Emoji"))
            }
            let userID: UInt64
            if match.template.hasSuffix("/@me") {
                userID = configuration.botUserID
                let needed = match.method == "PUT"
                    ? SimulatorPermission.addReactions | SimulatorPermission.readMessageHistory : 0
                guard botHas(needed, guild: guild, channel: channel) else { return RESTOutcome(RESTResponses.missingPermissions()) }
            } else {
                guard let target = match.id("user_id") else { return RESTOutcome(RESTResponses.unknown(.user)) }
                guard botHas(SimulatorPermission.manageMessages, guild: guild, channel: channel) else {
                    return RESTOutcome(RESTResponses.missingPermissions())
                }
                userID = target
            }
            let index = message.reactions.firstIndex { $0.emoji == emoji }
            let isAdd = match.method == "PUT"
            if isAdd {
                if let index {
                    if message.reactions[index].userIDs.contains(userID) { return RESTOutcome(RESTResponses.noContent()) }
                    message.reactions[index].userIDs.append(userID)
                } else {
                    message.reactions.append((emoji, [userID]))
                }
            } else {
                guard let index, message.reactions[index].userIDs.contains(userID) else {
                    return RESTOutcome(RESTResponses.noContent())
                }
                message.reactions[index].userIDs.removeAll { $0 == userID }
                if message.reactions[index].userIDs.isEmpty { message.reactions.remove(at: index) }
            }
            state.removeMessage(channelID: channel.id, id: message.id)
            state.store(message)
            var event: [String: Any] = [
                "user_id": String(userID), "channel_id": String(channel.id), "message_id": String(message.id),
                "emoji": WorldRenderer.emojiObject(emoji), "burst": false, "type": 0,
            ]
            if let guild {
                event["guild_id"] = String(guild.id)
                if isAdd, let member = guild.member(userID) {
                    event["member"] = world.renderer.member(member, user: state.users[userID])
                }
            }
            if isAdd { event["message_author_id"] = String(message.authorID) }
            let name = isAdd ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE"
            return RESTOutcome(
                RESTResponses.noContent(), dispatches: [RESTDispatch(event: name, guildID: guild?.id, json: JSONText.string(event))])
        }
    }

    /// A unicode emoji (no ASCII letters or digits) or `name:id` for a custom one.
    static func isValidEmoji(_ emoji: String) -> Bool {
        guard !emoji.isEmpty, emoji.count <= 64 else { return false }
        let parts = emoji.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2 { return !parts[0].isEmpty && UInt64(parts[1]) != nil }
        return !emoji.unicodeScalars.contains { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            || emoji.unicodeScalars.contains { !$0.isASCII }
    }
}
