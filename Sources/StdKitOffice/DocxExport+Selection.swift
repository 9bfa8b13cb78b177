import StdKitModel
import StdKitSyntax

extension DocxExport {
    /// The documents `--document` names, in the order given (a repeat once), or without any the
    /// programme and its courses (`ExportSelection`, shared with the PDF export). `projectName`
    /// names the project in errors.
    public static func documents(of project: Project, ids: [String], projectName: String) throws(DocxError) -> [Document] {
        do {
            return try ExportSelection.documents(of: project, ids: ids)
        } catch {
            throw DocxError(file: projectName, error.message)
        }
    }
}

extension Message {
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
