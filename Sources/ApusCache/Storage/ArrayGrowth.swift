extension Array {
    /// Makes room for `extra` more elements, growing by an eighth (not the standard library's doubling) so that a
    /// long-lived cache array wastes about 6 % of its capacity on average and at most about 11 %. Growth stays
    /// geometric, so appends remain amortised O(1) (each element is copied about nine times over an array's life,
    /// a good trade for a cache that is written once and read many times). Small arrays (a channel's message log)
    /// grow one element at a time until eight, so that thousands of short logs carry no spare slots.
    @inline(__always)
    mutating func reserveForAppending(_ extra: Int) {
        let needed = count + extra
        guard needed > capacity else { return }
        reserveCapacity(Swift.max(needed, count + count / 8))
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
