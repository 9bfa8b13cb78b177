import Foundation
import StdKitModel
import StdKitPublish
import StdKitSyntax

/// `stdkit export --format pdf` (DESIGN §15): documents of a project in one PDF, printed by
/// headless Chromium from the site's own pages with the print stylesheet — what is printed is
/// what is published. The site is built into a temporary folder, one print page holding the
/// documents one after the other is added (`SiteBuilder.printPage`), and the browser prints it;
/// joining one PDF per page would need a tool stdkit does not have.
public struct PDFExport: Sendable {
    public var project: Project
    /// The documents, in the order they are printed.
    public var documents: [Document]

    /// The documents named by `ids`, in that order; with none, the programme and its courses
    /// (`ExportSelection`, the same as the Word export's).
    public init(project: Project, documentIDs ids: [String] = []) throws(PDFError) {
        self.project = project
        do {
            documents = try ExportSelection.documents(of: project, ids: ids)
        } catch {
            throw PDFError(error.message)
        }
    }

    /// Prints the documents to the PDF `output`, written atomically: on any failure nothing is
    /// written and `output` is left as it was. The temporary folder (the site, the browser's
    /// profile) is removed either way.
    public func write(to output: URL, chromium: Chromium, toolVersion: String, timeout: Int = Chromium.defaultTimeout) throws(PDFError) {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let site = work.appendingPathComponent("site")
        let page = site.appendingPathComponent(SiteBuilder.printPagePath)
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let builder = try SiteBuilder(project: project, toolVersion: toolVersion)
            try builder.build(to: site)
            try builder.printPage(of: documents).write(to: page)
        } catch let error as SiteError {
            throw PDFError(.pdfSiteFailed(error.description))
        } catch {
            throw PDFError(.pdfCannotWrite(work.path, reason: error.localizedDescription))
        }
        let printed = work.appendingPathComponent("print.pdf")
        try chromium.printToPDF(page: page, output: printed, work: work, timeout: timeout)
        do {
            try Data(contentsOf: printed).write(to: output, options: .atomic)
        } catch {
            throw PDFError(.pdfCannotWrite(output.path, reason: error.localizedDescription))
        }
    }

    /// The file name an export is written to when none is given: the first document's id
    /// (the programme's by default), made safe as a file name.
    public var defaultFileName: String {
        let id = documents.first?.id ?? project.config.name
        return String(id.map { "/\\:".contains($0) ? "-" : $0 }) + ".pdf"
    }
}
