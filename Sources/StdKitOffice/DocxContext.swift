import StdKitModel
import StdKitSyntax

/// What the export of one file counts and knows across its documents: bookmark ids (unique in
/// the file, counted in order so that the bytes do not change), the numbering instances, and
/// which documents and items are in the file so that a reference can link to them.
struct DocxContext {
    /// The abstract numberings of `numbering.xml` (DocxStyles writes them).
    enum Abstract: Int { case headings = 0, bullet = 1, decimal = 2 }

    private(set) var nextBookmarkID = 0
    /// The `w:num` instances, in order: numId (from 1) and the abstract numbering it uses.
    private(set) var numbering: [(id: Int, abstract: Abstract)] = []
    /// The ids of the documents in the file.
    let documents: Set<String>
    /// The full ids (`DOC#ITEM`) of the items in the file.
    let items: Set<String>
    /// Document ids by project path, for Markdown links between documents.
    let documentsByPath: [String: String]
    let strings: DocxStrings
    /// Items written, for the summary.
    var itemCount = 0

    init(documents: [Document], strings: DocxStrings) {
        self.documents = Set(documents.compactMap(\.id))
        items = Set(documents.flatMap { $0.items.map(\.fullID) })
        documentsByPath = Dictionary(documents.compactMap { document in document.id.map { (document.path, $0) } },
                                     uniquingKeysWith: { first, _ in first })
        self.strings = strings
    }

    /// A new bookmark id.
    mutating func bookmarkID() -> Int {
        defer { nextBookmarkID += 1 }
        return nextBookmarkID
    }

    /// A new numbering instance of `abstract`, counting from its start.
    mutating func newNumbering(_ abstract: Abstract) -> Int {
        numbering.append((numbering.count + 1, abstract))
        return numbering.count
    }

    /// The bookmark a reference written in document `source` goes to, when its target is in the file.
    func anchor(for reference: ReferenceSyntax, in source: String?) -> String? {
        guard reference.upstream == nil, let document = reference.document ?? source else { return nil }
        if let item = reference.item {
            let full = "\(document)#\(item)"
            return items.contains(full) ? DocxNames.bookmark(for: full) : nil
        }
        return documents.contains(document) ? DocxNames.bookmark(for: document) : nil
    }

    /// The bookmark of the document a relative Markdown link from `path` goes to, when it is in the file.
    func anchor(forLink destination: String, from path: String) -> String? {
        guard !destination.contains("://"), !destination.hasPrefix("#") else { return nil }
        let file = destination.split(separator: "#", maxSplits: 1).first.map(String.init) ?? destination
        guard file.hasSuffix(".md") else { return nil }
        var folder = path.split(separator: "/").dropLast().map(String.init)
        for step in file.split(separator: "/") {
            switch step {
            case ".": continue
            case "..": if !folder.isEmpty { folder.removeLast() }
            default: folder.append(String(step))
            }
        }
        return documentsByPath[folder.joined(separator: "/")].map(DocxNames.bookmark(for:))
    }
}
