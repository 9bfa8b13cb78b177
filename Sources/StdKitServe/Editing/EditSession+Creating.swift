import Foundation
import StdKitInterop
import StdKitModel
import StdKitPublish
import StdKitSyntax

extension EditSession {
    /// The kinds 新建 offers: every kind of the project but the plain page, by name, each
    /// labelled as `stdkit new` titles it in the project's language.
    public func kinds() async -> [KindChoice] {
        let project = await workspace.project
        return project.schemas.kinds.filter { $0 != KindSchema.page.kind }.sorted().compactMap { kind in
            guard let schema = project.schemas.schema(for: kind) else { return nil }
            return KindChoice(kind: kind, label: DocumentTemplate(schema: schema, config: project.config).kindTitle)
        }
    }

    /// Writes a new document as `stdkit new KIND ID --title TITLE --owner OWNER` does — the
    /// kind's template, where `stdkit new` puts it — and answers it. An empty title is the
    /// kind's; nil owner the template's default. A refusal writes nothing.
    public func create(kind: String, id: String, title: String, owner: String?) async throws(EditError) -> StoredDocument {
        let project = await workspace.project
        let check = NewDocumentCheck(project: project)
        let made: NewDocument
        do {
            made = try check.newDocument(kind: kind, id: id, title: title.isEmpty ? nil : title, owner: owner).document
            try check.checkID(id)
        } catch {
            throw Self.editError(error)
        }
        let path = check.defaultPath(of: made)
        let bytes = Array(made.text.utf8)
        guard bytes.count <= project.config.limits.fileSize else {
            throw EditError(.tooLarge, .tooLarge(path, size: bytes.count, limit: project.config.limits.fileSize))
        }
        let url = workspace.url(of: path)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw EditError(.idTaken, .fileExists(path)) }
        try checkInsideProject(url)
        do {
            try NewDocumentCheck.createAll([(url, Data(bytes))])
        } catch {
            switch error {
            case .cannotWrite(_, let reason): throw EditError(.io, .cannotWrite(path, step: "create", reason: reason))
            case .cannotCreate(_, let reason): throw EditError(.io, .cannotWrite(path, step: "create", reason: reason))
            }
        }
        _ = await workspace.changedOnDisk([path])
        let digest = Self.digest(bytes)
        remember(made.text, digest: digest)
        let document = await workspace.project.document(atPath: path)
        return StoredDocument(id: id, kind: kind, title: document?.title ?? title, path: path, text: made.text, digest: digest,
                              findings: await findings(in: path))
    }

    /// A refusal of `NewDocumentCheck` in the API's codes and the project's language.
    static func editError(_ refusal: NewDocumentCheck.Refusal) -> EditError {
        switch refusal {
        case .unknownKind(let kind, let kinds, _):
            EditError(.unknownKind, .unknownKind(kind, kinds: kinds.filter { $0 != KindSchema.page.kind }))
        case .malformedID(let id):
            EditError(.malformedID, .malformedID(id))
        case .idTaken(let id, let path):
            EditError(.idTaken, .idTaken(id, path: path))
        case .undeclaredParty(let party, let declared):
            EditError(.unknownParty, .unknownParty(party, declared: declared))
        }
    }
}

extension Message {
    static func unknownKind(_ kind: String, kinds: [String]) -> Message {
        Message("serve.edit.unknown-kind", ["kind": .verbatim(kind), "kinds": .list(kinds, .and)])
    }

    static func malformedID(_ id: String) -> Message {
        Message("serve.edit.malformed-id", ["id": .verbatim(id)])
    }

    static func idTaken(_ id: String, path: String) -> Message {
        Message("serve.edit.id-taken", ["id": .verbatim(id), "path": .verbatim(path)])
    }

    static func unknownParty(_ party: String, declared: [String]) -> Message {
        Message("serve.edit.unknown-party", ["party": .verbatim(party), "declared": .list(declared, .and)])
    }

    static func fileExists(_ path: String) -> Message {
        Message("serve.edit.file-exists", ["path": .verbatim(path)])
    }
}
