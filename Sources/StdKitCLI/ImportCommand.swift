import ArgumentParser
import Foundation
import StdKitInterop
import StdKitModel

/// `stdkit import …`: documents from other systems' data.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make documents from CASE packages, spreadsheets, O*NET, ESCO or Word files.",
        discussion: """
            Each import writes new documents into the project of the current folder (or -o), beside \
            the kind's other documents; it never overwrites a file or reuses an id, checks that every \
            item reads back as given before writing anything, and cites its source in the document. \
            docs/interop.md describes each source.
            """,
        subcommands: [ImportCASECommand.self, ImportCSVCommand.self, ImportONETCommand.self, ImportESCOCommand.self, ImportDocxCommand.self])
}

/// What every import takes: where the documents go and who owns them.
struct ImportPlacement: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "The folder to write into (default: beside the kind's documents).")
    var output: String?

    @Option(help: "The party responsible (default: the first enterprise for job profiles and certificates, else the first school).")
    var owner: String?

    /// The bytes of `file`, or a failure naming it.
    static func read(_ file: String, environment: CommandEnvironment) throws -> Data {
        do {
            return try Data(contentsOf: environment.url(for: file))
        } catch {
            throw CommandFailure(description: "cannot read \(file): \(error.localizedDescription)")
        }
    }

    /// A job profile from an occupational framework, written as `write` does.
    func writeJobProfile(environment: CommandEnvironment, _ make: (OccupationImport) throws -> NewDocument) async throws -> Int32 {
        try await write({ creation in
            let template = try creation.template("job-profile").owned(by: owner)
            do {
                return [try make(OccupationImport(template: template))]
            } catch {
                throw CommandFailure(description: "\(error)")
            }
        }, environment: environment)
    }

    /// Loads the project, writes `documents` and reports.
    func write(_ make: (DocumentCreation) throws -> [NewDocument], environment: CommandEnvironment) async throws -> Int32 {
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
        let data = try ImportPlacement.read(file, environment: environment)
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

extension TextDecoding.Encoding: ExpressibleByArgument {}

/// `stdkit import csv FILE`.
struct ImportCSVCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "A job profile from a spreadsheet of requirements (CSV), one requirement per row.",
        discussion: """
            Columns are found by their header, in Chinese or English: the requirement (要求, \
            能力要求, requirement, statement…), and optionally its id (编号, id), level (等级, \
            level), work task (工作任务, task), job (岗位, job: one document per job) and note \
            (备注, note) — docs/interop.md lists every name. UTF-8 with or without a byte-order \
            mark, UTF-16 with one, and GB18030/GBK as Chinese spreadsheet programs save are \
            recognised; --encoding says which when the guess is wrong.
            """)

    @Argument(help: "The CSV file (comma-, semicolon- or tab-separated).")
    var file: String

    @Option(help: "The kind of document to make: job-profile or certificate.")
    var kind: String = "job-profile"

    @Option(help: "The new document's id (numbered -1, -2… when the table holds several jobs; default: made from the title).")
    var id: String?

    @Option(help: "The document's title (default: the job column, else the file's name).")
    var title: String?

    @Option(help: "The file's encoding: utf-8, utf-16, gb18030 or gbk (default: recognised).")
    var encoding: TextDecoding.Encoding?

    @OptionGroup var placement: ImportPlacement

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let data = try ImportPlacement.read(file, environment: environment)
        let decoded: (text: String, encoding: TextDecoding.Encoding)
        do {
            decoded = try TextDecoding.decode(Array(data), as: encoding)
        } catch {
            throw CommandFailure(description: "\(file):\(error.line): \(error.message)")
        }
        return try await placement.write({ creation in
            let template = try creation.template(kind, among: CASEImport.kinds).owned(by: placement.owner)
            do {
                return try RequirementsCSV(template: template).documents(from: decoded.text, name: (file as NSString).lastPathComponent,
                                                                         encoding: decoded.encoding, id: id, title: title)
            } catch {
                throw CommandFailure(description: "\(error)")
            }
        }, environment: environment)
    }
}

/// `stdkit import onet CODE --data DIR`.
struct ImportONETCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "onet",
        abstract: "A job profile from an O*NET occupation: its task statements as requirements.",
        discussion: "Reads 'Occupation Data.txt' and 'Task Statements.txt' of the O*NET database's text files in --data.")

    @Argument(help: "The O*NET-SOC code, e.g. 51-4121.00 (or 51-4121).")
    var code: String

    @Option(help: "The folder of the O*NET database's text files (e.g. db_29_3_text).")
    var data: String

    @Option(help: "The new document's id (default: JOB-ONET- and the code).")
    var id: String?

    @OptionGroup var placement: ImportPlacement

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        try await placement.writeJobProfile(environment: environment) { importer in
            try importer.onet(code: code, folder: environment.url(for: data), id: id)
        }
    }
}

/// `stdkit import esco OCCUPATION --data DIR`.
struct ImportESCOCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "esco",
        abstract: "A job profile from an ESCO occupation: its essential skills as requirements.",
        discussion: """
            Reads the occupations, occupation–skill relations and skills of ESCO's CSV files in \
            --data: the European Commission's download (occupations_en.csv, \
            occupationSkillRelations_en.csv, skills_en.csv) or Tabiya's (occupations.csv, \
            occupation_to_skill_relations.csv, skills.csv).
            """)

    @Argument(help: "The occupation: its URI, the UUID at the URI's end, its ESCO code, or its preferred label.")
    var occupation: String

    @Option(help: "The folder of ESCO's CSV files.")
    var data: String

    @Option(help: "The new document's id (default: made from the occupation's label).")
    var id: String?

    @OptionGroup var placement: ImportPlacement

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        try await placement.writeJobProfile(environment: environment) { importer in
            try importer.esco(occupation: occupation, folder: environment.url(for: data), id: id)
        }
    }
}
