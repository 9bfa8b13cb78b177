import Foundation
import StdKitModel
import StdKitOffice

extension ExportCommand {
    /// `--format pdf`: the documents printed by headless Chromium into one PDF (`PDFExport`),
    /// `-o` or `<first document's id>.pdf` in the current folder. Every failure is one message
    /// in the project's language, exit status 2, nothing written.
    func exportPDF(_ project: Project, root: URL, environment: CommandEnvironment) throws {
        let language = environment.language(option: nil, projectRoot: root)
        do throws(PDFError) {
            let export = try PDFExport(project: project, documentIDs: documents)
            let chromium = try Chromium.find(in: environment.variables)
            let url = environment.url(for: output ?? export.defaultFileName)
            try export.write(to: url, chromium: chromium, toolVersion: StdKit.version)
            let count = export.documents.count
            environment.output.write("wrote \(environment.displayPath(url)) (\(count) document\(count == 1 ? "" : "s"))\n")
        } catch {
            throw CommandFailure(description: error.text(in: language))
        }
    }
}
