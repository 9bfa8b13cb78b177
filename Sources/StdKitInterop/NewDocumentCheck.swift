import Foundation
import StdKitModel
import StdKitSyntax

/// What a project requires of a document before it is added, and how new files are written —
/// one owner for `stdkit new`, the imports and `stdkit serve`'s 新建, which check the same things
/// and each say them in their own words: the kind known, the id well formed and free (ids that
/// differ only by case collide), the owner a declared party; the files written all or none.
public struct NewDocumentCheck: Sendable {
    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    /// Why a new document cannot be added.
    public enum Refusal: Error, Sendable, Equatable {
        /// No such kind (or not one of `kinds` that the caller can make, when `restricted`).
        case unknownKind(String, kinds: [String], restricted: Bool)
        /// Not a document id: an ASCII letter, then letters, digits, `-`, `_` or `.`.
        case malformedID(String)
        /// The id (or one differing only by case) is the id of the document at `path`.
        case idTaken(String, path: String)
        /// The owner is not a party of `stdkit.yml`.
        case undeclaredParty(String, declared: [String])
    }

    /// The schema of `kind` (any kind but the plain page, or one of `allowed`).
    public func schema(_ kind: String, among allowed: [String]? = nil) throws(Refusal) -> KindSchema {
        guard kind != KindSchema.page.kind, allowed?.contains(kind) ?? true, let schema = project.schemas.schema(for: kind) else {
            throw .unknownKind(kind, kinds: allowed ?? project.schemas.kinds, restricted: allowed != nil)
        }
        return schema
    }

    /// The template of `kind`, with the headings the check will ask for: the profile's
    /// programme framework, if any.
    public func template(_ kind: String, among allowed: [String]? = nil) throws(Refusal) -> DocumentTemplate {
        var kindSchema = try schema(kind, among: allowed)
        kindSchema.sections = project.expectedSections(ofKind: kind)
        return DocumentTemplate(schema: kindSchema, config: project.config)
    }

    /// Refuses an owner that is not a declared party (nil: the template's default).
    public func checkOwner(_ owner: String?) throws(Refusal) {
        guard let owner, project.party(owner) == nil else { return }
        throw .undeclaredParty(owner, declared: project.config.parties.map(\.id))
    }

    /// Refuses an id that is malformed or taken.
    public func checkID(_ id: String) throws(Refusal) {
        guard Identifier.isValid(id) else { throw .malformedID(id) }
        let key = Identifier.collisionKey(id)
        if let existing = project.documents.first(where: { $0.id.map(Identifier.collisionKey) == key }) {
            throw .idTaken(id, path: existing.path)
        }
    }

    /// The document `stdkit new KIND ID` writes: the kind's template with the common fields,
    /// the cooperation placeholders and the sections the check asks for (the id not checked
    /// here: `checkID`).
    public func newDocument(kind: String, id: String, title: String?, owner: String?) throws(Refusal) -> (document: NewDocument, template: DocumentTemplate) {
        let template = try template(kind)
        try checkOwner(owner)
        let filled = CooperationPlaceholders(template: template, project: project)
        let text = template.text(id: id, title: title, owner: owner, fields: filled.fields, content: filled.content)
        return (NewDocument(id: id, kind: kind, text: text, items: []), template)
    }

    /// Where a new document goes by default, relative to the project folder.
    public func defaultPath(of document: NewDocument) -> String {
        DocumentTemplate.defaultPath(kind: document.kind, id: document.id, in: project)
    }

    /// Why files could not be created; nothing of them is left.
    public enum CreationFailure: Error, Sendable, Equatable {
        /// The folder of `url` (or a temporary file in it) could not be written.
        case cannotWrite(folder: URL, reason: String)
        /// `url` could not be created (it exists, most often).
        case cannotCreate(URL, reason: String)
    }

    /// Creates every file or none: each is written to a temporary file beside its place, then
    /// linked into place — which fails rather than replace a file that appeared meanwhile — and on
    /// any failure the files already created and the temporary ones are removed. Folders made
    /// for them stay.
    public static func createAll(_ files: [(url: URL, data: Data)]) throws(CreationFailure) {
        let fileManager = FileManager.default
        var temporary: [URL] = []
        var created: [URL] = []
        func undo() {
            for url in created + temporary { try? fileManager.removeItem(at: url) }
        }
        do {
            for (url, data) in files {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let staging = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)")
                try data.write(to: staging)
                temporary.append(staging)
                // On disk before it is linked: a power cut must not leave an empty document.
                let handle = try FileHandle(forWritingTo: staging)
                try handle.synchronize()
                try handle.close()
            }
        } catch {
            undo()
            throw .cannotWrite(folder: files[temporary.count].url.deletingLastPathComponent(), reason: error.localizedDescription)
        }
        for (staging, file) in zip(temporary, files) {
            // A file system without hard links: a rename, once it is sure nothing is there.
            let linked = link(staging.path, file.url.path) == 0
                || ((errno == EPERM || errno == ENOTSUP) && !fileManager.fileExists(atPath: file.url.path) && rename(staging.path, file.url.path) == 0)
            guard linked else {
                let reason = String(cString: strerror(errno))
                undo()
                throw .cannotCreate(file.url, reason: reason)
            }
            created.append(file.url)
        }
        for staging in temporary { try? fileManager.removeItem(at: staging) }
        for folder in Set(files.map { $0.url.deletingLastPathComponent().path }) {
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
        }
    }
}
