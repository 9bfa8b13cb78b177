import StdKitModel
import StdKitSyntax
import StdKitWorkspace

/// What the server asks of the workspace for a page, in one call (one hop to the actor).
extension Workspace {
    /// The id and findings of the document at `documentPath` (nil: not a document page) and the
    /// number of findings of the whole project.
    func pageFacts(documentPath: String?) -> (id: String?, findings: [Diagnostic], problems: Int) {
        let problems = allFindings.values.reduce(0) { $0 + $1.count }
        guard let documentPath else { return (nil, [], problems) }
        return (project.document(atPath: documentPath)?.id, findings(in: documentPath), problems)
    }
}
