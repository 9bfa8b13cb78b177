import Foundation
import StdKitModel
import StdKitOffice
import StdKitSyntax

extension ExportCommand {
    /// `--format docx`: the Word file, written whole or not at all.
    func exportDocx(in environment: CommandEnvironment) async throws -> Int32 {
        guard rev == nil else {
            throw CommandFailure(description: "--format docx exports the files as they are (it records their git revision itself); leave out --rev")
        }
        let (entry, project) = try await ProjectSource(staged: false, revision: nil).loadProject(at: path, environment: environment)
        let exported: [Document]
        if documents.isEmpty {
            exported = DocxExport.defaultDocuments(of: project)
            guard !exported.isEmpty else {
                throw CommandFailure(description: "\(environment.displayPath(entry.root)) has no programme to export; name the documents with --document ID")
            }
        } else {
            var chosen: [Document] = []
            for id in documents where !chosen.contains(where: { $0.id == id }) {
                guard let document = project.document(id), !id.contains(":") else {
                    let suggestion = Suggestion.closest(to: id, among: project.documents.compactMap(\.id)).map { "; did you mean \($0)?" } ?? ""
                    throw CommandFailure(description: "no document has the id \(id)\(suggestion)")
                }
                chosen.append(document)
            }
            exported = chosen
        }
        let source = DocxSource.read(documents: exported, root: entry.root, project: entry.root.lastPathComponent)
        let export = DocxExport(project: project, documents: exported, source: source)
        let name = output ?? "\(documents.count == 1 ? documents[0] : exported[0].id ?? "export").docx"
        let url = environment.url(for: name)
        let data: Data
        do {
            data = try export.data()
        } catch {
            throw CommandFailure(description: "cannot make the Word file: \(error.localizedDescription)")
        }
        do {
            // Written beside the target and renamed over it: never half a file.
            try data.write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(description: "cannot write \(environment.displayPath(url)): \(error.localizedDescription)")
        }
        for warning in source.warnings { environment.errors.write("warning: \(warning)\n") }
        let count = exported.count
        environment.output.write("wrote \(environment.displayPath(url)) (\(count) document\(count == 1 ? "" : "s"), \(export.itemCount) item\(export.itemCount == 1 ? "" : "s"))\n")
        return 0
    }
}
