/// Per-guild numbering of role ids, so that a member's role list stores one small varint per role (1 byte while the
/// guild has seen fewer than 128 distinct role ids) instead of 8 bytes.
///
/// Ordinals are handed out in first-seen order and never reused while the guild state lives, so a deleted role's
/// ordinal keeps resolving to its old id (lookups filter out roles that are no longer cached).
struct RoleOrdinals: Sendable {
    private(set) var roleIDs: [UInt64] = []
    private var ordinals: [UInt64: UInt32] = [:]

    /// The ordinal of a role id, assigning the next one when new.
    mutating func ordinal(of roleID: UInt64) -> UInt32 {
        if let existing = ordinals[roleID] { return existing }
        let next = UInt32(truncatingIfNeeded: roleIDs.count)
        roleIDs.append(roleID)
        ordinals[roleID] = next
        return next
    }

    /// The role id of an ordinal (nil for an ordinal this table never issued).
    func roleID(of ordinal: UInt32) -> UInt64? {
        Int(ordinal) < roleIDs.count ? roleIDs[Int(ordinal)] : nil
    }

    /// Bytes allocated by the table.
    var allocatedBytes: Int {
        roleIDs.capacity * 8 + ordinals.capacity * (MemoryLayout<UInt64>.stride + MemoryLayout<UInt32>.stride + 1)
    }
}
