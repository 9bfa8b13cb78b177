import StdKitModel
import StdKitSyntax

/// A stretch of a file of the project.
public struct Place: Sendable, Hashable {
    public var path: String
    public var range: SourceRange

    public init(path: String, range: SourceRange) {
        self.path = path
        self.range = range
    }
}

/// Something that may be typed at a place: a document id, an item id after `#`, a value of an
/// enum field, a party id, an upstream's prefix.
public struct CompletionCandidate: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case document, item, value, party, upstream
    }

    public var kind: Kind
    /// The text inserted.
    public var label: String
    /// The target's title or statement, the value's or party's name: what the author chooses by.
    public var detail: String
    /// The text already typed that the label replaces.
    public var replacing: SourceRange

    public init(kind: Kind, label: String, detail: String, replacing: SourceRange) {
        self.kind = kind
        self.label = label
        self.detail = detail
        self.replacing = replacing
    }
}

/// What to show over a place: Markdown, in the workspace's language.
public struct Hover: Sendable, Hashable {
    public var range: SourceRange
    public var markdown: String

    public init(range: SourceRange, markdown: String) {
        self.range = range
        self.markdown = markdown
    }
}

/// A section or an item of a document, for an editor's outline.
public struct Symbol: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case section, item
    }

    public var name: String
    public var detail: String?
    public var kind: Kind
    /// The whole of it (a section: its heading to the next of its level or above).
    public var range: SourceRange
    /// The part to select: the heading's or item's first line.
    public var selection: SourceRange
    public var children: [Symbol]

    public init(name: String, detail: String?, kind: Kind, range: SourceRange, selection: SourceRange, children: [Symbol]) {
        self.name = name
        self.detail = detail
        self.kind = kind
        self.range = range
        self.selection = selection
        self.children = children
    }
}

/// An id that can be renamed: where it is written at the asked place, and what it is.
public struct RenameTarget: Sendable, Hashable {
    /// The id as written there (a local item id, a document id).
    public var range: SourceRange
    public var id: String

    public init(range: SourceRange, id: String) {
        self.range = range
        self.id = id
    }
}

extension Workspace {
    /// The queries over the project as it is now; the links lock's text is the editor's when it
    /// is open there.
    var queries: ProjectQueries {
        ProjectQueries(project: project, language: language, linkLock: buffer(of: Project.linkLockPath)?.text ?? project.linkLock)
    }

    /// Where what is at `location` in `path` is defined: a reference's target item or document.
    public func definition(_ path: String, at location: SourceLocation) -> [Place] {
        queries.definition(path, at: location)
    }

    /// Every place that refers to what is at `location` (an item, a document id, a reference's
    /// target), with its definition when `includingDeclaration`.
    public func references(_ path: String, at location: SourceLocation, includingDeclaration: Bool) -> [Place] {
        queries.references(path, at: location, includingDeclaration: includingDeclaration)
    }

    /// What may be typed at `location`.
    public func completion(_ path: String, at location: SourceLocation) -> [CompletionCandidate] {
        queries.completion(path, at: location)
    }

    /// What to show over `location`: a reference's target (statement, version, what covers it).
    public func hover(_ path: String, at location: SourceLocation) -> Hover? {
        queries.hover(path, at: location)
    }

    /// The id at `location` a rename would change, or nil.
    public func renameTarget(_ path: String, at location: SourceLocation) -> RenameTarget? {
        queries.renameTarget(path, at: location)
    }

    /// The edits, by path, that rename the id at `location` to `newID` everywhere it is written;
    /// a malformed or taken id throws, saying why.
    public func rename(_ path: String, at location: SourceLocation, to newID: String) throws(WorkspaceError) -> [String: [TextReplacement]] {
        try queries.rename(path, at: location, to: newID)
    }

    /// The sections and items of `path`, nested.
    public func symbols(_ path: String) -> [Symbol] {
        queries.symbols(path)
    }
}

extension Workspace {
    /// The findings in `path` on the lines of `range` that carry fixes.
    public func fixes(_ path: String, in range: SourceRange) -> [Diagnostic] {
        findings(in: path).filter { !$0.fixes.isEmpty && $0.location.line >= range.lowerBound.line && $0.location.line <= range.upperBound.line }
    }
}
