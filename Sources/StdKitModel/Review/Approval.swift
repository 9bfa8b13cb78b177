import StdKitSyntax

/// A party's approval of one version of a document, bound to its content by a digest.
public struct Approval: Sendable, Hashable {
    public var party: String
    public var version: String
    public var digest: String
    public var by: String
    public var date: String
    public var note: String?

    public init(party: String, version: String, digest: String, by: String, date: String, note: String? = nil) {
        self.party = party
        self.version = version
        self.digest = digest
        self.by = by
        self.date = date
        self.note = note
    }

    /// The approvals a front matter records, as far as they are well formed.
    public static func recorded(in frontMatter: YAMLNode?) -> [Approval] {
        recorded(list: frontMatter?["approvals"])
    }

    static func recorded(list: YAMLNode?) -> [Approval] {
        (list?.sequence ?? []).compactMap(Approval.init)
    }

    /// One entry of `approvals`, or nil when it names no party.
    public init?(_ node: YAMLNode) {
        guard let party = node["party"]?.scalar else { return nil }
        self.init(party: party, version: node["version"]?.scalar ?? "", digest: node["digest"]?.scalar ?? "",
                  by: node["by"]?.scalar ?? "", date: node["date"]?.scalar ?? "", note: node["note"]?.scalar)
    }

    /// One flow mapping, as `stdkit approve` writes it.
    var yaml: String {
        var fields = [("party", party), ("version", version), ("digest", digest), ("by", by), ("date", date)]
        if let note { fields.append(("note", note)) }
        return "{" + fields.map { "\($0.0): \(YAMLScalar.written($0.1))" }.joined(separator: ", ") + "}"
    }

    /// `text` with `approval` recorded: this party's earlier approval replaced in its place, or the
    /// approval added after the others — every other approval kept as written, with its layout
    /// and comments, and nothing else in the file changed. (An `approvals` list written in flow
    /// style, `[…]`, is rewritten as a block list.) Nil when the front matter cannot be read as
    /// YAML.
    public static func record(_ approval: Approval, in text: String) -> String? {
        let split = FrontMatter(text)
        guard let block = split.entries(file: "approvals") else { return nil }
        let ending = split.opening.hasSuffix("\r\n") ? "\r\n" : "\n"
        var entries = block.entries.map(\.text)
        if let index = block.entries.firstIndex(where: { $0.key == "approvals" }) {
            let existing = block.entries[index]
            entries[index] = replacing(approval, in: existing, ending: ending) ?? {
                var approvals = recorded(list: existing.node).filter { $0.party != approval.party }
                approvals.append(approval)
                return "approvals:" + ending + approvals.map { "  - " + $0.yaml + ending }.joined()
            }()
        } else {
            if let last = entries.last, last.unicodeScalars.last != "\n" { entries[entries.count - 1] += ending }
            entries.append("approvals:" + ending + "  - " + approval.yaml + ending)
        }
        return (split.hasByteOrderMark ? "\u{FEFF}" : "") + split.opening + block.header + entries.joined() + split.closing + split.rest
    }

    /// The `approvals` entry with `approval` in place of the party's earlier one (later
    /// duplicates of it removed), or after the last element, the other elements' lines untouched;
    /// nil when the entry is not a block list whose elements start on lines of their own.
    static func replacing(_ approval: Approval, in entry: FrontMatter.Entry, ending: String) -> String? {
        guard let elements = entry.node.sequence, !elements.isEmpty else { return nil }
        let lines = TextLines.split(entry.text)
        let starts = elements.map { $0.location.line - entry.line }
        guard starts.first ?? 0 > 0, starts == starts.sorted(), Set(starts).count == starts.count, starts.last! < lines.count,
              starts.allSatisfy({ lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("-") }) else { return nil }
        let indent = String(lines[starts[0]].prefix(while: { $0 == " " || $0 == "\t" }))
        let written = indent + "- " + approval.yaml + ending
        // Each element's lines; the last one's trailing blank and comment lines stay after the list.
        var ranges = zip(starts, starts.dropFirst().map { $0 } + [lines.count]).map { $0.0..<$0.1 }
        var tail = ranges[ranges.count - 1].upperBound
        while tail > ranges[ranges.count - 1].lowerBound + 1,
              lines[tail - 1].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || lines[tail - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            tail -= 1
        }
        ranges[ranges.count - 1] = ranges[ranges.count - 1].lowerBound..<tail
        var output = lines[0..<starts[0]].joined()
        var placed = false
        for (element, range) in zip(elements, ranges) {
            guard Approval(element)?.party == approval.party else {
                var text = lines[range].joined()
                if text.unicodeScalars.last != "\n" { text += ending }
                output += text
                continue
            }
            if !placed { output += written }
            placed = true
        }
        if !placed { output += written }
        return output + lines[tail...].joined()
    }
}
