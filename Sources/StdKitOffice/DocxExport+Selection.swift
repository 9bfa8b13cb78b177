import StdKitModel
import StdKitSyntax

extension DocxExport {
    /// The documents `--document` names, in the order given (a repeat once), or without any the
    /// programme and its courses (`defaultDocuments`). `project` names the project in errors.
    public static func documents(of project: Project, ids: [String], projectName: String) throws(DocxError) -> [Document] {
        guard !ids.isEmpty else {
            let programmes = project.documents.filter { $0.kind == "programme" && $0.id != nil }
            guard programmes.count <= 1 else {
                throw DocxError(file: projectName, .docxSeveralProgrammes(programmes.compactMap(\.id).sorted()))
            }
            let documents = defaultDocuments(of: project)
            guard !documents.isEmpty else { throw DocxError(file: projectName, .docxNoProgramme()) }
            return documents
        }
        var chosen: [Document] = []
        for id in ids where !chosen.contains(where: { $0.id == id }) {
            // An upstream's document (ns:DOC) is not the project's to export.
            guard !id.contains(":"), let document = project.document(id) else {
                let candidates = project.documents.compactMap(\.id)
                throw DocxError(file: projectName, .docxUnknownDocument(id, suggestion: Suggestion.closest(to: id, among: candidates)))
            }
            chosen.append(document)
        }
        return chosen
    }
}

extension Message {
    static func docxNoProgramme() -> Message { Message("docx.no-programme") }
    static func docxSeveralProgrammes(_ ids: [String]) -> Message {
        Message("docx.several-programmes", ["ids": .verbatim(ids.joined(separator: ", "))])
    }
    static func docxUnknownDocument(_ id: String, suggestion: String?) -> Message {
        Message("docx.unknown-document", ["id": .verbatim(id), "suggestion": didYouMean(suggestion)])
    }
    /// `--rev` with `--format docx`.
    public static func docxRevisionGiven() -> Message { Message("docx.revision-given") }
    public static func docxCannotWrite(_ path: String, reason: String) -> Message {
        Message("docx.cannot-write", ["path": .verbatim(path), "reason": .verbatim(reason)])
    }
    static func docxNotCommitted(_ path: String, blob: String) -> Message {
        Message("docx.not-committed", ["path": .verbatim(path), "blob": .verbatim(blob)])
    }
    static func docxOutsideGit() -> Message { Message("docx.outside-git") }
}
