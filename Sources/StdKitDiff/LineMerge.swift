import Foundation
import StdKitModel
import StdKitSyntax

/// A three-way merge of lines in diff3 style, as `git merge-file --diff3` does it: regions that
/// only one side changed take that side's lines, regions both changed alike are taken once, and
/// regions both changed differently become conflicts with git's markers and the base in between.
public struct LineMerge: Sendable {
    /// The labels and marker size of the conflict markers (git passes them to a merge driver).
    public struct Markers: Sendable {
        public var ours: String
        public var base: String
        public var theirs: String
        public var size: Int

        public init(ours: String = "ours", base: String = "base", theirs: String = "theirs", size: Int = 7) {
            self.ours = ours
            self.base = base
            self.theirs = theirs
            self.size = size
        }
    }

    /// A conflict: where it starts in the result (1-based line) and the three versions.
    public struct Conflict: Sendable, Hashable {
        public var line: Int
        public var ours: [String]
        public var base: [String]
        public var theirs: [String]
    }

    public var text: String
    public var conflicts: [Conflict]
    /// What a resolver of concurrent insertions did (items renumbered), for the user.
    public var notes: [String] = []
    /// Lines a resolver rewrote (an item renumbered): the line as a side wrote it → as written.
    public var rewritten: [String: String] = [:]
    /// Lines (1-based) where `resolveChange` merged both sides' changes to the same lines.
    public var refinedLines: [Int] = []

    /// Resolves two insertions at the same place of the base, or declines (nil): the lines to
    /// write, and notes on what it did.
    public typealias InsertionResolver = (_ ours: [String], _ theirs: [String]) -> (lines: [String], notes: [String], rewritten: [String: String])?

    /// What a resolver made of lines both sides changed.
    public enum Resolution: Sendable {
        /// The lines merged.
        case merged([String])
        /// The lines merged line for line, each changed by one side only or by both alike:
        /// nothing a reader must look at again.
        case separate([String])
        /// A conflict confined to part of them: the merged lines before it, the three versions
        /// of the part, the merged lines after it.
        case narrowed(before: [String], ours: [String], base: [String], theirs: [String], after: [String])
    }

    /// Merges lines both sides changed differently (base, ours, theirs; none empty), or declines.
    public typealias ChangeResolver = (_ base: [String], _ ours: [String], _ theirs: [String]) -> Resolution?

    /// Merges `ours` and `theirs`, both changed from `base`, as `git merge-file --diff3` does.
    /// `writeSameLinesOnce` takes lines both sides wrote alike once where git, having aligned the
    /// two sides' changes differently with the base, writes them as a conflict of two equal
    /// sides. `resolveInsertions`, when given, may merge what both sides inserted at the same
    /// place instead of a conflict; `resolveChange` may merge lines both sides changed.
    public init(base: String, ours: String, theirs: String, markers: Markers = Markers(), writeSameLinesOnce: Bool = false,
                resolveInsertions: InsertionResolver? = nil, resolveChange: ChangeResolver? = nil) {
        self.init(base: base[...], ours: ours[...], theirs: theirs[...], markers: markers, writeSameLinesOnce: writeSameLinesOnce,
                  resolveInsertions: resolveInsertions, resolveChange: resolveChange)
    }

    /// The same merge of pieces of texts (a document's bodies after its front matter), read in place.
    init(base: Substring, ours: Substring, theirs: Substring, markers: Markers = Markers(), writeSameLinesOnce: Bool = false,
         resolveInsertions: InsertionResolver? = nil, resolveChange: ChangeResolver? = nil) {
        // Each text split once into numbered byte ranges: the stretches one side alone wrote
        // are copied from its text in one piece; only the lines both changed become `String`s.
        let lines = NumberedLines([base, ours, theirs])
        let (nb, no, nt) = (lines.numbers[0], lines.numbers[1], lines.numbers[2])
        var output = ""
        output.reserveCapacity(lines.texts[1].utf8.count + 256)
        // The pieces written so far: a line of a side, a marker, or a line a resolver gave.
        var written = 0
        var conflicts: [Conflict] = []
        func emit(_ text: Int, _ range: Range<Int>) {
            guard !range.isEmpty else { return }
            output += lines.substring(text, range)
            written += range.count
        }
        func emit(_ pieces: [String]) {
            for piece in pieces { output += piece }
            written += pieces.count
        }
        func writeConflict(_ ourChunk: [String], _ baseChunk: [String], _ theirChunk: [String], ending: String) {
            conflicts.append(Conflict(line: written + 1, ours: ourChunk, base: baseChunk, theirs: theirChunk))
            let bar = { (character: Character, label: String) -> String in
                String(repeating: character, count: markers.size) + (label.isEmpty ? "" : " " + label) + ending
            }
            emit([bar("<", markers.ours)])
            emit(Array(Self.terminated(ourChunk[...], ending: ending)))
            emit([bar("|", markers.base)])
            emit(Array(Self.terminated(baseChunk[...], ending: ending)))
            emit([String(repeating: "=", count: markers.size) + ending])
            emit(Array(Self.terminated(theirChunk[...], ending: ending)))
            emit([bar(">", markers.theirs)])
        }
        var position = 0  // in ours: the lines before it are written
        for region in Self.regions(base: nb, ours: no, theirs: nt, distinct: lines.distinct) {
            emit(1, position..<region.ours.lowerBound)
            position = region.ours.upperBound
            switch region.change {
            case .ours:
                emit(1, region.ours)
            case .theirs:
                emit(2, region.theirs)
            case .both:
                let baseChunk = lines.lines(0, region.base), ourChunk = lines.lines(1, region.ours), theirChunk = lines.lines(2, region.theirs)
                let ending = Self.markerEnding(lines, ours: region.ours.lowerBound, theirs: region.theirs.lowerBound)
                if writeSameLinesOnce, no[region.ours].elementsEqual(nt[region.theirs]) {
                    // Both wrote the same lines, aligned differently with the base.
                    emit(1, region.ours)
                } else if baseChunk.isEmpty, let resolved = resolveInsertions?(ourChunk, theirChunk) {
                    emit(resolved.lines)
                    notes += resolved.notes
                    rewritten.merge(resolved.rewritten) { first, _ in first }
                } else if !baseChunk.isEmpty, !ourChunk.isEmpty, !theirChunk.isEmpty,
                          let resolution = resolveChange?(baseChunk, ourChunk, theirChunk) {
                    let start = output.utf8.count
                    switch resolution {
                    case .merged(let merged):
                        refinedLines.append(written + 1)
                        emit(merged)
                    case .separate(let merged):
                        emit(merged)
                    case .narrowed(let before, let ours, let base, let theirs, let after):
                        emit(before)
                        writeConflict(ours, base, theirs, ending: ending)
                        emit(after)
                    }
                    // The verifier reads the lines written as all the lines they came from.
                    let ourText = ourChunk.joined(), theirText = theirChunk.joined()
                    let utf8 = output.utf8
                    rewritten[(ourText.endsWithLineBreak ? ourText : ourText + "\n") + theirText] = String(output[utf8.index(utf8.startIndex, offsetBy: start)...])
                } else {
                    writeConflict(ourChunk, baseChunk, theirChunk, ending: ending)
                }
            }
        }
        emit(1, position..<lines.count(1))
        text = output
        self.conflicts = conflicts
    }

    /// A chunk whose last line lacks a line ending gets one before a marker.
    static func terminated(_ lines: ArraySlice<String>, ending: String = "\n") -> ArraySlice<String> {
        guard let last = lines.last, !last.endsWithLineBreak else { return lines }
        var copy = Array(lines)
        copy[copy.count - 1] += ending
        return copy[...]
    }

    /// The line ending of conflict markers, as git chooses it: LF when the line before the
    /// conflict in ours (its first line when the conflict starts the file) ends with LF, or the
    /// one in theirs does; else CRLF when the base's first line ends with CRLF; else LF. (A line
    /// without an ending, or none, decides nothing.) Read on the bytes of the lines of base (0),
    /// ours (1) and theirs (2).
    static func markerEnding(_ lines: NumberedLines, ours ourStart: Int, theirs theirStart: Int) -> String {
        /// 1 for CRLF, 0 for LF, nil when the line has no ending or is not there.
        func crlf(_ text: Int, _ index: Int) -> Int? {
            guard index < lines.count(text) else { return nil }
            let ending = lines.ending(text, index)
            guard ending.lineFeed else { return nil }
            return ending.carriageReturn ? 1 : 0
        }
        guard crlf(1, max(ourStart - 1, 0)) != 0, crlf(2, max(theirStart - 1, 0)) != 0 else { return "\n" }
        return crlf(0, 0) == 1 ? "\r\n" : "\n"
    }

    /// The lines of `text`, each with its line ending (`TextLines`, in StdKitSyntax since the
    /// review files and approvals, outside the merge, count lines the same way).
    static func lines(_ text: String) -> [String] {
        TextLines.split(text)
    }

    /// Moves each run of changed indices `[start, end)` of `lines` down while the line after the
    /// run equals its first line (the same change, written one line later).
    static func slideDown<Line: Equatable>(_ changed: inout Set<Int>, in lines: [Line]) {
        var start = 0
        while start < lines.count {
            guard changed.contains(start) else { start += 1; continue }
            var end = start
            while end < lines.count, changed.contains(end) { end += 1 }
            var runStart = start
            var runEnd = end
            while runEnd < lines.count, !changed.contains(runEnd), lines[runStart] == lines[runEnd] {
                changed.remove(runStart)
                changed.insert(runEnd)
                runStart += 1
                runEnd += 1
                // Absorb a following run that the slide now touches.
                while runEnd < lines.count, changed.contains(runEnd) { runEnd += 1 }
            }
            start = runEnd
        }
    }

    /// A region of the merge: lines one side changed, or both (a conflict unless resolved), as
    /// ranges of base, ours and theirs lines.
    struct Region: Equatable {
        enum Change { case ours, theirs, both }
        var change: Change
        var base: Range<Int>
        var ours: Range<Int>
        var theirs: Range<Int>
    }

    /// The regions where ours or theirs differ from the base, formed from the two diffs as git's
    /// xdiff forms them for `git merge-file --diff3`: a side's change alone is that side's; two
    /// changes that overlap or touch in the base make one region both changed, spanning both,
    /// unless they are the same change; regions that then touch in ours or theirs join (and are
    /// both changed if they were not the same side's). Lines come numbered as in `NumberedLines`
    /// (equal bytes, equal numbers, all below `distinct`).
    static func regions(base: [Int], ours: [Int], theirs: [Int], distinct: Int) -> [Region] {
        let diffs = Parallel.map([ours, theirs]) { XDiff(old: base, new: $0, distinct: distinct).hunks }
        var oursHunks = diffs[0][...], theirsHunks = diffs[1][...]
        var regions: [Region] = []
        func append(_ change: Region.Change, base i0: Int, _ c0: Int, ours i1: Int, _ c1: Int, theirs i2: Int, _ c2: Int) {
            if var last = regions.last, i1 <= last.ours.upperBound || i2 <= last.theirs.upperBound {
                if change != last.change { last.change = .both }
                last.base = last.base.lowerBound..<(i0 + c0)
                last.ours = last.ours.lowerBound..<(i1 + c1)
                last.theirs = last.theirs.lowerBound..<(i2 + c2)
                regions[regions.count - 1] = last
            } else {
                regions.append(Region(change: change, base: i0..<(i0 + c0), ours: i1..<(i1 + c1), theirs: i2..<(i2 + c2)))
            }
        }
        while let x = oursHunks.first, let y = theirsHunks.first {
            if x.oldEnd < y.oldStart {
                append(.ours, base: x.oldStart, x.oldCount, ours: x.newStart, x.newCount, theirs: y.newStart - y.oldStart + x.oldStart, x.oldCount)
                oursHunks.removeFirst()
                continue
            }
            if y.oldEnd < x.oldStart {
                append(.theirs, base: y.oldStart, y.oldCount, ours: x.newStart - x.oldStart + y.oldStart, y.oldCount, theirs: y.newStart, y.newCount)
                theirsHunks.removeFirst()
                continue
            }
            let same = x.oldStart == y.oldStart && x.oldCount == y.oldCount && x.newCount == y.newCount
                && ours[x.newStart..<(x.newStart + x.newCount)].elementsEqual(theirs[y.newStart..<(y.newStart + y.newCount)])
            if !same {
                // The region spans both changes, in every text.
                let startShift = x.oldStart - y.oldStart
                let endShift = startShift + x.oldCount - y.oldCount
                var (i0, i1, i2) = (x.oldStart, x.newStart, y.newStart)
                if startShift > 0 {
                    i0 -= startShift
                    i1 -= startShift
                } else {
                    i2 += startShift
                }
                var c0 = x.oldEnd - i0, c1 = x.newStart + x.newCount - i1, c2 = y.newStart + y.newCount - i2
                if endShift < 0 {
                    c0 -= endShift
                    c1 -= endShift
                } else {
                    c2 += endShift
                }
                append(.both, base: i0, c0, ours: i1, c1, theirs: i2, c2)
            }
            if x.oldEnd >= y.oldEnd { theirsHunks.removeFirst() }
            if y.oldEnd >= x.oldEnd { oursHunks.removeFirst() }
        }
        for x in oursHunks {
            append(.ours, base: x.oldStart, x.oldCount, ours: x.newStart, x.newCount, theirs: x.oldStart + theirs.count - base.count, x.oldCount)
        }
        for y in theirsHunks {
            append(.theirs, base: y.oldStart, y.oldCount, ours: y.oldStart + ours.count - base.count, y.oldCount, theirs: y.newStart, y.newCount)
        }
        return regions
    }

    /// Lines both sides changed, merged again on other diffs of the same lines (Swift's shortest
    /// edits, changes slid down) — where git's diff made the two sides' changes overlap, these may
    /// keep them apart (base: two blank lines; ours: a paragraph and one blank; theirs: one blank
    /// — both removed a blank line, and ours added the paragraph). The merged lines when every
    /// part is changed by one side only or by both alike, else nil.
    static func realigned(base: [String], ours: [String], theirs: [String]) -> [String]? {
        let toOurs = matches(from: base, to: ours), toTheirs = matches(from: base, to: theirs)
        var output: [String] = []
        var i = 0, j = 0, k = 0  // positions in base, ours, theirs
        while i < base.count || j < ours.count || k < theirs.count {
            // A stable line: unchanged on both sides, and at the current position of each.
            if i < base.count, toOurs[i] == j, toTheirs[i] == k {
                output.append(ours[j])
                i += 1; j += 1; k += 1
                continue
            }
            // The unstable part runs to the next base line both sides kept, in order.
            var next = i
            while next < base.count {
                if let ourLine = toOurs[next], let theirLine = toTheirs[next], ourLine >= j, theirLine >= k { break }
                next += 1
            }
            let ourEnd = next < base.count ? toOurs[next]! : ours.count
            let theirEnd = next < base.count ? toTheirs[next]! : theirs.count
            let (b, o, t) = (base[i..<next], ours[j..<ourEnd], theirs[k..<theirEnd])
            if o.elementsEqual(b) {
                output += t
            } else if t.elementsEqual(b) || o.elementsEqual(t) {
                output += o
            } else {
                return nil
            }
            i = next; j = ourEnd; k = theirEnd
        }
        return output
    }

    /// Lines both sides replaced alike, one side adding more: every base line is gone from both
    /// sides, one side's lines begin or end the other's, and the other's further lines are not
    /// base lines (so they are additions, not lines the shorter side removed). The longer side's
    /// lines, or nil.
    static func sharedReplacement(base: [String], ours: [String], theirs: [String]) -> [String]? {
        let (shorter, longer) = ours.count <= theirs.count ? (ours, theirs) : (theirs, ours)
        guard !shorter.isEmpty, longer.starts(with: shorter) || longer.reversed().starts(with: shorter.reversed()) else { return nil }
        let removed = Set(base)
        return longer.contains(where: removed.contains) ? nil : longer
    }

    /// For each element of `a`, the element of `b` it is matched with by a longest common
    /// subsequence, or nil (words of a paragraph).
    static func matches<Line: Equatable>(from a: [Line], to b: [Line]) -> [Int?] {
        let offsets = a.editOffsets(to: b)
        return matches(from: a, to: b, removed: offsets.removed, inserted: offsets.inserted)
    }

    /// For each line of `a`, its line in `b`, given the lines the diff removed from `a` and
    /// inserted into `b`.
    static func matches<Line: Equatable>(from a: [Line], to b: [Line], removed: Set<Int>, inserted: Set<Int>) -> [Int?] {
        var (removed, inserted) = (removed, inserted)
        // Like git's xdiff, slide each run of changed lines down as far as equal lines allow, so
        // that ambiguous changes are placed where git places them.
        slideDown(&removed, in: a)
        slideDown(&inserted, in: b)
        var result = [Int?](repeating: nil, count: a.count)
        var j = 0
        for i in a.indices where !removed.contains(i) {
            while inserted.contains(j) { j += 1 }
            result[i] = j
            j += 1
        }
        return result
    }
}

/// A line compared and hashed by its UTF-8 bytes: a merge keeps bytes, and skipping Unicode
/// normalisation makes hashing Chinese lines several times cheaper. The bytes are mixed into a
/// 64-bit word once, when the key is made; hashing feeds the hasher that word, and equality
/// compares it before the bytes.
struct LineKey: Hashable {
    let text: Substring
    let word: UInt64

    init(_ text: String) { self.init(text[...]) }

    init(_ text: Substring) {
        self.text = text
        var copy = text
        word = copy.withUTF8 { Self.hash(UnsafeRawBufferPointer($0)) }
    }

    /// The bytes mixed into one word, 8 at a time (the same for `NumberedLines` and `Verifier`,
    /// which hash byte ranges without making a key).
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(raw.count)
        var index = 0
        while index + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
            index += 8
        }
        while index < raw.count {
            hash = (hash ^ UInt64(raw[index])) &* 0x0000_0100_0000_01B3
            index += 1
        }
        return hash
    }

    static func == (a: LineKey, b: LineKey) -> Bool {
        guard a.word == b.word, a.text.utf8.count == b.text.utf8.count else { return false }
        var (x, y) = (a.text, b.text)
        return x.withUTF8 { p in y.withUTF8 { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(word)
    }
}

extension Array where Element: Equatable {
    /// How many elements this array and `other` begin with alike, and how many they then end
    /// with alike.
    func commonEnds(with other: [Element]) -> (prefix: Int, suffix: Int) {
        let shorter = Swift.min(count, other.count)
        var prefix = 0
        while prefix < shorter, self[prefix] == other[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix, self[count - 1 - suffix] == other[other.count - 1 - suffix] { suffix += 1 }
        return (prefix, suffix)
    }
}

extension StringProtocol {
    /// Whether the text ends with a line feed, as its last scalar: a CRLF is one Character, so
    /// `hasSuffix("\n")` would say no.
    var endsWithLineBreak: Bool { unicodeScalars.last == "\n" }
}
