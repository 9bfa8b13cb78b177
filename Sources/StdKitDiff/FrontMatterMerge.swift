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

        init?(_ raw: String) {
            let lines = LineMerge.lines(raw)
            guard lines.count >= 2 else { return nil }
            opening = lines[0]
            closing = lines[lines.count - 1]
            let inner = Array(lines[1..<(lines.count - 1)])
            // Lines are counted on LF endings (a CRLF is one Character); the entries keep their own.
            let result = YAMLReader.read(inner.map { $0.hasSuffix("\r\n") ? String($0.dropLast()) + "\n" : $0 }.joined(), file: "merge")
            guard result.diagnostics.isEmpty else { return nil }
            let pairs = result.root?.mapping ?? []
            guard result.root == nil || result.root?.mapping != nil else { return nil }
            // Entries start on their key's line; comments and blank lines before the first key
            // are the header, those after an entry belong to it.
            let starts = pairs.map { $0.key.location.line - 1 }
            guard starts.allSatisfy({ $0 >= 0 && $0 < inner.count }), starts == starts.sorted() else { return nil }
            header = inner[0..<(starts.first ?? inner.count)].joined()
            entries = []
            for (index, pair) in pairs.enumerated() {
                guard let key = pair.key.scalar else { return nil }
                let end = index + 1 < starts.count ? starts[index + 1] : inner.count
                // A key written twice cannot be merged by key.
                if entries.contains(where: { $0.key == key }) { return nil }
                entries.append(Entry(key: key, value: Self.signature(pair.value), node: pair.value, text: inner[starts[index]..<end].joined(),
                                     line: starts[index] + 1))
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

        func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }
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
