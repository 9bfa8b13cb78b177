import Foundation
import StdKitModel
import StdKitSyntax

/// The merge of one document: front matter key by key (set-like lists as sets, untouched entries
/// and comments byte for byte from ours), the body line by line — with concurrent insertions of
/// items, sections and rows kept (`BlockInsertions`), lines both changed merged in pieces
/// (`LineRefinement`, `ParagraphMerge`) and reordered items or sections aligned (`Reorder`) —
/// then a verifier that proves nothing either side wrote was dropped. Front matter on some sides
/// only is merged as text with the body. Whatever it cannot do safely — conflict markers or
/// invalid YAML in an input, a failed proof — falls back to the line merge of the whole file, and
/// says so.
public enum DocumentMerge {
    public static func merge(base: String, ours: String, theirs: String, markers: LineMerge.Markers = LineMerge.Markers()) -> MergeResult {
        func fallback(_ reason: String) -> MergeResult {
            MergeResult(lines: LineMerge(base: base, ours: ours, theirs: theirs, markers: markers), fallback: reason + "; merged line by line")
        }
        let marked = Parallel.map([base, ours, theirs], hasConflictMarkers)
        for (name, hasMarkers) in zip(["base", "ours", "theirs"], marked) where hasMarkers {
            return fallback("\(name) already holds conflict markers")
        }
        var parts = [base, ours, theirs].map(FrontMatter.init)
        // A file both sides added (git's add/add) has an empty base: two additions to nothing.
        if parts[0].block == nil, String(parts[0].rest).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
           parts[1].block != nil, parts[2].block != nil {
            parts[0] = FrontMatter((parts[1].hasByteOrderMark ? "\u{FEFF}" : "") + "---\n---\n")
        }
        // Front matter on some sides only (one added or removed it, or wrote ` ---` where the
        // others have `---`): the files are merged whole, their front-matter lines as text —
        // line by line and in pieces like any body, and proved the same way.
        let whole = !(parts.allSatisfy({ $0.block == nil }) || parts.allSatisfy({ $0.block != nil }))
        if whole { parts = [base, ours, theirs].map(Self.whole) }
        let bodies = parts.map(\.rest)  // read in place: copying three bodies of a megabyte shows
        guard parts[1].hasByteOrderMark == parts[2].hasByteOrderMark || parts[0].block == nil else {
            return fallback("one side added or removed a byte-order mark")
        }
        var text = parts[1].hasByteOrderMark ? "\u{FEFF}" : ""
        var conflicts: [MergeResult.Conflict] = []
        if let b = parts[0].block, let o = parts[1].block, let t = parts[2].block {
            guard let merged = FrontMatterMerge(base: String(b), ours: String(o), theirs: String(t), markers: markers) else {
                return fallback("front matter is not valid YAML on some side")
            }
            text += merged.text
            conflicts = merged.conflicts.map { MergeResult.Conflict(line: $0.line, place: "front matter `\($0.key)`") }
        }
        let prefixLines = LineMerge.lines(text).count
        let blocks = BlockInsertions(oursBody: bodies[1], theirsBody: bodies[2])
        // Code is not prose: a line inside a code block on either side is never merged by pieces.
        let mergeBodies = { (base: Substring, ours: Substring, theirs: Substring) in
            LineMerge(base: base, ours: ours, theirs: theirs, markers: markers, writeSameLinesOnce: true,
                      resolveInsertions: { blocks.resolve(ours: $0, theirs: $1) },
                      resolveChange: { base, ours, theirs in
                          if let lines = LineMerge.realigned(base: base, ours: ours, theirs: theirs)
                              ?? LineMerge.sharedReplacement(base: base, ours: ours, theirs: theirs) { return .separate(lines) }
                          guard !(ours + theirs).contains(where: blocks.codeLines.contains) else { return nil }
                          if base.count == 1, ours.count == 1, theirs.count == 1 {
                              if let line = LineRefinement.merge(base: base[0], ours: ours[0], theirs: theirs[0]) { return .merged([line]) }
                              return LineRefinement.narrow(base: base[0], ours: ours[0], theirs: theirs[0])
                          }
                          if let resolution = LineRefinement.mergeAligned(base: base, ours: ours, theirs: theirs) { return resolution }
                          return ParagraphMerge.merge(base: base, ours: ours, theirs: theirs).map { .merged($0) }
                      })
        }
        var body = mergeBodies(bodies[0], bodies[1], bodies[2])
        var reorderNote: [String] = []
        // One side reordered items or sections the other edited: merge the edits in the new order.
        for kind in Reorder.kinds where !body.conflicts.isEmpty {
            guard let aligned = Reorder.align(kind, base: String(bodies[0]), ours: String(bodies[1]), theirs: String(bodies[2])) else { continue }
            let retry = mergeBodies(aligned.base[...], aligned.ours[...], aligned.theirs[...])
            if retry.conflicts.count < body.conflicts.count {
                body = retry
                reorderNote = ["\(aligned.reordered) reordered \(kind.name); the other side's edits to them are merged at their new places"]
            }
        }
        // The merged body's lines name the places of conflicts and merged text; a clean merge of
        // lines one side changed has neither, and is not split again.
        let bodyLines = body.conflicts.isEmpty && body.refinedLines.isEmpty ? [] : LineMerge.lines(body.text)
        for conflict in body.conflicts {
            conflicts.append(MergeResult.Conflict(line: prefixLines + conflict.line, place: MergeResult.place(of: conflict, in: bodyLines)))
        }
        text += body.text
        var result = MergeResult(text: text, conflicts: conflicts)
        result.notes = reorderNote + body.notes + body.refinedLines.map { line in
            "line \(prefixLines + line) (\(MergeResult.place(ofLine: line, in: bodyLines))): both sides changed different parts of the same text; both changes are kept — please read it"
        }
        result.rewritten = body.rewritten
        if whole { result.notes.insert("front matter is on one side only: the files were merged whole, its lines as text", at: 0) }
        guard verify(parts: parts, result: text, rewritten: body.rewritten, whole: whole) else {
            return fallback("the structured merge could not prove that nothing was lost")
        }
        // Never less clean than git: a conflict the line merge (git's, byte for byte) does not
        // have is not kept — git's clean merge is written instead.
        if !result.conflicts.isEmpty {
            let lines = LineMerge(base: base, ours: ours, theirs: theirs, markers: markers)
            if lines.conflicts.isEmpty {
                var merged = MergeResult(lines: lines, fallback: "the structured merge left conflicts that a line merge does not; merged line by line")
                merged.notes = Self.repeatedEntries(in: merged.text, notIn: [ours, theirs])
                return merged
            }
        }
        return result
    }

    /// What a line merge can write that no side had: one entry of a keyed list (`courses` by
    /// `id`, `approvals` by `party`) twice — both sides added it, differently, at different
    /// places. Git's clean result is kept (never less clean than git), and each such entry is
    /// named so that the author keeps one.
    static func repeatedEntries(in text: String, notIn sides: [String]) -> [String] {
        /// An element id that stands more than once in a top-level list.
        struct Repeat: Hashable, Comparable {
            var list: String
            var id: String
            static func < (lhs: Repeat, rhs: Repeat) -> Bool { (lhs.list, lhs.id) < (rhs.list, rhs.id) }
        }
        func repeats(_ text: String) -> Set<Repeat> {
            guard let pairs = FrontMatter(text).read(file: "merge")?.root?.mapping else { return [] }
            var found: Set<Repeat> = []
            for pair in pairs {
                guard let list = pair.key.scalar, let elements = pair.value.sequence else { continue }
                for field in NestedMerge.keyFields {
                    var counts: [String: Int] = [:]
                    for element in elements { if let id = element[field]?.scalar { counts[id, default: 0] += 1 } }
                    for (id, count) in counts where count > 1 { found.insert(Repeat(list: list, id: id)) }
                }
            }
            return found
        }
        let already = sides.reduce(into: Set<Repeat>()) { $0.formUnion(repeats($1)) }
        return repeats(text).subtracting(already).sorted().map { entry in
            "\(entry.id) is listed twice in '\(entry.list)': both sides added it, differently; keep one"
        }
    }

    /// Whether `result` keeps everything ours and theirs wrote (see `Verifier`).
    public static func verify(base: String, ours: String, theirs: String, result: MergeResult) -> Bool {
        var parts = [base, ours, theirs].map(FrontMatter.init)
        if parts[0].block == nil, parts[1].block != nil {
            parts[0] = FrontMatter((parts[0].hasByteOrderMark ? "\u{FEFF}" : "") + "---\n---\n" + String(parts[0].rest))
        }
        return verify(parts: parts, result: result.text, rewritten: result.rewritten)
    }

    /// A text read as having no front matter: all of it, byte-order mark included, is body.
    static func whole(_ text: String) -> FrontMatter {
        var part = FrontMatter("")
        part.rest = text[...]
        return part
    }

    static func verify(parts: [FrontMatter], result: String, rewritten: [String: String] = [:], whole: Bool = false) -> Bool {
        let merged = whole ? Self.whole(result) : FrontMatter(result)
        // A renumbered item counts as kept: its line is read as the side wrote it.
        var body = merged.rest
        // Each rewritten text stands once for what it replaced: a second copy is not explained by
        // it (a merge that wrote it twice falls back to lines rather than prove too much).
        if !rewritten.isEmpty {
            var copy = String(body)
            for (original, line) in rewritten {
                if let range = copy.range(of: line) { copy.replaceSubrange(range, with: original) }
            }
            body = copy[...]
        }
        return Verifier.nothingLost(base: parts[0].rest, ours: parts[1].rest, theirs: parts[2].rest, result: body)
            && Verifier.frontMatterKept(base: parts[0].block.map(String.init), ours: parts[1].block.map(String.init),
                                        theirs: parts[2].block.map(String.init), result: merged.block.map(String.init))
    }

    /// Whether a line of `text` is a conflict marker (`<<<<<<< `, `||||||| `, `=======` alone,
    /// `>>>>>>> `): one pass over the bytes, looking only at line starts.
    static func hasConflictMarkers(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var start = 0
            while start < count {
                let first = bytes[start]
                if first == UInt8(ascii: "<") || first == UInt8(ascii: ">") || first == UInt8(ascii: "|") || first == UInt8(ascii: "=") {
                    var run = start
                    while run < count, bytes[run] == first { run += 1 }
                    if run - start == 7 {
                        let next: UInt8? = run < count ? bytes[run] : nil
                        if first == UInt8(ascii: "=") {
                            if next == nil || next == UInt8(ascii: "\n") || (next == UInt8(ascii: "\r") && (run + 1 == count || bytes[run + 1] == UInt8(ascii: "\n"))) { return true }
                        } else if next == UInt8(ascii: " ") {
                            return true
                        }
                    }
                }
                // The next line.
                guard let base = bytes.baseAddress, let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), count - start) else { break }
                start = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
            }
            return false
        }
    }
}

/// Proves that a merge lost nothing, line by line (by content: see `contentLines`): the copies of
/// a line that both sides kept from the base, and the copies either side added, are in the
/// result — a line both added is there at least once; a base line one side deleted and the other
/// kept may be gone. Counts cannot tell which copy a side kept, so the result must hold the
/// fewest copies any reading of the counts requires (`needed`). Where the sides disagree the
/// result holds a conflict, whose sections hold both sides' lines.
enum Verifier {
    /// The copies of a line the result must hold, when the base has it `b` times, ours `o`,
    /// theirs `t`: the least, over every way of reading a side's copies as k kept from the base
    /// and the rest added, of (copies both kept, at least k_o + k_t − b) + (copies added, at
    /// least the larger side's). With M the larger number added, the least is at A = min(M, o),
    /// B = min(M, t), for M from the fewest each side must have added up.
    static func needed(base b: Int, ours o: Int, theirs t: Int) -> Int {
        var least = Int.max
        for added in max(0, o - b, t - b)...max(o, t, 0) {
            least = min(least, added + max(0, o + t - b - min(added, o) - min(added, t)))
            if o + t - b - min(added, o) - min(added, t) <= 0 { break }  // larger M only adds
        }
        return least
    }

    static func nothingLost(base: String, ours: String, theirs: String, result: String) -> Bool {
        nothingLost(base: base[...], ours: ours[...], theirs: theirs[...], result: result[...])
    }

    static func nothingLost(base: Substring, ours: Substring, theirs: Substring, result: Substring) -> Bool {
        // Each text's content lines as byte ranges with their hashes (no `String` per line), one
        // text per core.
        let texts = [base, ours, theirs, result].map { text in
            var text = text
            text.makeContiguousUTF8()
            return text
        }
        let lines = Parallel.map(texts) { text in
            var text = text
            return text.withUTF8 { bytes in
                contentLineBounds(bytes).map { bounds in
                    (bounds, LineKey.hash(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[bounds])))
                }
            }
        }
        // One table: each line's copies in base, ours, theirs and the result. (Every line counts:
        // the bound is not shifted by lines all four share, so none can be left out.)
        var table = ByteLineTable(capacity: lines.reduce(0) { $0 + $1.count })
        var counts: [SIMD4<Int32>] = []
        counts.reserveCapacity(lines[0].count + 64)
        withBuffers(texts[...], []) { buffers in
            for (index, text) in lines.enumerated() {
                for (bounds, hash) in text {
                    let number = table.number(hash: hash, text: index, bytes: bounds, in: buffers)
                    if number == counts.count { counts.append(.zero) }
                    counts[number][index] += 1
                }
            }
        }
        for count in counts where count[3] < needed(base: Int(count[0]), ours: Int(count[1]), theirs: Int(count[2])) {
            return false
        }
        return true
    }

    /// `body` with the UTF-8 bytes of every text (each contiguous already, so nothing is copied).
    private static func withBuffers<Result>(_ texts: ArraySlice<Substring>, _ buffers: [UnsafeBufferPointer<UInt8>],
                                            _ body: ([UnsafeBufferPointer<UInt8>]) -> Result) -> Result {
        guard var first = texts.first else { return body(buffers) }
        return first.withUTF8 { withBuffers(texts.dropFirst(), buffers + [$0], body) }
    }

    /// Every change ours and theirs made to the front matter is in the result — a value set, a
    /// key added or removed, at any depth; an element of a list keyed by `id` or `party` added,
    /// edited or removed; an element added to a set-like list — or inside a conflict (the result
    /// with its conflicts resolved to that side holds it); a value both left as in the base is in
    /// the result as it was (`FrontMatterProof`).
    static func frontMatterKept(base: String?, ours: String?, theirs: String?, result: String?) -> Bool {
        FrontMatterProof.kept(base: base, ours: ours, theirs: theirs, result: result)
    }

    /// White space around a line's content (a carriage return ends a line).
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// The lines of `text` that carry content, in order: leading and trailing white space and
    /// the line ending dropped; blank lines and a lone `---` or `...` (YAML and Markdown
    /// punctuation) carry no content to lose and are left out.
    static func contentLines(_ text: String) -> [LineKey] {
        var text = text
        text.makeContiguousUTF8()
        let bounds = text.withUTF8(contentLineBounds)
        let utf8 = text.utf8
        return bounds.map { range in
            LineKey(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
    }

    /// The byte ranges of the content lines of `bytes` (see `contentLines`), in order.
    static func contentLineBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var bounds: [Range<Int>] = []
        guard let base = bytes.baseAddress else { return bounds }
        var start = 0
        while start < bytes.count {
            let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            // Leading and trailing white space and the line ending do not count.
            var end = newline, first = start
            while end > first, Self.isSpace(bytes[end - 1]) { end -= 1 }
            while first < end, bytes[first] != UInt8(ascii: "\r"), Self.isSpace(bytes[first]) { first += 1 }
            let isRule = end - first == 3 && (bytes[first] == UInt8(ascii: "-") || bytes[first] == UInt8(ascii: "."))
                && bytes[first + 1] == bytes[first] && bytes[first + 2] == bytes[first]
            if end > first, !isRule { bounds.append(first..<end) }
            start = newline + 1
        }
        return bounds
    }
}
