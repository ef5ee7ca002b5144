import ApusHTTP
import ApusModel
import Foundation
import Logging

/// Syncs application commands at start-up: reads what Discord has, computes a ``CommandSyncPlan``, and bulk
/// overwrites only when something differs, so restarts with unchanged commands make no write.
public struct CommandSynchronizer: Sendable {
    /// The REST client.
    public let rest: DiscordREST
    /// The application whose commands are synced.
    public let applicationID: Snowflake
    private let logger: Logger

    /// Creates a synchronizer.
    public init(rest: DiscordREST, applicationID: Snowflake, logger: Logger = Logger(label: "apus.interactions.sync")) {
        self.rest = rest
        self.applicationID = applicationID
        self.logger = logger
    }

    /// Makes Discord's global commands (or `guildID`'s) equal to `desired`; returns the plan that was applied
    /// (``CommandSyncPlan/isUpToDate`` true: nothing was written). Throws ``CommandSyncError`` for a declared list
    /// Discord would refuse (duplicates) or when a request fails.
    @discardableResult
    public func sync(_ desired: [ApplicationCommandPayload], guildID: Snowflake? = nil) async throws(CommandSyncError) -> CommandSyncPlan {
        let path = guildID.map { "/applications/\(applicationID)/guilds/\($0)/commands" } ?? "/applications/\(applicationID)/commands"
        let response: DiscordResponse
        do {
            response = try await rest.send(DiscordRequest(method: "GET", path: path))
        } catch {
            throw .http(error)
        }
        guard let existing = try? JSONDecoder().decode([JSONValue].self, from: Data(response.body)) else {
            throw .http(.invalidResponse(route: "GET " + path, reason: "expected a JSON array of commands"))
        }
        let plan = CommandSyncPlan(desired: desired, existing: existing)
        guard plan.problems.isEmpty else { throw .invalidDeclaration(plan.problems) }
        guard !plan.isUpToDate else {
            logger.debug("application commands up to date", metadata: ["count": "\(desired.count)"])
            return plan
        }
        logger.info("syncing application commands", metadata: [
            "added": "\(plan.added)", "removed": "\(plan.removed)", "changed": "\(plan.changed)",
        ])
        do {
            if let guildID {
                try await rest.bulkOverwriteGuildApplicationCommands(applicationID: applicationID, guildID: guildID, desired)
            } else {
                try await rest.bulkOverwriteGlobalApplicationCommands(applicationID: applicationID, desired)
            }
        } catch {
            throw .http(error)
        }
        return plan
    }
}

/// Why a command sync failed.
public enum CommandSyncError: Error, Sendable, CustomStringConvertible {
    /// The declared commands cannot be written (each problem named).
    case invalidDeclaration([String])
    /// A request failed.
    case http(DiscordHTTPError)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .invalidDeclaration(let problems): "Invalid command declaration: " + problems.joined(separator: "; ")
        case .http(let error): error.description
        }
    }
}
