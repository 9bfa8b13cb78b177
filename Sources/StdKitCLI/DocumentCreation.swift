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

    /// The project's checks of new documents.
    var check: NewDocumentCheck { NewDocumentCheck(project: project) }

    /// The schema of `kind`, or a failure listing the project's kinds.
    func schema(_ kind: String, among allowed: [String]? = nil) throws -> KindSchema {
        do {
            return try check.schema(kind, among: allowed)
        } catch {
            throw failure(error)
        }
    }

    func template(_ kind: String, among allowed: [String]? = nil) throws -> DocumentTemplate {
        do {
            return try check.template(kind, among: allowed)
        } catch {
            throw failure(error)
        }
    }

    /// Fails unless `owner` is nil or a declared party.
    func checkOwner(_ owner: String?) throws {
        do {
            try check.checkOwner(owner)
        } catch {
            throw failure(error)
        }
    }

    /// A refusal in the command's words; `several` when more than one document was to be written.
    func failure(_ refusal: NewDocumentCheck.Refusal, several: Bool = false) -> CommandFailure {
        switch refusal {
        case .unknownKind(let kind, let kinds, let restricted):
            CommandFailure(description: "unknown kind '\(kind)'; the kinds \(restricted ? "this can make" : "of this project") are: \(kinds.joined(separator: ", "))")
        case .undeclaredParty(let owner, let declared):
            CommandFailure(description: "party '\(owner)' is not declared in stdkit.yml" + (declared.isEmpty ? "" : " (declared: \(declared.joined(separator: ", ")))"))
        case .malformedID(let id):
            CommandFailure(description: "'\(id)' is not a document id: an ASCII letter, then letters, digits, '-', '_' or '.'")
        case .idTaken(let id, let path):
            CommandFailure(description: "the id \(id) is taken by \(environment.displayPath(root.appendingPathComponent(path))); choose another\(several ? " (nothing was written)" : "")")
        }
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
            do {
                try check.checkID(document.id)
            } catch {
                throw failure(error, several: documents.count > 1)
            }
            let key = Identifier.collisionKey(document.id)
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

    /// Creates every file or none (`NewDocumentCheck.createAll`), failing in the command's words.
    static func createAll(_ files: [(url: URL, data: Data)], environment: CommandEnvironment) throws {
        do {
            try NewDocumentCheck.createAll(files)
        } catch {
            switch error {
            case .cannotWrite(let folder, let reason):
                throw CommandFailure(description: "cannot write \(environment.displayPath(folder)): \(reason); nothing was written")
            case .cannotCreate(let url, let reason):
                throw CommandFailure(description: "cannot create \(environment.displayPath(url)): \(reason); nothing was written")
            }
        }
    }
}
