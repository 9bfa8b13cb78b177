import ArgumentParser
import Foundation
import StdKitInterop
import StdKitModel
import StdKitOffice
import StdKitPublish
import StdKitSyntax

/// `stdkit export --format case|csv|json|docx`: the standard for other systems, and for people who work in Word.
struct ExportCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the standard: 1EdTech CASE 1.1 packages, CSV for spreadsheets, the model as JSON, or a Word file.",
        discussion: """
            case: one CASE package (JSON) per document into the folder -o (default _case), which is \
            replaced whole, atomically. csv: the traceability matrix (--table matrix) or every item \
            with its statement, references and coverage (--table items); --bom for spreadsheet \
            programs that need it to read UTF-8 (and so Chinese). json: the model, as 'stdkit model \
            --json' (docs/model.md). csv and json go to standard output, or to the file -o, written \
            atomically. The mapping is in docs/interop.md. docx: the programme with all its courses \
            (or the documents named by --document) as one Word file, -o (default <ID>.docx in the \
            current folder), written atomically; docs/word.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case `case`, csv, json
        case docx
    }

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case matrix, items
    }

    @Argument(help: "The project folder (default: the project of the current folder).")
    var path: String?

    @Option(help: "case, csv, json or docx.")
    var format: Format

    @Option(help: "For csv: matrix (requirements × courses) or items (every item).")
    var table: Table = .matrix

    @Flag(help: "For csv: start with a UTF-8 byte-order mark, for spreadsheet programs that need it to read Chinese.")
    var bom = false

    @Option(name: [.short, .customLong("output")], help: "For case the folder (default _case in the project); for csv and json a file (default: standard output).")
    var output: String?

    @Option(name: .customLong("document"), help: "For docx: a document to export instead of the programme and its courses (repeatable, in the order given).")
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
