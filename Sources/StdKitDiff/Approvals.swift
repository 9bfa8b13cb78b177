import StdKitModel
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

    /// `text` with `approval` recorded: the `approvals` entry rewritten with this party's
    /// approval replacing its earlier one (the others kept, in their order) — nothing else in the
    /// file changes. Nil when the front matter cannot be read as YAML.
    public static func record(_ approval: Approval, in text: String) -> String? {
        let parts = DocumentMerge.Parts(text)
        guard let raw = parts.frontMatter, let block = FrontMatterMerge.Block(raw) else { return nil }
        let ending = block.opening.hasSuffix("\r\n") ? "\r\n" : "\n"
        let earlier = recorded(list: block.entry("approvals")?.node)
        var approvals = earlier.filter { $0.party != approval.party }
        approvals.append(approval)
        let entry = "approvals:" + ending + approvals.map { "  - " + $0.yaml + ending }.joined()
        var entries = block.entries.map(\.text)
        if let index = block.entries.firstIndex(where: { $0.key == "approvals" }) {
            entries[index] = entry
        } else {
            if let last = entries.last, !last.endsWithLineBreak { entries[entries.count - 1] += ending }
            entries.append(entry)
        }
        return (parts.bom ? "\u{FEFF}" : "") + block.opening + block.header + entries.joined() + block.closing + parts.body
    }
}

extension Approval {
    /// What changed in `document` since this approval, in one line, from the semantic diff of
    /// the approved text — the newest earlier revision in `history` whose digest is the
    /// approval's. Nil when history does not hold the approved text.
    public func changesSince(in document: Document, project: Project, history: ProjectHistory) -> String? {
        guard let approved = history.earlierTexts(of: document.path).first(where: { ContentDigest.of($0) == digest }) else { return nil }
        let before = ProjectLoader.document(path: document.path, bytes: Array(approved.utf8), schemas: project.schemas)
        let change = Differ(old: project, new: project).compare(before, document)
        return change.reasons.isEmpty ? "no change in meaning: only the version or the layout" : change.reasonSummary()
    }
}
