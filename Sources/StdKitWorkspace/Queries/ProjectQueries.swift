import StdKitModel
import StdKitSyntax

/// The answers to an editor's questions about a project as it is now: what a place refers to,
/// where that is defined and used, what may be typed there, what to show over it, how to rename
/// it, and a document's outline.
///
/// A value over the project (whose documents are built from the editor's open texts) and the
/// links lock's text; `Workspace` makes one for each question. Places are the model's: 1-based
/// lines, columns in Unicode scalars.
struct ProjectQueries {
    var project: Project
    var language: Language
    /// The text of `.stdkit/links.lock` as it is now (the editor's when open), nil when none.
    var linkLock: String?

    init(project: Project, language: Language, linkLock: String?) {
        self.project = project
        self.language = language
        self.linkLock = linkLock
    }

    /// What is written at a place: a reference, an item's own id, or a document's `id:` value.
    enum Subject {
        /// A reference, with the document holding it and where its text is.
        case reference(Reference, in: Document, range: SourceRange)
        /// An item's id where the item is written (`**O1**`).
        case item(Item, in: Document, range: SourceRange)
        /// The value of a document's `id:` field.
        case documentID(Document, range: SourceRange)
    }

    // MARK: - Documents and their texts

    /// The local document at `path`, or an upstream's document seen from the project
    /// (`vendor/ns/…`), whose references and items are read but never renamed.
    func document(atPath path: String) -> Document? {
        if let document = project.document(atPath: path) { return document }
        guard !project.upstreams.isEmpty else { return nil }
        return project.upstreamDocumentsSeen.first(where: { $0.path == path })
    }

    /// Whether `document` is an upstream's (read here, owned elsewhere).
    func isUpstream(_ document: Document) -> Bool {
        project.document(atPath: document.path) == nil
    }

    /// The document a reference's `DOC` part names: the local one, or the upstream's by key.
    func target(_ reference: Reference, from document: Document) -> Document? {
        switch reference.resolution {
        case .document(let id), .item(let id, _): project.document(id)
        default: nil
        }
    }

    // MARK: - What is at a place

    /// The reference, item id or document id written at `location` of `path` (the place just
    /// after the last character counts: an editor's cursor there is on the word).
    func subject(_ path: String, at location: SourceLocation) -> Subject? {
        guard let document = document(atPath: path) else { return nil }
        let buffer = TextBuffer(document.text)
        if let frontMatter = document.frontMatter, location.line <= frontMatterEnd(of: buffer) {
            if let node = frontMatter["id"], let id = document.id, node.location.line == location.line {
                let range = Self.range(ofWritten: id, at: node.location, in: buffer)
                if range.contains(location) || range.upperBound == location { return .documentID(document, range: range) }
            }
            for reference in document.references where reference.syntax.location.line == location.line {
                let range = Self.range(ofWritten: reference.syntax.text, at: reference.syntax.location, in: buffer)
                if range.contains(location) || range.upperBound == location { return .reference(reference, in: document, range: range) }
            }
            return nil
        }
        for item in document.items where item.location.line == location.line || item.references.contains(where: { $0.syntax.location.line == location.line }) {
            let idRange = Self.range(ofWritten: item.id, at: item.location, in: buffer)
            if idRange.contains(location) || idRange.upperBound == location { return .item(item, in: document, range: idRange) }
            for reference in item.references where reference.syntax.location.line == location.line {
                let range = Self.range(ofWritten: reference.syntax.text, at: reference.syntax.location, in: buffer)
                if range.contains(location) || range.upperBound == location { return .reference(reference, in: document, range: range) }
            }
        }
        return nil
    }

    /// The reference written at `location` in the document at `path` (an index's source).
    func reference(in path: String, at location: SourceLocation) -> (Reference, Document)? {
        guard let document = document(atPath: path) else { return nil }
        guard let reference = document.allReferences.first(where: { $0.syntax.location == location }) else { return nil }
        return (reference, document)
    }

    /// The place of a reference's whole text.
    func place(of reference: Reference, in document: Document) -> Place {
        Place(path: document.path, range: Self.range(ofWritten: reference.syntax.text, at: reference.syntax.location, in: TextBuffer(document.text)))
    }

    /// The place of an item's id where it is written.
    func place(of item: Item, in document: Document) -> Place {
        Place(path: document.path, range: Self.range(ofWritten: item.id, at: item.location, in: TextBuffer(document.text)))
    }

    /// The place of a document's `id:` value (its first line when it has none written).
    func place(ofID document: Document) -> Place {
        let buffer = TextBuffer(document.text)
        guard let node = document.frontMatter?["id"], let id = document.id else {
            return Place(path: document.path, range: SourceLocation.start..<SourceLocation.start)
        }
        return Place(path: document.path, range: Self.range(ofWritten: id, at: node.location, in: buffer))
    }

    /// The 1-based line of the front matter's closing `---` (or `...`), 0 when there is none.
    func frontMatterEnd(of buffer: TextBuffer) -> Int {
        guard buffer.lineText(0) == "---" else { return 0 }
        var line = 1
        while let text = buffer.lineText(line) {
            if text == "---" || text == "..." { return line + 1 }
            line += 1
        }
        return 0
    }

    /// Where `text` is written at `location`: there, or one column on when the value is quoted
    /// (a YAML node starts at its quote), else assumed there.
    static func range(ofWritten text: String, at location: SourceLocation, in buffer: TextBuffer) -> SourceRange {
        let wanted = Array(text.unicodeScalars)
        if let line = buffer.lineText(location.line - 1) {
            let scalars = Array(line.unicodeScalars)
            for start in [location.column - 1, location.column] where start >= 0 && start + wanted.count <= scalars.count {
                if Array(scalars[start..<start + wanted.count]) == wanted {
                    return SourceLocation(line: location.line, column: start + 1)..<SourceLocation(line: location.line, column: start + 1 + wanted.count)
                }
            }
        }
        return location..<SourceLocation(line: location.line, column: location.column + wanted.count)
    }

    /// The part of a reference's text that names its document (`DOC` of `DOC@2#O1`, without an
    /// upstream's prefix), nil for `#O1`.
    static func documentPart(of reference: Reference, range: SourceRange) -> SourceRange? {
        guard let document = reference.syntax.document else { return nil }
        let id = ReferenceSyntax.splitUpstream(document)?.document ?? document
        let prefix = reference.syntax.upstream.map { $0.unicodeScalars.count + 1 } ?? 0
        let start = SourceLocation(line: range.lowerBound.line, column: range.lowerBound.column + prefix)
        return start..<SourceLocation(line: start.line, column: start.column + id.unicodeScalars.count)
    }

    /// The part of a reference's text after `#`, nil for a reference to a whole document.
    static func itemPart(of reference: Reference, range: SourceRange) -> SourceRange? {
        guard let item = reference.syntax.item else { return nil }
        let end = range.upperBound
        return SourceLocation(line: end.line, column: end.column - item.unicodeScalars.count)..<end
    }
}
