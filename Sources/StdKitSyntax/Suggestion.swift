/// "Did you mean …?" for near-miss ids and values.
public enum Suggestion {
    /// The candidate closest to `word`: one that differs only by case first, else the one with
    /// the smallest edit distance, if that distance is small for the word's length.
    ///
    /// A broken link is compared with every file of its folder (thousands in a reference
    /// manual), so distances are computed only up to the best one found so far: a candidate
    /// whose length alone puts it further away is skipped, and a comparison stops once it is
    /// sure to exceed it.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        let scalars = Array(lowered.unicodeScalars)
        let limit = max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = candidate.lowercased()
            if other == lowered { return candidate }
            guard let distance = editDistance(scalars, Array(other.unicodeScalars), atMost: best.map { min($0.distance, limit) } ?? limit) else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The edit distance between `a` and `b` in Unicode scalars, counting a swap of two
    /// neighbours as one edit (optimal string alignment): `titel` is one edit from `title`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: Int.max - 1)!
    }

    /// The edit distance of `a` and `b` if it is at most `bound`, else nil.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        guard abs(a.count - b.count) <= bound else { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        var previousMinimum = 0
        for i in 1...a.count {
            current[0] = i
            var minimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                minimum = min(minimum, current[j])
            }
            // Every way to the end passes through this row or the one before (a swap skips one
            // row), and no step makes the distance smaller.
            if minimum > bound && previousMinimum > bound { return nil }
            previousMinimum = minimum
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
