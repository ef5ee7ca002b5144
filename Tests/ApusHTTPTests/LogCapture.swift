import Logging
import Synchronization

/// A log handler that keeps every line, so tests can count what an operator would see.
struct CapturingLogHandler: LogHandler {
    /// The lines written so far, shared by every copy of the handler.
    final class Store: Sendable {
        let lines = Mutex<[(level: Logger.Level, message: String)]>([])

        /// The messages logged at `level` or above.
        func messages(atLeast level: Logger.Level) -> [String] {
            lines.withLock { $0.filter { $0.level >= level }.map(\.message) }
        }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        store.lines.withLock { $0.append((level: event.level, message: event.message.description)) }
    }

    /// A logger writing into a new store.
    static func logger() -> (Logger, Store) {
        let store = Store()
        return (Logger(label: "test", factory: { _ in CapturingLogHandler(store: store) }), store)
    }
}
