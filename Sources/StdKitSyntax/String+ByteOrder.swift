#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether this string comes before `other` in the order of their UTF-8 bytes, as
    /// `utf8.lexicographicallyPrecedes(other.utf8)` says: the order of paths, ids and findings in
    /// every listing stdkit makes, the same in every locale and on every platform.
    ///
    /// Compared with `memcmp` where both strings are stored as UTF-8 (every string made in Swift,
    /// small ones included): the generic comparison, one byte through an iterator at a time, was
    /// a tenth of a second of the single-threaded listing of 14,000 files. Elsewhere (a string
    /// bridged from another encoding) the generic comparison decides.
    @inlinable
    public func precedesInUTF8(_ other: String) -> Bool {
        let compared = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs -> Bool in
                let common = Swift.min(mine.count, theirs.count)
                if common > 0 {
                    let order = memcmp(mine.baseAddress!, theirs.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return mine.count < theirs.count
            }
        }
        if let compared, let precedes = compared { return precedes }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }
}
