import Foundation
import StdKitModel
import StdKitOffice
import StdKitSyntax

extension ExportCommand {
    /// `--format docx`: the programme and its courses (or `--document` IDs) as one Word file,
    /// `-o` or `<ID>.docx` in the current folder, written beside its target and renamed over it
    /// (never half a file). Failures are one message in the project's language, exit status 2.
    func exportDocx(in environment: CommandEnvironment) async throws -> Int32 {
        let (entry, project) = try await ProjectSource(staged: false, revision: nil).loadProject(at: path, environment: environment)
        let language = environment.language(option: nil, projectRoot: entry.root)
        guard rev == nil else { throw CommandFailure(description: Message.docxRevisionGiven().text(in: language)) }
        let exported: [Document]
        do throws(DocxError) {
            exported = try DocxExport.documents(of: project, ids: documents, projectName: environment.displayPath(entry.root))
        } catch {
            throw CommandFailure(description: error.text(in: language))
        }
        let source = DocxSource.read(documents: exported, root: entry.root, project: entry.root.lastPathComponent)
        let export = DocxExport(project: project, documents: exported, source: source)
        let url = environment.url(for: output ?? "\(exported[0].id ?? "export").docx")
        do {
            try export.data().write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(description: Message.docxCannotWrite(environment.displayPath(url), reason: error.localizedDescription).text(in: language))
        }
        for warning in source.warnings { environment.errors.write("warning: \(warning.text(in: language))\n") }
        let count = exported.count
        environment.output.write("wrote \(environment.displayPath(url)) (\(count) document\(count == 1 ? "" : "s"), \(export.itemCount) item\(export.itemCount == 1 ? "" : "s"))\n")
        return 0
    }
}
