/// A line diff made the way git's xdiff makes it, so that a line merge lays out ambiguous changes
/// exactly as `git merge-file` does (DESIGN §5: the fallback equals `git merge-file --diff3`).
///
/// Written from the published behaviour of xdiff (libxdiff as kept in git 2.39, default options:
/// Myers' algorithm, no indent heuristic), in these steps:
///
/// 1. the lines both texts begin and end with are left unchanged;
/// 2. between them, a line with no equal line in the other text is changed outright, and a line
///    with many equal lines there (at least √n, at most 1,024) is changed outright when it sits
///    among lines of those two sorts — it would only give the diff false anchors;
/// 3. the remaining lines are diffed by Myers' divide-and-conquer on the middle snake, with
///    xdiff's cut-offs for expensive cases (a cost above √n stops at the furthest path; above 256
///    with a run of 20 equal lines, splits there);
/// 4. each run of changed lines is slid as far down as equal lines allow, and back up to line up
///    with a change in the other text when one can be reached.
///
/// Lines come numbered (`NumberedLines`: equal bytes, line ending included, equal numbers, from 0
/// up to `distinct`), so that comparing two lines compares two integers and counting a line's
/// copies indexes an array.
struct XDiff {
    /// A run of lines the diff changes: `oldCount` lines of the old text at `oldStart` replaced by
    /// `newCount` lines of the new text at `newStart` (0-based).
    struct Hunk: Equatable {
        var oldStart: Int
        var oldCount: Int
        var newStart: Int
        var newCount: Int
        var oldEnd: Int { oldStart + oldCount }
    }

    /// The hunks, in order.
    let hunks: [Hunk]

    init(old: [Int], new: [Int], distinct: Int) {
        var a = Side(lines: old)
        var b = Side(lines: new)
        Self.diff(&a, &b, distinct: distinct)
        Self.compact(&a, other: &b)
        Self.compact(&b, other: &a)
        hunks = Self.hunks(a, b)
    }

    /// One text: its lines and which of them the diff changes. `changed` has a false sentinel
    /// before the first line and after the last (index `line + 1`), as group walks need.
    struct Side {
        let lines: [Int]
        var changed: [Bool]

        init(lines: [Int]) {
            self.lines = lines
            changed = [Bool](repeating: false, count: lines.count + 2)
        }

        var count: Int { lines.count }

        subscript(changed line: Int) -> Bool {
            get { changed[line + 1] }
            set { changed[line + 1] = newValue }
        }
    }

    // MARK: - Preparing and diffing

    /// xdiff's integer square root estimate: 2 to the power of ⌈bits of n / 2⌉.
    static func roughSquareRoot(_ n: Int) -> Int {
        var root = 1
        var rest = n
        while rest > 0 {
            root <<= 1
            rest >>= 2
        }
        return root
    }

    /// Marks the changed lines of `a` and `b`, whose numbers are below `distinct`.
    static func diff(_ a: inout Side, _ b: inout Side, distinct: Int) {
        // 1. The lines both begin and end with.
        let (prefix, suffix) = a.lines.commonEnds(with: b.lines)
        let (aEnd, bEnd) = (a.count - suffix, b.count - suffix)

        // 2. Count each line's copies in each text (the trimmed lines count too: they are in
        // both texts; a line only they hold is never asked about).
        var countInA = [Int](repeating: 0, count: distinct), countInB = [Int](repeating: 0, count: distinct)
        let middleA = Array(a.lines[prefix..<aEnd])
        let middleB = Array(b.lines[prefix..<bEnd])
        for n in middleA { countInA[n] += 1 }
        for n in middleB { countInB[n] += 1 }
        for range in [0..<prefix, aEnd..<a.count] {
            for index in range {
                countInA[a.lines[index]] += 1
                countInB[a.lines[index]] += 1
            }
        }
        let kept = [(middleA, countInB, a.count), (middleB, countInA, b.count)].map { middle, countInOther, total in
            keptLines(middle, countInOther: countInOther, total: total)
        }
        for (index, keep) in kept[0].enumerated() where !keep { a[changed: prefix + index] = true }
        for (index, keep) in kept[1].enumerated() where !keep { b[changed: prefix + index] = true }

        // 3. Myers' diff of the lines kept.
        let keptA = middleA.indices.filter { kept[0][$0] }
        let keptB = middleB.indices.filter { kept[1][$0] }
        var myers = Myers(a: keptA.map { middleA[$0] }, b: keptB.map { middleB[$0] })
        myers.run()
        for (index, isChanged) in myers.changedA.enumerated() where isChanged { a[changed: prefix + keptA[index]] = true }
        for (index, isChanged) in myers.changedB.enumerated() where isChanged { b[changed: prefix + keptB[index]] = true }
    }

    /// Which lines of `middle` (numbers) go into Myers' diff: a line with no equal line in the
    /// other text never does; one with many does only when it is not among lines that are
    /// changed outright or have many matches themselves.
    static func keptLines(_ middle: [Int], countInOther: [Int], total: Int) -> [Bool] {
        let limit = min(roughSquareRoot(total), 1024)
        // 0: no match in the other text; 1: some; 2: many.
        let kinds: [UInt8] = middle.map { n in
            let matches = countInOther[n]
            return matches == 0 ? 0 : matches >= limit ? 2 : 1
        }
        return kinds.indices.map { index in
            kinds[index] == 1 || (kinds[index] == 2 && !isAmongUnmatched(kinds, index))
        }
    }

    /// Whether line `index` (one with many matches) sits in a run of unmatched and many-matched
    /// lines with unmatched lines on both sides of it, more than three quarters of the run
    /// unmatched (xdiff's scan, within 100 lines either way; the line itself counts as many-matched
    /// on each side).
    static func isAmongUnmatched(_ kinds: [UInt8], _ index: Int) -> Bool {
        let window = 100
        let start = max(0, index - window), end = min(kinds.count - 1, index + window)
        var unmatchedBefore = 0, manyBefore = 1
        var position = index - 1
        while position >= start {
            if kinds[position] == 0 { unmatchedBefore += 1 } else if kinds[position] == 2 { manyBefore += 1 } else { break }
            position -= 1
        }
        guard unmatchedBefore > 0 else { return false }
        var unmatchedAfter = 0, manyAfter = 1
        position = index + 1
        while position <= end {
            if kinds[position] == 0 { unmatchedAfter += 1 } else if kinds[position] == 2 { manyAfter += 1 } else { break }
            position += 1
        }
        guard unmatchedAfter > 0 else { return false }
        let unmatched = unmatchedBefore + unmatchedAfter
        let many = manyBefore + manyAfter
        return many * 4 < many + unmatched
    }

    /// Myers' divide-and-conquer diff of two sequences of numbers, with xdiff's cut-offs.
    struct Myers {
        let a: [Int], b: [Int]
        var changedA: [Bool], changedB: [Bool]
        /// Furthest reaching x on each diagonal k = x − y, forward and backward, offset so that
        /// the lowest diagonal (−b.count − 1) is index 0.
        var forward: [Int], backward: [Int]
        let offset: Int
        let maxCost: Int
        static var snakeLength: Int { 20 }
        static var heuristicCost: Int { 256 }

        init(a: [Int], b: [Int]) {
            self.a = a
            self.b = b
            changedA = [Bool](repeating: false, count: a.count)
            changedB = [Bool](repeating: false, count: b.count)
            let diagonals = a.count + b.count + 3
            forward = [Int](repeating: 0, count: diagonals)
            backward = [Int](repeating: 0, count: diagonals)
            offset = b.count + 1
            maxCost = max(XDiff.roughSquareRoot(diagonals), 256)
        }

        struct Box {
            var start1: Int, end1: Int, start2: Int, end2: Int
            var minimal: Bool
        }

        mutating func run() {
            var boxes = [Box(start1: 0, end1: a.count, start2: 0, end2: b.count, minimal: false)]
            while var box = boxes.popLast() {
                while box.start1 < box.end1, box.start2 < box.end2, a[box.start1] == b[box.start2] {
                    box.start1 += 1
                    box.start2 += 1
                }
                while box.start1 < box.end1, box.start2 < box.end2, a[box.end1 - 1] == b[box.end2 - 1] {
                    box.end1 -= 1
                    box.end2 -= 1
                }
                if box.start1 == box.end1 {
                    for index in box.start2..<box.end2 { changedB[index] = true }
                } else if box.start2 == box.end2 {
                    for index in box.start1..<box.end1 { changedA[index] = true }
                } else {
                    let split = self.split(box)
                    boxes.append(Box(start1: split.x, end1: box.end1, start2: split.y, end2: box.end2, minimal: split.minimalAfter))
                    boxes.append(Box(start1: box.start1, end1: split.x, start2: box.start2, end2: split.y, minimal: split.minimalBefore))
                }
            }
        }

        /// Where to divide `box`: a point on an optimal path through its middle, or, when the
        /// search costs too much, a good enough point.
        mutating func split(_ box: Box) -> (x: Int, y: Int, minimalBefore: Bool, minimalAfter: Bool) {
            let (off1, lim1, off2, lim2) = (box.start1, box.end1, box.start2, box.end2)
            let dmin = off1 - lim2, dmax = lim1 - off2
            let fmid = off1 - off2, bmid = lim1 - lim2
            let odd = (fmid - bmid) & 1 != 0
            var fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid
            let o = offset
            forward[fmid + o] = off1
            backward[bmid + o] = lim1
            var cost = 1
            while true {
                var gotSnake = false
                if fmin > dmin { fmin -= 1; forward[fmin - 1 + o] = -1 } else { fmin += 1 }
                if fmax < dmax { fmax += 1; forward[fmax + 1 + o] = -1 } else { fmax -= 1 }
                var d = fmax
                while d >= fmin {
                    var x = forward[d - 1 + o] >= forward[d + 1 + o] ? forward[d - 1 + o] + 1 : forward[d + 1 + o]
                    let start = x
                    var y = x - d
                    while x < lim1, y < lim2, a[x] == b[y] { x += 1; y += 1 }
                    if x - start > Self.snakeLength { gotSnake = true }
                    forward[d + o] = x
                    if odd, bmin <= d, d <= bmax, backward[d + o] <= x {
                        return (x, y, true, true)
                    }
                    d -= 2
                }
                if bmin > dmin { bmin -= 1; backward[bmin - 1 + o] = Int.max } else { bmin += 1 }
                if bmax < dmax { bmax += 1; backward[bmax + 1 + o] = Int.max } else { bmax -= 1 }
                d = bmax
                while d >= bmin {
                    var x = backward[d - 1 + o] < backward[d + 1 + o] ? backward[d - 1 + o] : backward[d + 1 + o] - 1
                    let start = x
                    var y = x - d
                    while x > off1, y > off2, a[x - 1] == b[y - 1] { x -= 1; y -= 1 }
                    if start - x > Self.snakeLength { gotSnake = true }
                    backward[d + o] = x
                    if !odd, fmin <= d, d <= fmax, x <= forward[d + o] {
                        return (x, y, true, true)
                    }
                    d -= 2
                }
                if box.minimal { cost += 1; continue }

                // A long way in and a run of equal lines reached: split at the most promising.
                if gotSnake, cost > Self.heuristicCost {
                    var best = 0
                    var point = (0, 0)
                    d = fmax
                    while d >= fmin {
                        let distance = abs(d - fmid)
                        let x = forward[d + o], y = x - d
                        let value = (x - off1) + (y - off2) - distance
                        if value > 4 * cost, value > best, off1 + Self.snakeLength <= x, x < lim1, off2 + Self.snakeLength <= y, y < lim2 {
                            var k = 1
                            while a[x - k] == b[y - k] {
                                if k == Self.snakeLength {
                                    best = value
                                    point = (x, y)
                                    break
                                }
                                k += 1
                            }
                        }
                        d -= 2
                    }
                    if best > 0 { return (point.0, point.1, true, false) }
                    best = 0
                    d = bmax
                    while d >= bmin {
                        let distance = abs(d - bmid)
                        let x = backward[d + o], y = x - d
                        let value = (lim1 - x) + (lim2 - y) - distance
                        if value > 4 * cost, value > best, off1 < x, x <= lim1 - Self.snakeLength, off2 < y, y <= lim2 - Self.snakeLength {
                            var k = 0
                            while a[x + k] == b[y + k] {
                                if k == Self.snakeLength - 1 {
                                    best = value
                                    point = (x, y)
                                    break
                                }
                                k += 1
                            }
                        }
                        d -= 2
                    }
                    if best > 0 { return (point.0, point.1, false, true) }
                }

                // Too costly: take the path that got furthest, forward or backward.
                if cost >= maxCost {
                    var forwardBest = -1, forwardX = -1
                    d = fmax
                    while d >= fmin {
                        var x = min(forward[d + o], lim1)
                        var y = x - d
                        if lim2 < y { x = lim2 + d; y = lim2 }
                        if forwardBest < x + y { forwardBest = x + y; forwardX = x }
                        d -= 2
                    }
                    var backwardBest = Int.max, backwardX = Int.max
                    d = bmax
                    while d >= bmin {
                        var x = max(off1, backward[d + o])
                        var y = x - d
                        if y < off2 { x = off2 + d; y = off2 }
                        if x + y < backwardBest { backwardBest = x + y; backwardX = x }
                        d -= 2
                    }
                    if (lim1 + lim2) - backwardBest < forwardBest - (off1 + off2) {
                        return (forwardX, forwardBest - forwardX, true, false)
                    }
                    return (backwardX, backwardBest - backwardX, false, true)
                }
                cost += 1
            }
        }
    }

    // MARK: - Compacting

    /// A run of changed lines `[start, end)` of one side (empty between two unchanged lines).
    struct Group {
        var start = 0, end = 0
    }

    static func firstGroup(_ side: Side) -> Group {
        var group = Group()
        while side[changed: group.end] { group.end += 1 }
        return group
    }

    /// The next group, or nil after the last.
    static func next(_ group: Group, _ side: Side) -> Group? {
        guard group.end < side.count else { return nil }
        var next = Group(start: group.end + 1, end: group.end + 1)
        while side[changed: next.end] { next.end += 1 }
        return next
    }

    static func previous(_ group: Group, _ side: Side) -> Group? {
        guard group.start > 0 else { return nil }
        var previous = Group(start: group.start - 1, end: group.start - 1)
        while side[changed: previous.start - 1] { previous.start -= 1 }
        return previous
    }

    /// Moves the group one line down if the line after it equals its first (joining a group it
    /// then touches); false when it cannot.
    static func slideDown(_ group: inout Group, _ side: inout Side) -> Bool {
        guard group.end < side.count, side.lines[group.start] == side.lines[group.end] else { return false }
        side[changed: group.start] = false
        side[changed: group.end] = true
        group.start += 1
        group.end += 1
        while side[changed: group.end] { group.end += 1 }
        return true
    }

    static func slideUp(_ group: inout Group, _ side: inout Side) -> Bool {
        guard group.start > 0, side.lines[group.start - 1] == side.lines[group.end - 1] else { return false }
        group.start -= 1
        group.end -= 1
        side[changed: group.start] = true
        side[changed: group.end] = false
        while side[changed: group.start - 1] { group.start -= 1 }
        return true
    }

    /// Slides each group of `side` down as far as it goes, then back up to the lowest place where
    /// it lines up with a change of `other`, if it passed one. The groups of the two sides walk
    /// in step: the k-th unchanged line of one side is the k-th of the other.
    static func compact(_ side: inout Side, other: inout Side) {
        // The two sides' groups stay in step on a valid diff; were they ever not, compacting
        // stops there and the diff stays as it is (valid, only less tidy).
        var group = firstGroup(side)
        var otherGroup = firstGroup(other)
        while true {
            if group.end != group.start {
                var earliestEnd = 0
                var endMatchingOther = -1
                var size: Int
                repeat {
                    size = group.end - group.start
                    endMatchingOther = -1
                    while slideUp(&group, &side) {
                        guard let previous = previous(otherGroup, other) else { return }
                        otherGroup = previous
                    }
                    earliestEnd = group.end
                    if otherGroup.end > otherGroup.start { endMatchingOther = group.end }
                    while slideDown(&group, &side) {
                        guard let next = next(otherGroup, other) else { return }
                        otherGroup = next
                        if otherGroup.end > otherGroup.start { endMatchingOther = group.end }
                    }
                } while size != group.end - group.start
                if group.end != earliestEnd, endMatchingOther != -1 {
                    while otherGroup.end == otherGroup.start {
                        guard slideUp(&group, &side), let previous = previous(otherGroup, other) else { return }
                        otherGroup = previous
                    }
                }
            }
            guard let nextGroup = next(group, side), let nextOther = next(otherGroup, other) else { return }
            group = nextGroup
            otherGroup = nextOther
        }
    }

    // MARK: - Hunks

    static func hunks(_ a: Side, _ b: Side) -> [Hunk] {
        var result: [Hunk] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, !a[changed: i], !b[changed: j] {
                i += 1
                j += 1
                continue
            }
            var hunk = Hunk(oldStart: i, oldCount: 0, newStart: j, newCount: 0)
            while i < a.count, a[changed: i] { i += 1 }
            while j < b.count, b[changed: j] { j += 1 }
            hunk.oldCount = i - hunk.oldStart
            hunk.newCount = j - hunk.newStart
            // Unchanged lines pair up on a valid diff; a line left over would stop the walk.
            guard hunk.oldCount + hunk.newCount > 0 else { break }
            result.append(hunk)
        }
        return result
    }
}
