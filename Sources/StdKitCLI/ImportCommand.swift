import ArgumentParser
import Foundation
import StdKitInterop
import StdKitModel

/// `stdkit import …`: documents from other systems' data.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make documents from CASE packages, spreadsheets, O*NET or ESCO.",
        discussion: """
            Each import writes new documents into the project of the current folder (or -o), beside \
            the kind's other documents; it never overwrites a file or reuses an id, checks that every \
            item reads back as given before writing anything, and cites its source in the document. \
            docs/interop.md describes each source.
            """,
        subcommands: [ImportCASECommand.self])
}

/// What every import takes: where the documents go and who owns them.
struct ImportPlacement: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "The folder to write into (default: beside the kind's documents).")
    var output: String?

    @Option(help: "The party responsible (default: the first enterprise for job profiles and certificates, else the first school).")
    var owner: String?

    /// Loads the project, writes `documents` and reports.
    func write(_ make: (DocumentCreation) throws -> [ImportedDocument], environment: CommandEnvironment) async throws -> Int32 {
        let creation = try await DocumentCreation.project(containing: output.map(environment.url(for:)) ?? environment.currentDirectory,
                                                          environment: environment)
        try creation.checkOwner(owner)
        let documents = try make(creation)
        guard !documents.isEmpty else { throw CommandFailure(description: "the source holds nothing to import") }
        let report = try creation.write(documents.map { ($0, creation.url(for: $0, folder: output)) })
        environment.output.write(report + "then run: stdkit check\n")
        return 0
    }
}

/// `stdkit import case FILE`.
struct ImportCASECommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Job profiles or certificate standards from a 1EdTech CASE package (JSON).",
        discussion: """
            Each CFDocument becomes a document, its CFItems items nested as their isChildOf \
            associations nest them. An item keeps its humanCodingScheme as its id where that is an \
            id of the kind (R1, SK2.1), else gets one by its place (R1, R1.1, …) and keeps the code \
            as the attribute 'code'.
            """)

    @Argument(help: "The CASE package: a JSON file with CFDocument, CFItems and CFAssociations.")
    var file: String

    @Option(help: "The kind of document to make: job-profile or certificate.")
    var kind: String = "job-profile"

    @Option(help: "The new document's id (default: the id it was exported with, else one made from its title).")
    var id: String?

    @OptionGroup var placement: ImportPlacement

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let url = environment.url(for: file)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CommandFailure(description: "cannot read \(file): \(error.localizedDescription)")
        }
        return try await placement.write({ creation in
            let template = try creation.template(kind, among: CASEImport.kinds)
            let packages: [CASE.Package]
            do {
                packages = try CASEImport.packages(in: data)
            } catch {
                throw CommandFailure(description: "\(file): \(error)")
            }
            if id != nil, packages.count > 1 {
                throw CommandFailure(description: "\(file) holds \(packages.count) packages; --id names one document")
            }
            let importer = CASEImport(template: template.owned(by: placement.owner))
            return packages.map { importer.document(from: $0, id: id) }
        }, environment: environment)
    }
}
