import Foundation
import StdKitSyntax

/// The merge of front-matter entries key by key, at any depth: the entries of a block mapping
/// (`hours:` with `theory:` and `practice:` on lines of their own), the pairs of a mapping written
/// on one line in flow style (`hours: {theory: 32, practice: 32}`), and the elements of a list of
/// mappings keyed by `id` (a programme's `courses:`) or by `party` (`approvals:`), matched by that
/// key. Every piece keeps the text a side wrote it with, so that untouched keys keep their
/// formatting and comments; only the same key changed two ways is a conflict, confined to that
/// key's lines (or to the one line of a flow mapping, the smallest piece that is still valid YAML
/// between markers). Whatever it cannot split safely is left to the caller, which treats the
/// entry as one piece, as before.
enum NestedMerge {
    typealias Entry = FrontMatterMerge.Entry

    /// The markers of conflicts and the line ending they are written with.
    struct Context {
        var markers: LineMerge.Markers
        var ending: String
    }

    /// A merged piece of text and the conflicts in it, each at its 1-based line in `text`.
    struct Merged {
        var text = ""
        var conflicts: [FrontMatterMerge.Conflict] = []

        mutating func append(_ other: Merged) {
            let offset = LineMerge.lines(text).count
            text += other.text
            conflicts += other.conflicts.map { FrontMatterMerge.Conflict(line: $0.line + offset, key: $0.key) }
        }
    }

    /// The place a conflict is named by: `courses › COURSE-PLC › hours › theory`.
    static func name(_ path: [String]) -> String { path.joined(separator: " › ") }

    /// Ours' order of keys, with keys only theirs has placed after the key they follow in theirs
    /// (at the front when none does). With `oursFirst`, after what ours inserted there too (both
    /// sides' insertions at one place kept, ours first, as in the body).
    static func order(ours: [String], theirs: [String], oursFirst: Bool = false) -> [String] {
        var order = ours
        var known = Set(order)
        let inTheirs = Set(theirs)
        for (index, key) in theirs.enumerated() where !known.contains(key) {
            let after = theirs[..<index].last { known.contains($0) }
            var position = after.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            while oursFirst, position < order.count, !inTheirs.contains(order[position]) { position += 1 }
            order.insert(key, at: position)
            known.insert(key)
        }
        return order
    }

    /// The entries of one mapping merged key by key (see `entry`). With `pinnedFirst`, the first
    /// entry carries the list element's dash: it must be the same key on every side, and stays
    /// first; nil when it is not.
    static func entries(base: [Entry], ours: [Entry], theirs: [Entry], path: [String], context: Context,
                        setLike: Set<String>, pinnedFirst: Bool = false) -> Merged? {
        if pinnedFirst {
            guard let first = ours.first?.key, base.first?.key == first, theirs.first?.key == first else { return nil }
        }
        guard Set(base.map(\.key)).count == base.count, Set(ours.map(\.key)).count == ours.count,
              Set(theirs.map(\.key)).count == theirs.count else { return nil }
        let (b, o, t) = (index(base), index(ours), index(theirs))
        var merged = Merged()
        for key in order(ours: ours.map(\.key), theirs: theirs.map(\.key)) {
            merged.append(entry(key: key, base: b[key], ours: o[key], theirs: t[key], path: path + [key], context: context,
                                setLike: setLike.contains(key) && !(pinnedFirst && key == ours.first?.key)))
        }
        return merged
    }

    static func index(_ entries: [Entry]) -> [String: Entry] {
        Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// One entry merged: the side that changed it, or both sides' changes merged inside it, or a
    /// conflict of the whole entry. Empty text when it is gone.
    static func entry(key: String, base bv: Entry?, ours ov: Entry?, theirs tv: Entry?, path: [String], context: Context,
                      setLike: Bool = false) -> Merged {
        var chosen: String?
        if ov?.text == tv?.text || ov?.text == bv?.text {
            // Identical on both sides; or ours left the entry as it was: theirs' text, with any
            // change of value or of formatting theirs made.
            chosen = ov?.text == tv?.text ? ov?.text : tv?.text
        } else if tv?.text == bv?.text || ov?.value == tv?.value || tv?.value == bv?.value {
            chosen = ov?.text  // only ours changed it (or both made the same data of it)
        } else if ov?.value == bv?.value {
            chosen = tv?.text  // ours only reformatted it; theirs changed the value
        } else if setLike, let merged = FrontMatterMerge.mergeSet(key: key, base: bv, ours: ov, theirs: tv) {
            chosen = merged
        } else if let bv, let ov, let tv, let merged = nested(base: bv, ours: ov, theirs: tv, path: path, context: context) {
            return merged
        } else {
            return conflict(base: bv, ours: ov, theirs: tv, path: path, context: context)
        }
        guard let chosen else { return Merged() }
        return Merged(text: chosen.endsWithLineBreak ? chosen : chosen + context.ending)
    }

    static func conflict(base: Entry?, ours: Entry?, theirs: Entry?, path: [String], context: Context) -> Merged {
        Merged(text: FrontMatterMerge.conflictBlock(ours: ours?.text ?? "", base: base?.text ?? "", theirs: theirs?.text ?? "",
                                                    markers: context.markers, ending: context.ending),
               conflicts: [FrontMatterMerge.Conflict(line: 1, key: name(path))])
    }

    /// Both sides' changes to one entry merged inside it, or nil when its value is not split the
    /// same way on every side (the caller makes the whole entry a conflict).
    static func nested(base: Entry, ours: Entry, theirs: Entry, path: [String], context: Context) -> Merged? {
        let sides = [base, ours, theirs]
        if sides.allSatisfy({ $0.node.mapping != nil }) {
            let blocks = sides.compactMap(blockMapping)
            if blocks.count == 3 {
                guard let head = threeWay(base: blocks[0].head, ours: blocks[1].head, theirs: blocks[2].head),
                      let body = entries(base: blocks[0].children, ours: blocks[1].children, theirs: blocks[2].children, path: path,
                                         context: context, setLike: [], pinnedFirst: blocks[1].pinned) else { return nil }
                var merged = Merged(text: head)
                merged.append(body)
                return merged
            }
            let flows = sides.compactMap(flowMapping)
            if flows.count == 3 { return flowMerge(base: flows[0], ours: flows[1], theirs: flows[2]).map { Merged(text: $0) } }
            return nil
        }
        if sides.allSatisfy({ $0.node.sequence != nil }) {
            return keyedList(base: base, ours: ours, theirs: theirs, path: path, context: context)
        }
        return nil
    }

    /// Text both sides may have changed, taken from the side that changed it; nil when both did,
    /// differently.
    static func threeWay(base: String, ours: String, theirs: String) -> String? {
        if ours == base { return theirs }
        if theirs == base || theirs == ours { return ours }
        return nil
    }

    // MARK: Block mappings

    /// An entry whose value is a block mapping: the lines before its first key (the entry's own
    /// key line, comments), and each key's lines as an entry. `pinned` when the first key shares
    /// its line with a list element's dash. Nil unless every key starts a line of its own.
    static func blockMapping(_ entry: Entry) -> (head: String, children: [Entry], pinned: Bool)? {
        guard let pairs = entry.node.mapping, !pairs.isEmpty else { return nil }
        let lines = LineMerge.lines(entry.text)
        let starts = pairs.map { $0.key.location.line - entry.line }
        guard starts.allSatisfy({ $0 >= 0 && $0 < lines.count }), zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        for (number, (pair, start)) in zip(pairs, starts).enumerated() {
            guard pair.key.scalar != nil else { return nil }
            let before = String(String.UnicodeScalarView(lines[start].unicodeScalars.prefix(pair.key.location.column - 1)))
            let blank = before.allSatisfy { $0 == " " }
            // The first key of a list element: after its dash.
            let dashed = number == 0 && isDash(before)
            guard blank || dashed else { return nil }
        }
        let pinned = isDash(String(String.UnicodeScalarView(lines[starts[0]].unicodeScalars.prefix(pairs[0].key.location.column - 1))))
        var children: [Entry] = []
        for (index, pair) in pairs.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : lines.count
            children.append(Entry(key: pair.key.scalar!, value: FrontMatterMerge.Block.signature(pair.value), node: pair.value,
                                  text: lines[starts[index]..<end].joined(), line: entry.line + starts[index]))
        }
        return (lines[0..<starts[0]].joined(), children, pinned)
    }

    /// Whether the text before a node is a list element's dash: spaces, `-`, spaces.
    static func isDash(_ before: String) -> Bool {
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        return trimmed == "-" && before.hasSuffix(" ") && before.allSatisfy { $0 == " " || $0 == "-" }
    }

    // MARK: Flow mappings

    /// A mapping written on one line in flow style, cut into the text before its first key, each
    /// `key: value` as written, the separator between them, and the text after its last value.
    struct Flow {
        var opening: String
        var separator: String
        var pairs: [Entry]
        var closing: String
    }

    static func flowMapping(_ entry: Entry) -> Flow? {
        guard let pairs = entry.node.mapping, !pairs.isEmpty else { return nil }
        let lines = LineMerge.lines(entry.text)
        let row = entry.node.location.line - entry.line
        guard row >= 0, row < lines.count,
              pairs.allSatisfy({ $0.key.location.line == entry.node.location.line && $0.value.location.line == entry.node.location.line }),
              pairs.allSatisfy({ $0.key.scalar != nil && $0.value.location.column > $0.key.location.column }) else { return nil }
        let scalars = Array(lines[row].unicodeScalars)
        // Columns of the line; a pair cut from a flow mapping starts at its key's.
        let shift = row == 0 ? entry.column - 1 : 0
        let opening = entry.node.location.column - 1 - shift
        guard opening < scalars.count, scalars[opening] == "{" else { return nil }
        var cuts: [(start: Int, end: Int)] = []
        guard opening >= 0 else { return nil }
        for pair in pairs {
            let start = pair.key.location.column - 1 - shift
            guard start > (cuts.last?.end ?? opening), let end = flowValueEnd(scalars, from: pair.value.location.column - 1 - shift) else { return nil }
            cuts.append((start, end))
        }
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        var separators: [String] = []
        for (left, right) in zip(cuts, cuts.dropFirst()) {
            let between = text(left.end..<right.start)
            guard between.trimmingCharacters(in: .whitespaces) == "," else { return nil }
            separators.append(between)
        }
        let after = text(cuts[cuts.count - 1].end..<scalars.count)
        guard after.trimmingCharacters(in: .whitespaces).hasPrefix("}") else { return nil }
        let entries = zip(pairs, cuts).map { pair, cut in
            Entry(key: pair.key.scalar!, value: FrontMatterMerge.Block.signature(pair.value), node: pair.value,
                  text: text(cut.start..<cut.end), line: entry.node.location.line, column: cut.start + shift + 1)
        }
        return Flow(opening: lines[0..<row].joined() + text(0..<cuts[0].start), separator: separators.first ?? ", ", pairs: entries,
                    closing: after + lines[(row + 1)...].joined())
    }

    /// Where a flow value that starts at `start` ends (before the `,` or closing bracket after
    /// it, and the spaces before that): quoted text and nested brackets skipped.
    static func flowValueEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start, depth = 0, atStart = true
        while index < scalars.count {
            let scalar = scalars[index]
            if atStart, scalar == "\"" || scalar == "'" {
                index += 1
                while index < scalars.count {
                    if scalar == "\"", scalars[index] == "\\" { index += 2; continue }
                    if scalars[index] == scalar {
                        if scalar == "'", index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                        break
                    }
                    index += 1
                }
                guard index < scalars.count else { return nil }
                index += 1
                atStart = false
                continue
            }
            var stop = false
            switch scalar {
            case "{", "[": depth += 1; atStart = true
            case "}", "]":
                stop = depth == 0
                depth -= 1
                atStart = false
            case ",":
                stop = depth == 0
                atStart = true
            case ":": atStart = true
            case " ", "\t": break
            case "#" where index > start && (scalars[index - 1] == " " || scalars[index - 1] == "\t"): return nil  // a comment: not on one line
            default: atStart = false
            }
            if stop { break }
            index += 1
        }
        guard index < scalars.count else { return nil }
        var end = index
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        return end > start ? end : nil
    }

    /// A flow mapping's pairs merged key by key into ours' line, or nil when a key was changed two
    /// ways (one line cannot hold a conflict of its own: the caller makes the entry one).
    static func flowMerge(base: Flow, ours: Flow, theirs: Flow) -> String? {
        guard let opening = threeWay(base: base.opening, ours: ours.opening, theirs: theirs.opening),
              let closing = threeWay(base: base.closing, ours: ours.closing, theirs: theirs.closing) else { return nil }
        let (b, o, t) = (index(base.pairs), index(ours.pairs), index(theirs.pairs))
        guard b.count == base.pairs.count, o.count == ours.pairs.count, t.count == theirs.pairs.count else { return nil }
        var written: [String] = []
        for key in order(ours: ours.pairs.map(\.key), theirs: theirs.pairs.map(\.key)) {
            let (bv, ov, tv) = (b[key], o[key], t[key])
            if ov?.text == tv?.text || ov?.text == bv?.text {
                if let text = (ov?.text == tv?.text ? ov : tv)?.text { written.append(text) }
            } else if tv?.text == bv?.text || ov?.value == tv?.value || tv?.value == bv?.value {
                if let text = ov?.text { written.append(text) }
            } else if ov?.value == bv?.value {
                if let text = tv?.text { written.append(text) }
            } else if let bv, let ov, let tv, let fb = flowMapping(bv), let fo = flowMapping(ov), let ft = flowMapping(tv),
                      let text = flowMerge(base: fb, ours: fo, theirs: ft) {
                written.append(text)  // a flow mapping inside: `hours: {theory: 36, practice: 40}`
            } else {
                return nil
            }
        }
        guard !written.isEmpty else { return nil }
        return opening + written.joined(separator: ours.separator) + closing
    }

    // MARK: Keyed lists

    /// The fields that can identify the elements of a list of mappings, in order of preference:
    /// `id` (courses, elective groups), `party` (approvals).
    static let keyFields = ["id", "party"]

    /// The key that identifies the elements of a list of mappings: the first of `keyFields` that
    /// every element of every side has as a scalar, each value once per side.
    static func listKey(_ lists: [[YAMLNode]]) -> String? {
        for key in keyFields {
            let keyed = lists.allSatisfy { elements in
                let values = elements.compactMap { $0[key]?.scalar }
                return values.count == elements.count && Set(values).count == values.count
            }
            if keyed { return key }
        }
        return nil
    }

    /// A block list's lines before its first element, and its elements as entries named by
    /// `key`; nil unless each element is a mapping whose dash starts a line.
    static func blockList(_ entry: Entry, key: String) -> (head: String, elements: [Entry])? {
        guard let elements = entry.node.sequence, !elements.isEmpty else { return nil }
        let lines = LineMerge.lines(entry.text)
        var starts = elements.map { $0.location.line - entry.line }
        guard starts[0] > 0, starts.last! < lines.count, zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        for (element, start) in zip(elements, starts) {
            guard element.mapping != nil, element[key]?.scalar != nil,
                  isDash(String(String.UnicodeScalarView(lines[start].unicodeScalars.prefix(element.location.column - 1)))) else { return nil }
        }
        // Comment lines between two elements head the next one (`# 专业核心课` above the core
        // courses): they go with it when it moves, and stay when the one before is removed.
        // Only lines indented no deeper than the elements' keys: deeper ones may be text.
        for index in starts.indices.dropFirst() {
            let depth = elements[index].location.column - 1
            var start = starts[index]
            while start - 1 > starts[index - 1] {
                let line = lines[start - 1]
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                guard trimmed.isEmpty || (trimmed.hasPrefix("#") && line.prefix(while: { $0 == " " }).count <= depth) else { break }
                start -= 1
            }
            while start < starts[index], lines[start].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { start += 1 }
            starts[index] = start
        }
        var result: [Entry] = []
        for (index, (element, start)) in zip(elements, starts).enumerated() {
            let id = element[key]?.scalar ?? ""
            let end = index + 1 < starts.count ? starts[index + 1] : lines.count
            result.append(Entry(key: id, value: FrontMatterMerge.Block.signature(element), node: element,
                                text: lines[start..<end].joined(), line: entry.line + start))
        }
        return (lines[0..<starts[0]].joined(), result)
    }

    /// A list of mappings keyed by `id` or `party` merged element by element: ours' order, with
    /// elements theirs added after the element they follow in theirs (after ours' own there); an element one side removed
    /// and the other left alone is removed; removed on one side and edited on the other, or added
    /// on both differently, is a conflict on that element; an element both edited merges key by
    /// key. One side's new order of the elements is kept (the other side's insertions placed in
    /// it). Nil when the list is not keyed, or both reordered it differently.
    static func keyedList(base: Entry, ours: Entry, theirs: Entry, path: [String], context: Context) -> Merged? {
        let nodes = [base, ours, theirs].map { $0.node.sequence ?? [] }
        guard let key = listKey(nodes), let b = blockList(base, key: key), let o = blockList(ours, key: key),
              let t = blockList(theirs, key: key), let head = threeWay(base: b.head, ours: o.head, theirs: t.head) else { return nil }
        let (bi, oi, ti) = (index(b.elements), index(o.elements), index(t.elements))
        let shared = { (elements: [Entry]) in elements.map(\.key).filter { bi[$0] != nil && oi[$0] != nil && ti[$0] != nil } }
        let (sb, so, st) = (shared(b.elements), shared(o.elements), shared(t.elements))
        // One side's new order of the elements both kept is the order; both reordering them
        // differently is for the caller (a conflict of the list).
        guard st == sb || st == so || so == sb else { return nil }
        let ids = st != sb && so == sb
            ? order(ours: t.elements.map(\.key), theirs: o.elements.map(\.key))  // theirs reordered: theirs' order, ours' insertions placed
            : order(ours: o.elements.map(\.key), theirs: t.elements.map(\.key), oursFirst: true)
        var merged = Merged(text: head)
        for id in ids {
            let (bv, ov, tv) = (bi[id], oi[id], ti[id])
            let elementPath = path + [id]
            if let bv, let ov, let tv, ov.text != tv.text, ov.text != bv.text, tv.text != bv.text, ov.value != tv.value,
               tv.value != bv.value, ov.value != bv.value {
                merged.append(element(base: bv, ours: ov, theirs: tv, path: elementPath, context: context))
            } else if bv == nil, let ov, let tv, ov.value != tv.value {
                merged.append(conflict(base: nil, ours: ov, theirs: tv, path: elementPath, context: context))
            } else {
                merged.append(entry(key: id, base: bv, ours: ov, theirs: tv, path: elementPath, context: context))
            }
        }
        return merged
    }

    /// One element both sides edited: key by key when it splits so, else a conflict on it.
    static func element(base: Entry, ours: Entry, theirs: Entry, path: [String], context: Context) -> Merged {
        let sides = [base, ours, theirs]
        let blocks = sides.compactMap(blockMapping)
        if blocks.count == 3, let head = threeWay(base: blocks[0].head, ours: blocks[1].head, theirs: blocks[2].head),
           let body = entries(base: blocks[0].children, ours: blocks[1].children, theirs: blocks[2].children, path: path,
                              context: context, setLike: [], pinnedFirst: blocks[1].pinned) {
            var merged = Merged(text: head)
            merged.append(body)
            return merged
        }
        let flows = sides.compactMap(flowMapping)
        if flows.count == 3, let text = flowMerge(base: flows[0], ours: flows[1], theirs: flows[2]) {
            return Merged(text: text.endsWithLineBreak ? text : text + context.ending)
        }
        return conflict(base: base, ours: ours, theirs: theirs, path: path, context: context)
    }
}
