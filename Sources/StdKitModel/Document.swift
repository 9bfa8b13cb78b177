import StdKitSyntax

/// One Markdown file of a project with what stdkit understands of it.
///
/// A value, held in one shared box until it is changed (copy on write): a project's
/// documents are passed around, filtered and collected by every rule, and copying seventeen
/// fields each time was a tenth of a check.
public struct Document: Sendable {
    private final class Storage: @unchecked Sendable {
        // Safe: a box is changed only through a `Document` that holds the only reference to it
        // (`mutable`); a shared box is copied first.
        var path: String
        var text: String
        var id: String?
        var kind: String
        var title: String?
        var version: String?
        var status: String?
        var owner: String?
        var parties: [String]
        var frontMatter: YAMLNode?
        var sections: [Section]
        var items: [Item]
        var references: [Reference]
        var links: [LinkSyntax]
        var hasByteOrderMark: Bool
        var lineEnding: String
        var suppressions: [Int: Set<String>]
        var diagnostics: [Diagnostic]
        var body: MarkdownNode?

        init(path: String, text: String, id: String?, kind: String, title: String?, version: String?, status: String?, owner: String?, parties: [String], frontMatter: YAMLNode?, sections: [Section], items: [Item], references: [Reference], links: [LinkSyntax], hasByteOrderMark: Bool, lineEnding: String, suppressions: [Int: Set<String>], diagnostics: [Diagnostic], body: MarkdownNode?) {
            self.path = path
            self.text = text
            self.id = id
            self.kind = kind
            self.title = title
            self.version = version
            self.status = status
            self.owner = owner
            self.parties = parties
            self.frontMatter = frontMatter
            self.sections = sections
            self.items = items
            self.references = references
            self.links = links
            self.hasByteOrderMark = hasByteOrderMark
            self.lineEnding = lineEnding
            self.suppressions = suppressions
            self.diagnostics = diagnostics
            self.body = body
        }

        func copy() -> Storage {
            Storage(path: path, text: text, id: id, kind: kind, title: title, version: version, status: status, owner: owner, parties: parties, frontMatter: frontMatter, sections: sections, items: items, references: references, links: links, hasByteOrderMark: hasByteOrderMark, lineEnding: lineEnding, suppressions: suppressions, diagnostics: diagnostics, body: body)
        }
    }

    private var storage: Storage

    /// The box, copied first if another document shares it. Changes go through `_modify`, in
    /// place: `document.items[i].x = y` must not copy the array of items.
    private var mutable: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    init(path: String, text: String, id: String?, kind: String, title: String?, version: String?, status: String?, owner: String?, parties: [String], frontMatter: YAMLNode?, sections: [Section], items: [Item], references: [Reference], links: [LinkSyntax], hasByteOrderMark: Bool, lineEnding: String, suppressions: [Int: Set<String>], diagnostics: [Diagnostic], body: MarkdownNode? = nil) {
        storage = Storage(path: path, text: text, id: id, kind: kind, title: title, version: version, status: status, owner: owner, parties: parties, frontMatter: frontMatter, sections: sections, items: items, references: references, links: links, hasByteOrderMark: hasByteOrderMark, lineEnding: lineEnding, suppressions: suppressions, diagnostics: diagnostics, body: body)
    }

    /// Which box the document is held in: two documents share one until either is changed
    /// (tests hold `Project.replacing` to leaving the untouched documents' boxes alone).
    var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// The path relative to the project root, with `/`.
    public var path: String {
        get { storage.path }
        _modify { yield &mutable.path }
    }
    /// The file's text, as read (without a byte-order mark).
    public var text: String {
        get { storage.text }
        _modify { yield &mutable.text }
    }
    /// The id from front matter (nil for a page without one, or an unreadable id).
    public var id: String? {
        get { storage.id }
        _modify { yield &mutable.id }
    }
    /// `job-profile`, `course`, …, or `page` for a file without a kind.
    public var kind: String {
        get { storage.kind }
        _modify { yield &mutable.kind }
    }
    public var title: String? {
        get { storage.title }
        _modify { yield &mutable.title }
    }
    public var version: String? {
        get { storage.version }
        _modify { yield &mutable.version }
    }
    public var status: String? {
        get { storage.status }
        _modify { yield &mutable.status }
    }
    public var owner: String? {
        get { storage.owner }
        _modify { yield &mutable.owner }
    }
    public var parties: [String] {
        get { storage.parties }
        _modify { yield &mutable.parties }
    }
    public var frontMatter: YAMLNode? {
        get { storage.frontMatter }
        _modify { yield &mutable.frontMatter }
    }
    public var sections: [Section] {
        get { storage.sections }
        _modify { yield &mutable.sections }
    }
    public var items: [Item] {
        get { storage.items }
        _modify { yield &mutable.items }
    }
    /// References written in front-matter fields.
    public var references: [Reference] {
        get { storage.references }
        _modify { yield &mutable.references }
    }
    /// Links and images of the body.
    public var links: [LinkSyntax] {
        get { storage.links }
        _modify { yield &mutable.links }
    }
    public var hasByteOrderMark: Bool {
        get { storage.hasByteOrderMark }
        _modify { yield &mutable.hasByteOrderMark }
    }
    public var lineEnding: String {
        get { storage.lineEnding }
        _modify { yield &mutable.lineEnding }
    }
    /// Lines exempted from rules by `<!-- stdkit-disable-next-line … -->`.
    public var suppressions: [Int: Set<String>] {
        get { storage.suppressions }
        _modify { yield &mutable.suppressions }
    }
    /// What went wrong reading the file (syntax).
    public var diagnostics: [Diagnostic] {
        get { storage.diagnostics }
        _modify { yield &mutable.diagnostics }
    }

    /// The Markdown body as parsed when the document was read, when the loader was asked to keep
    /// it (`ProjectLoader.load(…keepingBodies: true)`), else nil; the site renders it rather than
    /// parse the text again.
    ///
    /// Kept only on request: a tree takes about five times the memory of its text, and a project
    /// is held whole. Kept for every document of powershell-docs (94 MB of Markdown), the trees
    /// took a build from 250 MB to 720 MB at its peak and saved no time, so `check` and `build`
    /// drop them; a caller that holds few documents and renders them often (an editor) keeps them.
    public var body: MarkdownNode? {
        get { storage.body }
        _modify { yield &mutable.body }
    }

    /// Whether this is a plain page (no kind): checked for Markdown hygiene only.
    public var isPage: Bool { kind == "page" }

    /// The item with local id `id`.
    public func item(_ id: String) -> Item? {
        items.first(where: { $0.id == id })
    }

    /// The section an item is written in: the last heading before it that is not itself an
    /// item (a unit's heading `### **U1** …` is an item, not a section).
    public func section(of item: Item) -> Section? {
        sections.last(where: { $0.itemID == nil && $0.location.line < item.location.line })
    }

    /// Where a front-matter field's value was written, else where its key was, else line 1.
    public func location(ofField name: String) -> SourceLocation {
        frontMatter?[name]?.location ?? frontMatter?.location ?? .start
    }

    /// Every reference of the document: front matter first, then items in order.
    public var allReferences: [Reference] {
        references + items.flatMap(\.references)
    }
}
