import StdKitModel
import StdKitSyntax

/// The merge driver's reading of `.stdkit/links.lock`: with the merge, since it writes a
/// `MergeResult` and conflict blocks as the merge of documents does.
extension LinkLock {
    /// Merges three versions of the lock by link: a link changed on one side takes that side's
    /// digest (a removal included); a conflict only where both changed one link differently.
    /// Nil when a version cannot be read as a lock.
    public static func merge(base: String, ours: String, theirs: String, markers: LineMerge.Markers = LineMerge.Markers()) -> MergeResult? {
        let versions = [base, ours, theirs].map(parse)
        guard versions.allSatisfy(\.problems.isEmpty) else { return nil }
        let (b, o, t) = (versions[0].lock.digests, versions[1].lock.digests, versions[2].lock.digests)
        func line(_ key: Key, _ digest: String?) -> String { digest.map { "\(key.source) -> \(key.target) \($0)\n" } ?? "" }
        var text = header + "\n"
        var conflicts: [MergeResult.Conflict] = []
        var lineNumber = 2
        for key in Set(b.keys).union(o.keys).union(t.keys).sorted() {
            let merged: String?
            if o[key] == t[key] || t[key] == b[key] {
                merged = o[key]
            } else if o[key] == b[key] {
                merged = t[key]
            } else {
                conflicts.append(MergeResult.Conflict(line: lineNumber, place: "link \(key)"))
                let block = FrontMatterMerge.conflictBlock(ours: line(key, o[key]), base: line(key, b[key]), theirs: line(key, t[key]), markers: markers)
                text += block
                lineNumber += LineMerge.lines(block).count
                continue
            }
            if let merged {
                text += line(key, merged)
                lineNumber += 1
            }
        }
        return MergeResult(text: text, conflicts: conflicts)
    }
}
