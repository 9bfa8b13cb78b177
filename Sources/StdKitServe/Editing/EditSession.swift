import Foundation
import StdKitDiff
import StdKitModel
import StdKitSyntax
import StdKitWorkspace

/// The editing core of `stdkit serve`: documents handed out with the digest of their bytes,
/// saves guarded by that digest (a stale one merged three ways, nothing written), new documents
/// from a kind's template, the front matter as a form, previews, completion and commits.
///
/// It knows no HTTP: the server calls it and encodes what it answers. It stands on the
/// `Workspace` the server keeps up to date; after every write it tells the workspace, so that
/// the findings it answers are those of the text just written.
public actor EditSession {
    /// The project held in memory and checked.
    public let workspace: Workspace
    /// The project folder.
    public nonisolated let root: URL
    /// The language of messages and findings.
    public nonisolated let language: Language
    /// The texts handed out (by `document`, `save`, `create`), as bases for a later merge.
    private var bases = BaseTexts(limit: 200)
    /// The project's git history, for the rules that compare with the last commit (a preview's
    /// check).
    let history: ProjectHistory

    /// A session on `workspace`, in its folder and language.
    public init(workspace: Workspace) {
        self.workspace = workspace
        self.root = workspace.root
        self.language = workspace.language
        self.history = GitHistory(projectRoot: workspace.root)
    }

    /// The labels of the conflict markers a stale save leaves for the author to resolve.
    static let markers = LineMerge.Markers(ours: "yours", base: "base", theirs: "on disk")

    // MARK: - Reading

    /// Every document with an id, by path.
    public func summaries() async -> [DocumentSummary] {
        let project = await workspace.project
        let findings = await workspace.allFindings
        return project.documents.compactMap { document in
            guard let id = document.id else { return nil }
            return DocumentSummary(id: id, kind: document.kind, title: document.title ?? id, path: document.path,
                                   version: document.version, status: document.status, findings: findings[document.path]?.count ?? 0)
        }
    }

    /// The document `id` as its file is on disk now, with its digest and findings.
    public func document(id: String) async throws(EditError) -> StoredDocument {
        let document = try await own(id)
        let bytes = try onDisk(document)
        let text = String(decoding: bytes, as: UTF8.self)
        await catchUp(document, with: bytes)
        let digest = Self.digest(bytes)
        bases.remember(text, digest: digest)
        return StoredDocument(id: id, kind: document.kind, title: document.title ?? id, path: document.path, text: text,
                              digest: digest, findings: await findings(in: document.path))
    }

    // MARK: - Saving

    /// Writes `text` as document `id`'s file when the file is still as it was when `base` (a
    /// digest this session or `document` handed out) was read; else writes nothing and answers
    /// the merge of the base, `text` and the disk's text. The bytes written are `text`'s UTF-8
    /// exactly: a byte-order mark (U+FEFF first) and CRLF line endings as the text has them.
    public func save(id: String, text: String, base: String) async throws(EditError) -> SaveOutcome {
        let document = try await own(id)
        let limit = await workspace.project.config.limits.fileSize
        let bytes = Array(text.utf8)
        guard bytes.count <= limit else {
            throw EditError(.tooLarge, .tooLarge(document.path, size: bytes.count, limit: limit))
        }
        guard !bytes.contains(0) else { throw EditError(.invalidText, .containsNUL(document.path)) }
        let disk = try onDisk(document)
        let current = Self.digest(disk)
        if bytes == disk {
            await catchUp(document, with: disk)
            bases.remember(text, digest: current)
            return .saved(digest: current, findings: await findings(in: document.path))
        }
        guard current == base else {
            return .stale(await stale(document, text: text, base: base, disk: disk, digest: current))
        }
        guard String(validating: disk, as: UTF8.self) != nil else {
            // Its text was read with U+FFFD for what could not be decoded: writing it back
            // would replace the author's bytes (a GBK phrase) for good.
            throw EditError(.invalidText, .notUTF8OnDisk(document.path))
        }
        // The text replaced is the base of any other browser that opened it: kept, so that
        // its save is merged against it rather than against nothing.
        bases.remember(String(decoding: disk, as: UTF8.self), digest: current)
        try write(bytes, to: document.path)
        let digest = Self.digest(bytes)
        bases.remember(text, digest: digest)
        _ = await workspace.changedOnDisk([document.path])
        return .saved(digest: digest, findings: await findings(in: document.path))
    }

    /// The merge of a save whose base the disk has moved on from.
    private func stale(_ document: Document, text: String, base: String, disk: [UInt8], digest: String) async -> Stale {
        let theirs = String(decoding: disk, as: UTF8.self)
        let merge: MergeResult
        if let baseText = bases[base] ?? committedText(of: document.path, digest: base) {
            merge = DocumentMerge.merge(base: baseText, ours: text, theirs: theirs, markers: Self.markers)
        } else {
            // Without the base nothing tells which side changed what: the line merge against
            // nothing keeps both texts whole, for the author to choose.
            merge = MergeResult(lines: LineMerge(base: "", ours: text, theirs: theirs, markers: Self.markers),
                                fallback: Message.unknownBase.text(in: language))
        }
        bases.remember(theirs, digest: digest)
        return Stale(merged: .init(text: merge.text, conflicts: merge.conflicts.map { .init(line: $0.line, place: $0.place) },
                                   fallback: merge.fallback, notes: merge.notes),
                     current: .init(text: theirs, digest: digest))
    }

    /// The text of `path` in the last commit, when its digest is `digest`.
    private func committedText(of path: String, digest: String) -> String? {
        guard let data = try? GitRepository.git(["show", "HEAD:./" + path], in: root) else { return nil }
        let bytes = Array(data)
        return Self.digest(bytes) == digest ? String(decoding: bytes, as: UTF8.self) : nil
    }

    // MARK: - Git

    /// Whether the project folder is in a git work tree (提交 is offered only then).
    public var isGitRepository: Bool {
        guard let repository = try? GitRepository(containing: root) else { return false }
        return !repository.isBare
    }

    // MARK: - Helpers

    /// Refuses a file whose folder (its nearest existing one, for a folder still to be made) is
    /// outside the project folder once symbolic links are followed: nothing is written there.
    func checkInsideProject(_ url: URL) throws(EditError) {
        var folder = url.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" { folder.deleteLastPathComponent() }
        let resolved = folder.resolvingSymlinksInPath().path
        let top = root.resolvingSymlinksInPath().path
        guard resolved == top || resolved.hasPrefix(top.hasSuffix("/") ? top : top + "/") else {
            throw EditError(.io, .outsideProject(workspace.path(of: url) ?? url.lastPathComponent))
        }
    }

    /// `sha256:` and the hexadecimal SHA-256 of `bytes`: the digest the API names.
    public static func digest(_ bytes: [UInt8]) -> String {
        "sha256:" + Digests.sha256(bytes)
    }

    /// The project's own document `id` (not an upstream's).
    private func own(_ id: String) async throws(EditError) -> Document {
        let project = await workspace.project
        guard let document = project.document(id), project.document(atPath: document.path)?.id == id else {
            throw EditError(.notFound, .noDocument(id))
        }
        return document
    }

    /// The bytes of `document`'s file; not-found when it vanished.
    private func onDisk(_ document: Document) throws(EditError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: workspace.url(of: document.path).path) else {
            throw EditError(.notFound, .vanished(document.path))
        }
        return Array(data)
    }

    /// Keeps `text` as a base a later save may name by `digest`.
    func remember(_ text: String, digest: String) {
        bases.remember(text, digest: digest)
    }

    /// Reads `document`'s file again into the workspace when its text there is not `bytes`:
    /// the watcher may not have told it of a change yet, and the findings answered must be those
    /// of the text answered.
    private func catchUp(_ document: Document, with bytes: [UInt8]) async {
        if document.text != DecodedSource(bytes: bytes).text { _ = await workspace.changedOnDisk([document.path]) }
    }

    /// The findings of `path`, in the session's language.
    func findings(in path: String) async -> [Finding] {
        await workspace.findings(in: path).map { Finding($0, in: language) }
    }

    /// Writes `bytes` to the project-relative `path` atomically, inside the project folder only.
    private func write(_ bytes: [UInt8], to path: String) throws(EditError) {
        let url = workspace.url(of: path)
        try checkInsideProject(url)
        do {
            try AtomicFile.write(bytes, to: url)
        } catch {
            throw EditError(.io, .cannotWrite(path, step: error.step, reason: error.reason))
        }
    }
}
