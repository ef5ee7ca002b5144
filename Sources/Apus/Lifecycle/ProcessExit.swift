#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes straight to a file descriptor, for the last lines of a process that is about to exit (no buffering that
/// an exit could lose).
enum FileDescriptorWriter {
    static func standardError(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// Ends the process at once with `status`, without running atexit handlers or destructors (a forced stop must not
/// wait for the work it abandons).
func terminateProcess(status: Int32) {
    _exit(status)
}
