import Foundation
import StdKitSyntax

/// The front matter merged key by key. Each top-level entry keeps the text it was written with;
/// the result follows ours' order of keys, with keys only theirs added placed after the key they
/// follow in theirs. Set-like lists merge as sets; nested mappings and lists keyed by `id` or
/// `party` merge inside, key by key and element by element (`NestedMerge`). A key both sides
/// changed differently is a conflict confined to that key.
struct FrontMatterMerge {
    struct Conflict {
        var line: Int
        /// The key's path: `status`, `courses › COURSE-PLC › hours › theory`.
        var key: String
    }

    var text: String
    var conflicts: [Conflict] = []

    /// One top-level entry: its key, its value as data, and its lines as written.
    struct Entry {
        var key: String
        var value: String
        var node: YAMLNode
        var text: String
        /// The line the key is on, counted from the first line after the opening `---` (1).
        var line = 1
        /// The column `text` starts at on that line: 1, but for a pair cut from a flow mapping.
        var column = 1
    }

    /// A front matter block split into its opening, entries and closing lines.
    struct Block {
        var opening: String
        var header: String
        var entries: [Entry]
        var closing: String

        /// `raw` is a front matter as written, delimiters included (`FrontMatter.block`), split by
        /// `FrontMatter`'s own entries: the merge and the content digest agree on where each
        /// entry starts and ends. Lines and the nodes' places count from the line after the
        /// opening delimiter (1).
        init?(_ raw: String) {
            let frontMatter = FrontMatter(raw)
            guard frontMatter.state == .closed, frontMatter.rest.isEmpty else { return nil }
            // Lines are counted on LF endings (FrontMatter.yaml joins the lines with LF); the
            // entries keep their own.
            guard let split = frontMatter.entries(of: YAMLReader.read(frontMatter.yaml, file: "merge"), firstLine: 1) else { return nil }
            opening = String(frontMatter.opening)
            closing = String(frontMatter.closing)
            header = split.header
            entries = split.entries.map { entry in
                Entry(key: entry.key, value: Self.signature(entry.node), node: entry.node, text: entry.text, line: entry.line)
            }
        }

        /// The value as data: scalars by text, whatever their quoting.
        static func signature(_ node: YAMLNode) -> String {
            switch node.value {
            case .scalar(let text, _): return node.isNull ? "~" : "s:" + text
            case .sequence(let elements): return "[" + elements.map(signature).joined(separator: ",") + "]"
            case .mapping(let pairs): return "{" + pairs.map { signature($0.key) + ":" + signature($0.value) }.joined(separator: ",") + "}"
            }
        }
    }

    static let setLike: Set<String> = ["tags", "parties", "prerequisites", "occupations", "supports", "authors", "levels"]

    init?(base: String, ours: String, theirs: String, markers: LineMerge.Markers) {
        guard let b = Block(base), let o = Block(ours), let t = Block(theirs) else { return nil }
        // Key by key, at any depth (`NestedMerge`): ours' order of keys, with keys theirs added,
        // and keys ours deleted that theirs still has, after the key they follow in theirs.
        let ending = o.opening.hasSuffix("\r\n") ? "\r\n" : "\n"
        guard let entries = NestedMerge.entries(base: b.entries, ours: o.entries, theirs: t.entries, path: [],
                                                context: NestedMerge.Context(markers: markers, ending: ending), setLike: Self.setLike)
        else { return nil }
        var merged = NestedMerge.Merged(text: o.opening + o.header)
        merged.append(entries)
        text = merged.text + o.closing
        conflicts = merged.conflicts
    }

    /// A conflict of whole entries with git's markers, each line ended with `ending` (a CRLF
    /// file's markers end as its lines do, as git writes them).
    static func conflictBlock(ours: String, base: String, theirs: String, markers: LineMerge.Markers, ending: String = "\n") -> String {
        func bar(_ character: Character, _ label: String) -> String {
            String(repeating: character, count: markers.size) + (label.isEmpty ? "" : " " + label) + ending
        }
        func terminated(_ text: String) -> String { text.isEmpty || text.endsWithLineBreak ? text : text + ending }
        return bar("<", markers.ours) + terminated(ours) + bar("|", markers.base) + terminated(base)
            + String(repeating: "=", count: markers.size) + ending + terminated(theirs) + bar(">", markers.theirs)
    }

    /// A set-like list merged as a set, written in ours' style (flow `[a, b]` or block lines).
    static func mergeSet(key: String, base: Entry?, ours: Entry?, theirs: Entry?) -> String? {
        func elements(_ entry: Entry?) -> [String]? {
            guard let entry else { return [] }
            if entry.node.isNull { return [] }
            return entry.node.sequence.map { $0.compactMap(\.scalar) }
        }
        // A side that deleted the key did not remove elements: delete against edit is a conflict.
        guard let ours, theirs != nil || base == nil, let b = elements(base), let o = elements(ours), let t = elements(theirs) else { return nil }
        var result = o.filter { !(b.contains($0) && !t.contains($0)) }  // theirs' removals
        for element in t where !b.contains(element) && !result.contains(element) { result.append(element) }
        let written = result.map(YAMLScalar.written)
        let firstLine = ours.text.prefix { $0 != "\n" }
        if firstLine.contains("[") || ours.node.sequence?.isEmpty == true {
            let indentation = firstLine.prefix { $0 == " " }
            return "\(indentation)\(key): [\(written.joined(separator: ", "))]\n"
        }
        let itemLine = LineMerge.lines(ours.text).dropFirst().first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("-") } ?? "  - "
        let itemIndentation = itemLine.prefix { $0 == " " }
        return "\(firstLine)\n" + written.map { "\(itemIndentation)- \($0)\n" }.joined()
    }
}
