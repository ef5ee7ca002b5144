import ApusModel

/// What a routed handler gets: the interaction, the values parsed from its custom id, and the responder.
public struct ComponentContext: Sendable {
    /// The interaction as received.
    public let interaction: Interaction
    /// The placeholder values of the matched pattern (`{pollID}` → `"42"`).
    public let parameters: [String: String]
    /// The pattern that matched.
    public let pattern: CustomIDPattern
    /// Select-menu values (component interactions).
    public let values: [String]
    /// Field values by custom id (modal submits).
    public let fields: [String: String]
    /// Answers the interaction.
    public let responder: InteractionResponder
}

/// What an autocomplete handler gets.
public struct AutocompleteContext: Sendable {
    /// The interaction as received.
    public let interaction: Interaction
    /// The command path (`["poll", "vote"]`).
    public let commandPath: [String]
    /// The focused option's name.
    public let option: String
    /// What the user typed so far.
    public let text: String
}

/// Routes component clicks, select choices, modal submits and autocomplete requests to handlers registered at
/// start-up by custom-id pattern (or, for autocomplete, by command path and option). Nothing is tied to a message
/// in memory, so a button sent before a restart is routed by a fresh router after it.
///
/// When several patterns match, the one with the most literal segments wins (then the first registered).
/// An unmatched custom id gets an ephemeral ``unknownComponentMessage`` (or ``unknownModalMessage``) reply and the
/// outcome ``RouteOutcome/unknown(customID:)``: the button or form was made by a version of the bot that no longer
/// handles it, and answering (rather than staying silent) spares the user Discord's "interaction failed" error.
/// An unmatched autocomplete gets an empty choice list.
public struct ComponentRouter: Sendable {
    /// Handles a component click, select choice or modal submit.
    public typealias Handler = @Sendable (ComponentContext) async throws -> Void
    /// Suggests choices for a focused option.
    public typealias AutocompleteHandler = @Sendable (AutocompleteContext) async throws -> [AutocompleteChoice]

    private struct Route: Sendable {
        var pattern: CustomIDPattern
        var handler: Handler
    }

    private var componentRoutes: [Route] = []
    private var modalRoutes: [Route] = []
    private var autocompleteRoutes: [String: AutocompleteHandler] = [:]

    /// The ephemeral reply to a button or select nobody handles any more.
    public var unknownComponentMessage = "This button is no longer active. Run the command again to get a fresh one."
    /// The ephemeral reply to a modal submit nobody handles any more.
    public var unknownModalMessage = "This form is no longer active. Run the command again to get a fresh one."
    /// The ephemeral reply when a handler throws before answering.
    public var failureMessage = "Something went wrong while handling this. Please try again."

    /// An empty router.
    public init() {}

    /// Registers a handler for buttons and selects whose custom id matches `pattern`.
    public mutating func onComponent(_ pattern: String, _ handler: @escaping Handler) throws(CustomIDPatternError) {
        try Self.add(pattern, handler, to: &componentRoutes)
    }

    /// Registers a handler for modal submits whose custom id matches `pattern`.
    public mutating func onModal(_ pattern: String, _ handler: @escaping Handler) throws(CustomIDPatternError) {
        try Self.add(pattern, handler, to: &modalRoutes)
    }

    /// Registers suggestions for `option` of the command at `commandPath` (e.g. `"poll vote"`, space-separated).
    public mutating func onAutocomplete(command commandPath: String, option: String, _ handler: @escaping AutocompleteHandler) {
        autocompleteRoutes[Self.autocompleteKey(commandPath.split(separator: " ").map(String.init), option)] = handler
    }

    private static func add(_ text: String, _ handler: @escaping Handler, to routes: inout [Route]) throws(CustomIDPatternError) {
        let pattern = try CustomIDPattern(text)
        guard !routes.contains(where: { $0.pattern.shape == pattern.shape }) else { throw .duplicate(text) }
        routes.append(Route(pattern: pattern, handler: handler))
    }

    private static func autocompleteKey(_ path: [String], _ option: String) -> String {
        (path + [option]).joined(separator: "\u{1F}")
    }

    /// The pattern and parameters `customID` routes to among component (or, with `modal`, modal) handlers.
    public func resolve(customID: String, modal: Bool = false) -> (pattern: CustomIDPattern, parameters: [String: String])? {
        var best: (route: Route, parameters: [String: String])?
        for route in modal ? modalRoutes : componentRoutes {
            guard let parameters = route.pattern.match(customID) else { continue }
            if best.map({ route.pattern.literalCount > $0.route.pattern.literalCount }) ?? true {
                best = (route, parameters)
            }
        }
        return best.map { ($0.route.pattern, $0.parameters) }
    }

    /// Routes `interaction` and answers it as described in the type's documentation; never throws.
    @discardableResult
    public func handle(_ interaction: Interaction, responder: InteractionResponder) async -> RouteOutcome {
        switch interaction.type {
        case .messageComponent, .modalSubmit:
            let isModal = interaction.type == .modalSubmit
            let customID = interaction.data?.customID ?? ""
            let routes = isModal ? modalRoutes : componentRoutes
            guard let (pattern, parameters) = resolve(customID: customID, modal: isModal),
                let route = routes.first(where: { $0.pattern == pattern })
            else {
                try? await responder.reply(isModal ? unknownModalMessage : unknownComponentMessage, ephemeral: true)
                return .unknown(customID: customID)
            }
            let context = ComponentContext(
                interaction: interaction, parameters: parameters, pattern: pattern,
                values: InteractionInput.selectValues(interaction),
                fields: isModal ? InteractionInput.modalFields(interaction) : [:], responder: responder)
            do {
                try await route.handler(context)
                return .handled(pattern: pattern.description, parameters: parameters)
            } catch {
                if await !responder.responseState.isAcknowledged { try? await responder.reply(failureMessage, ephemeral: true) }
                return .failed(pattern: pattern.description, error: String(describing: error))
            }
        case .applicationCommandAutocomplete:
            let path = InteractionInput.commandPath(interaction)
            guard let focused = InteractionInput.focusedOption(interaction),
                let handler = autocompleteRoutes[Self.autocompleteKey(path, focused.name)]
            else {
                try? await responder.autocomplete([])
                return .unknown(customID: path.joined(separator: " "))
            }
            let context = AutocompleteContext(interaction: interaction, commandPath: path, option: focused.name, text: focused.text)
            do {
                let choices = try await handler(context)
                try await responder.autocomplete(Array(choices.prefix(AutocompleteChoice.limit)))
                return .handled(pattern: path.joined(separator: " ") + " " + focused.name, parameters: ["text": focused.text])
            } catch {
                try? await responder.autocomplete([])
                return .failed(pattern: path.joined(separator: " "), error: String(describing: error))
            }
        default:
            return .notRoutable
        }
    }
}

/// What ``ComponentRouter/handle(_:responder:)`` did.
public enum RouteOutcome: Sendable, Hashable {
    /// A handler ran and returned.
    case handled(pattern: String, parameters: [String: String])
    /// No handler matched; the user got the "no longer active" reply (or empty autocomplete choices).
    case unknown(customID: String)
    /// The handler threw; the user got the failure reply if nothing had been answered yet.
    case failed(pattern: String, error: String)
    /// Not a component, modal or autocomplete interaction (commands go to the command framework).
    case notRoutable
}
