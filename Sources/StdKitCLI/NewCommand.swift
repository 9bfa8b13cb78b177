import ArgumentParser
import Foundation
import StdKitInterop
import StdKitModel
import StdKitSyntax

/// `stdkit new KIND ID`: a document of a kind, from the kind's schema — its required fields and
/// its sections in the project's language — placed beside the project's other documents of the
/// kind. `stdkit check` then lists what is still to be written.
struct NewCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a document of a kind from the kind's template.",
        discussion: """
            The document gets the common fields (version 0.1.0, status draft, owner, parties), the \
            kind's required fields and one heading per section the kind expects, in the project's \
            language; 'stdkit check' then reports the sections still empty. It is written beside \
            the project's other documents of the kind (or --output), atomically, and never over an \
            existing file.
            """)

    @Argument(help: "The document's kind: job-profile, programme, course, material, certificate, apprenticeship, training, facility, or a kind of the project.")
    var kind: String

    @Argument(help: "The document's id, unique in the project (e.g. COURSE-PLC).")
    var id: String

    @Option(help: "The document's title (default: the kind's name).")
    var title: String?

    @Option(help: "The party responsible (default: the first enterprise for job profiles, certificates and trainings, else the first school).")
    var owner: String?

    @Option(name: [.short, .customLong("output")], help: "The file to write (default: the folder of the kind's documents, named after the id).")
    var output: String?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let start = output.map { environment.url(for: $0).deletingLastPathComponent() } ?? environment.currentDirectory
        let creation = try await DocumentCreation.project(containing: start, environment: environment)
        let (document, template): (NewDocument, DocumentTemplate)
        do {
            (document, template) = try creation.check.newDocument(kind: kind, id: id, title: title, owner: owner)
        } catch {
            throw creation.failure(error)
        }
        var report = try creation.write([(document, creation.url(for: document, file: output))])
        let sections = template.sectionTitles
        if !sections.isEmpty { report += "write its sections: \(sections.joined(separator: ", "))\n" }
        report += "then run: stdkit check\n"
        environment.output.write(report)
        return 0
    }
}
