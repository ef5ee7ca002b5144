import ApusHTTP

/// Everything an ``InteractionResponder`` call can fail with.
public enum InteractionFailure: Error, Sendable, CustomStringConvertible {
    /// Refused locally before any request: Discord's response rules forbid the call.
    case rule(InteractionResponseError)
    /// Refused locally before any request: a component or modal breaks a limit.
    case component(ComponentBuildError)
    /// The request was sent and Discord (or the network) failed it.
    case http(DiscordHTTPError)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .rule(let error): error.description
        case .component(let error): error.description
        case .http(let error): error.description
        }
    }
}
