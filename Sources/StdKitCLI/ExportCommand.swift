import ArgumentParser
import Foundation
import StdKitInterop
import StdKitModel
import StdKitPublish
import StdKitSyntax

/// `stdkit export --format case|csv|json|docx|pdf`: the standard for other systems, and for people who work in Word or on paper.
struct ExportCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the standard: 1EdTech CASE 1.1 packages, CSV for spreadsheets, the model as JSON, a Word file or a PDF.",
        discussion: """
            case: one CASE package (JSON) per document into the folder -o (default _case), which is \
            replaced whole, atomically. csv: the traceability matrix (--table matrix) or every item \
            with its statement, references and coverage (--table items); --bom for spreadsheet \
            programs that need it to read UTF-8 (and so Chinese). json: the model, as 'stdkit model \
            --json' (docs/model.md). csv and json go to standard output, or to the file -o, written \
            atomically. The mapping is in docs/interop.md. docx: the programme with all its courses \
            (or the documents named by --document) as one Word file, -o (default <ID>.docx in the \
            current folder), written atomically. pdf: the programme and its courses (or the \
            documents named by --document) as the site shows them, printed by headless Chromium \
            into one A4 PDF, -o or <ID>.pdf. Both in docs/word.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case `case`, csv, json
        case docx
        case pdf
    }

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case matrix, items
    }

    @Argument(help: "The project folder (default: the project of the current folder).")
    var path: String?

    @Option(help: "case, csv, json, docx or pdf.")
    var format: Format

    @Option(help: "For csv: matrix (requirements × courses) or items (every item).")
    var table: Table = .matrix

    @Flag(help: "For csv: start with a UTF-8 byte-order mark, for spreadsheet programs that need it to read Chinese.")
    var bom = false

    @Option(name: [.short, .customLong("output")], help: "For case the folder (default _case in the project); for csv and json a file (default: standard output).")
    var output: String?

    @Option(name: .customLong("document"), help: "For docx and pdf: a document to export instead of the programme and its courses (repeatable, in the order given).")
    var documents: [String] = []

    @Option(help: "Read the project as it is at a git revision (a commit, branch or tag), without a checkout.")
    var rev: String?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        if format == .docx { return try await exportDocx(in: environment) }
        let (entry, project) = try await ProjectSource(staged: false, revision: rev).loadProject(at: path, environment: environment)
        switch format {
        case .case:
            let dates = rev == nil ? ChangeDates.of(project, root: entry.root) : [:]
            let export = CASEExport(project: project, lastChange: dates, defaultChange: ChangeDates.now())
            // Ids that differ only by case would share a file name on some systems and an identifier.
            let byID = Dictionary(grouping: project.documents.filter { !$0.isPage && $0.id != nil }, by: { Identifier.collisionKey($0.id!) })
            if let (_, twins) = byID.first(where: { $0.value.count > 1 }) {
                throw CommandFailure(description: "\(twins.map(\.path).sorted().joined(separator: " and ")) have the same id \(twins[0].id!); give each its own id (stdkit check reports it), then export")
            }
            var files: [String: Data] = [:]
            for (id, package) in export.packages() {
                files[id + ".json"] = Data((JSONOutput.encode(package) + "\n").utf8)
            }
            let folder = output.map(environment.url(for:)) ?? entry.root.appendingPathComponent("_case")
            do {
                try SiteBuilder.write(files, to: folder)
            } catch {
                throw CommandFailure(description: "cannot write \(environment.displayPath(folder)): \(error.localizedDescription)")
            }
            environment.output.write("wrote \(files.count) CASE 1.1 package\(files.count == 1 ? "" : "s") to \(environment.displayPath(folder))\n")
        case .csv:
            let rows = table == .matrix ? TraceCommand.rows(TraceMatrix(project)) : ItemTable.rows(project)
            try emit(CSV.text(rows, byteOrderMark: bom), environment: environment)
        case .json:
            try emit(JSONOutput.encode(ModelJSON(project)) + "\n", environment: environment)
        case .docx:
            break
        case .pdf:
            try exportPDF(project, root: entry.root, environment: environment)
        }
        return 0
    }

    /// `text` to the output file (atomically) or standard output.
    func emit(_ text: String, environment: CommandEnvironment) throws {
        guard let output else {
            environment.output.write(text)
            return
        }
        let url = environment.url(for: output)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(description: "cannot write \(environment.displayPath(url)): \(error.localizedDescription)")
        }
    }
}
