import Foundation
import StdKitInterop
import StdKitModel
import StdKitSyntax

/// Writing new documents into a project — for `stdkit new` and the imports: everything is checked
/// before anything is written (ids free in the project and among the new documents, files not
/// there yet, kinds and owners known, every item reading back as given), then each file is
/// written atomically. A refusal writes nothing.
struct DocumentCreation {
    let project: Project
    let root: URL
    let environment: CommandEnvironment

    /// The project holding `start` (a folder), loaded.
    static func project(containing start: URL, environment: CommandEnvironment) async throws -> DocumentCreation {
        var folder = start
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" { folder.deleteLastPathComponent() }
        guard let root = ProjectLoader.findRoot(containing: folder) else {
            throw CommandFailure(description: "no stdkit.yml in \(environment.displayPath(start)) or above it; create a project with 'stdkit init' first")
        }
        return DocumentCreation(project: try await ProjectLoader.load(root: root), root: root, environment: environment)
    }

    /// The schema of `kind`, or a failure listing the project's kinds.
    func schema(_ kind: String, among allowed: [String]? = nil) throws -> KindSchema {
        guard kind != KindSchema.page.kind, allowed?.contains(kind) ?? true, let schema = project.schemas.schema(for: kind) else {
            let kinds = allowed ?? project.schemas.kinds
            throw CommandFailure(description: "unknown kind '\(kind)'; the kinds \(allowed == nil ? "of this project" : "this can make") are: \(kinds.joined(separator: ", "))")
        }
        return schema
    }

    func template(_ kind: String, among allowed: [String]? = nil) throws -> DocumentTemplate {
        var kindSchema = try schema(kind, among: allowed)
        // The headings the check will ask for: the profile's programme framework, if any.
        kindSchema.sections = project.expectedSections(ofKind: kind)
        return DocumentTemplate(schema: kindSchema, config: project.config)
    }

    /// Fails unless `owner` is nil or a declared party.
    func checkOwner(_ owner: String?) throws {
        guard let owner, project.party(owner) == nil else { return }
        let declared = project.config.parties.map(\.id)
        throw CommandFailure(description: "party '\(owner)' is not declared in stdkit.yml" + (declared.isEmpty ? "" : " (declared: \(declared.joined(separator: ", ")))"))
    }

    /// Where `document` goes: `file` (a path from the current folder), else `folder` (likewise)
    /// with the id in lower case, else beside the kind's documents.
    func url(for document: NewDocument, file: String? = nil, folder: String? = nil) -> URL {
        if let file { return environment.url(for: file) }
        if let folder { return environment.url(for: folder).appendingPathComponent(document.id.lowercased() + ".md") }
        return root.appendingPathComponent(DocumentTemplate.defaultPath(kind: document.kind, id: document.id, in: project))
    }

    /// Checks every document, then writes them all; returns the report.
    func write(_ documents: [(document: NewDocument, url: URL)]) throws -> String {
        var seen: [String: URL] = [:]
        for (document, url) in documents {
            guard Identifier.isValid(document.id) else {
                throw CommandFailure(description: "'\(document.id)' is not a document id: an ASCII letter, then letters, digits, '-', '_' or '.'")
            }
            let key = Identifier.collisionKey(document.id)
            if let existing = project.documents.first(where: { $0.id.map(Identifier.collisionKey) == key }) {
                throw CommandFailure(description: "the id \(document.id) is taken by \(environment.displayPath(root.appendingPathComponent(existing.path))); choose another\(documents.count > 1 ? " (nothing was written)" : "")")
            }
            if let other = seen[key] {
                throw CommandFailure(description: "two new documents would have the id \(document.id) (\(environment.displayPath(other)), \(environment.displayPath(url))); nothing was written")
            }
            seen[key] = url
            if FileManager.default.fileExists(atPath: url.path) {
                throw CommandFailure(description: "\(environment.displayPath(url)) exists; nothing was written")
            }
            let misread = document.misread(schemas: project.schemas)
            if let first = misread.first {
                throw CommandFailure(description: "\(document.id)#\(first.id) would read as “\(first.read ?? "(no item)")” instead of “\(first.expected)”; nothing was written")
            }
        }
        try Self.createAll(documents.map { ($0.url, Data($0.document.text.utf8)) }, environment: environment)
        var report = ""
        for (document, url) in documents {
            let count = document.items.count
            report += "created \(environment.displayPath(url)): \(document.kind) \(document.id)" + (count > 0 ? ", \(count) item\(count == 1 ? "" : "s")" : "") + "\n"
            if !url.standardizedFileURL.path.hasPrefix(root.standardizedFileURL.path + "/") {
                report += "note: it is outside the project in \(environment.displayPath(root)), which will not read it\n"
            }
            for note in document.notes { report += "note: \(note)\n" }
        }
        return report
    }

    /// Creates every file or none: each is written to a temporary file beside its place, then
    /// linked into place — which fails rather than replace a file that appeared meanwhile — and on
    /// any failure the files already created and the temporary ones are removed. Folders made
    /// for them stay.
    static func createAll(_ files: [(url: URL, data: Data)], environment: CommandEnvironment) throws {
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
            }
        } catch {
            undo()
            throw CommandFailure(description: "cannot write \(environment.displayPath(files[temporary.count].url.deletingLastPathComponent())): \(error.localizedDescription); nothing was written")
        }
        for (staging, file) in zip(temporary, files) {
            // A file system without hard links: a rename, once it is sure nothing is there.
            let linked = link(staging.path, file.url.path) == 0
                || ((errno == EPERM || errno == ENOTSUP) && !fileManager.fileExists(atPath: file.url.path) && rename(staging.path, file.url.path) == 0)
            guard linked else {
                let reason = String(cString: strerror(errno))
                undo()
                throw CommandFailure(description: "cannot create \(environment.displayPath(file.url)): \(reason); nothing was written")
            }
            created.append(file.url)
        }
        for staging in temporary { try? fileManager.removeItem(at: staging) }
    }
}
