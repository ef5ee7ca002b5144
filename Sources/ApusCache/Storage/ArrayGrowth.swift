extension Array {
    /// Makes room for `extra` more elements, growing by a quarter (not the standard library's doubling) so that a
    /// long-lived cache array wastes at most about 20 % of its capacity. Growth stays geometric, so appends remain
    /// amortised O(1).
    @inline(__always)
    mutating func reserveForAppending(_ extra: Int) {
        let needed = count + extra
        guard needed > capacity else { return }
        reserveCapacity(Swift.max(needed, count + count / 4 + 4))
    }

    /// Reallocates the storage to the current count when more than an eighth of it is unused.
    mutating func shrinkToFit() {
        guard capacity - count > count / 8 + 4 else { return }
        var copy: [Element] = []
        copy.reserveCapacity(count)
        copy.append(contentsOf: self)
        self = copy
    }
}
