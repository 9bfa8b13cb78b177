extension Array where Element: Equatable {
    /// The offsets of this array that a shortest edit into `other` removes, and the offsets of
    /// `other` it inserts.
    public func editOffsets(to other: [Element]) -> (removed: Set<Int>, inserted: Set<Int>) {
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in other.difference(from: self) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        return (removed, inserted)
    }
}
