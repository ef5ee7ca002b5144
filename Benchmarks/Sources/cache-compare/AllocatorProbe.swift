#if canImport(Glibc)
import Glibc
#endif

/// Live heap bytes as glibc's allocator counts them: `mallinfo2().uordblks` (bytes in use in every arena) plus
/// `hblkhd` (bytes in mmap'd chunks).
///
/// Swift's Glibc module does not import `<malloc.h>`, so `mallinfo2` is looked up with `dlsym`. It returns a
/// 10-`size_t` struct by value, which the x86-64 System V ABI returns through a caller-provided buffer whose address
/// is passed as the first integer argument (`%rdi`) and echoed in `%rax`; calling it as
/// `(UnsafeMutableRawPointer) -> UnsafeMutableRawPointer` is therefore exactly the C call. Other architectures
/// pass that buffer differently (AArch64 uses `x8`), so the probe reports itself unavailable there.
enum AllocatorProbe {
    private typealias MallInfo2 = @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer?

    /// Field order of glibc's `struct mallinfo2`.
    private enum Field: Int {
        case arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost
    }

    private static let function: MallInfo2? = {
        #if canImport(Glibc) && arch(x86_64)
        // A nil handle is RTLD_DEFAULT: search the process's global symbols (libc is always loaded).
        guard let symbol = dlsym(nil, "mallinfo2") else { return nil }
        return unsafeBitCast(symbol, to: MallInfo2.self)
        #else
        return nil
        #endif
    }()

    /// Whether the probe works on this platform.
    static var isAvailable: Bool { function != nil }

    /// `uordblks + hblkhd`, or 0 when unavailable.
    static func liveBytes() -> Int {
        guard let function else { return 0 }
        var fields = [Int](repeating: 0, count: 10)
        fields.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = function(base)
        }
        return fields[Field.uordblks.rawValue] + fields[Field.hblkhd.rawValue]
    }
}
