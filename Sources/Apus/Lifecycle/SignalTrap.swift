import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Catches SIGTERM and SIGINT for as long as it lives and calls a handler for each one, instead of the default
/// action (ending the process at once).
///
/// ```swift
/// let trap = SignalTrap { coordinator.requestStop() }   // first signal: graceful stop; second: forced
/// defer { trap.cancel() }
/// ```
public final class SignalTrap: Sendable {
    /// The signals caught.
    public static let signals: [Int32] = [SIGTERM, SIGINT]

    private let sources: Mutex<[any DispatchSourceSignal]>

    /// Starts catching SIGTERM and SIGINT; `handler` runs on a global dispatch queue, once per signal received.
    public init(_ handler: @escaping @Sendable () -> Void) {
        let made = Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
        sources = Mutex(made)
    }

    /// Stops catching: the signals get their default action again.
    public func cancel() {
        sources.withLock { sources in
            for source in sources { source.cancel() }
        }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
