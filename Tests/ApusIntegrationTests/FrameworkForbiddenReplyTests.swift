import Apus
import ApusCommands
import ApusCore
import ApusSimulator
import Foundation
import Testing

/// A command whose only action is a reply in the channel.
private struct SayPlugin: Plugin {
    let name = "say"

    func commands() -> [Command] {
        [Command("say", description: "Say something.", category: "Test") { reply, _ in
            try await reply.reply("said")
        }]
    }
}

@Suite("Framework: a reply Discord refuses with 403 is not followed by an error message in the same channel",
       .serialized, .timeLimit(.minutes(2)))
struct FrameworkForbiddenReplyTests {
    @Test("the failed reply is logged, not answered with a second forbidden message")
    func noSecondForbiddenPost() async throws {
        let (simulator, configuration, guildID, channelID) = try await startOneGuildSimulator()
        let (directory, databasePath) = try temporaryDatabasePath("forbidden")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try await FrameworkBotProcess.start(
            simulator: simulator, configuration: configuration, databasePath: databasePath, clock: SystemWallClock(),
            seed: 3, plugins: [SayPlugin()])
        let author = try #require(simulator.world.memberIDs(guildID: guildID).last)
        func messagePosts() -> Int {
            simulator.rest.requestLog().filter { $0.route == "POST /channels/{channel_id}/messages" }.count
        }
        let before = messagePosts()
        simulator.rest.force(.serverError(status: 403), count: 1, route: "POST /channels/{channel_id}/messages")
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "!say")
        try await eventually("the refused reply reached the simulator") { messagePosts() >= before + 1 }
        // A second command answers normally; everything the first one caused was sent before it (one queue).
        _ = simulator.postMessage(channelID: channelID, authorID: author, content: "!say")
        try await eventually("the second reply arrived") {
            simulator.rest.requestLog().contains {
                $0.route == "POST /channels/{channel_id}/messages" && (200..<300).contains($0.status) && $0.body.contains("said")
            }
        }
        #expect(messagePosts() == before + 2, "the 403 is not followed by an error message (which would be a second 403)")
        try await process.stop()
        await simulator.shutdown()
    }
}
