import ArgumentParser
import Foundation
import StdKitInterop
import StdKitModel
import StdKitPublish

/// `stdkit schema --kind KIND`: the JSON Schema of a kind's front matter, for editors.
struct SchemaCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a kind's front matter, for editors' completion and validation.",
        discussion: """
            The schema follows the project's own schemas and parties (run it inside the project, and \
            again when they change). --all -o DIR writes one KIND.schema.json per kind, replacing \
            DIR whole. docs/editors.md shows how to wire it into an editor.
            """)

    @Argument(help: "The project folder (default: the project of the current folder).")
    var path: String?

    @Option(help: "The kind: job-profile, programme, course, material, certificate, apprenticeship, training, facility, or a kind of the project.")
    var kind: String?

    @Flag(help: "Every kind of the project, into the folder -o.")
    var all = false

    @Option(name: [.short, .customLong("output")], help: "The file (or with --all the folder) to write, atomically (default: standard output).")
    var output: String?

    func validate() throws {
        if all == (kind != nil) { throw ValidationError("name one --kind, or --all with -o DIR") }
        if all && output == nil { throw ValidationError("--all writes a folder: give it with -o DIR") }
    }

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let (_, project) = try await ProjectSource.workTree.loadProject(at: path, environment: environment)
        let kinds = project.schemas.kinds.filter { $0 != KindSchema.page.kind }
        if all, let output {
            var files: [String: Data] = [:]
            for kind in kinds {
                guard let schema = project.schemas.schema(for: kind) else { continue }
                files[kind + ".schema.json"] = Data(FrontMatterSchema(schema: schema, project: project).text().utf8)
            }
            let folder = environment.url(for: output)
            do {
                try SiteBuilder.write(files, to: folder)
            } catch {
                throw CommandFailure(description: "cannot write \(environment.displayPath(folder)): \(error.localizedDescription)")
            }
            environment.output.write("wrote \(files.count) schemas to \(environment.displayPath(folder)): \(kinds.map { $0 + ".schema.json" }.joined(separator: ", "))\n")
            return 0
        }
        guard let kind, kind != KindSchema.page.kind, let schema = project.schemas.schema(for: kind) else {
            throw CommandFailure(description: "unknown kind '\(kind ?? "")'; the kinds of this project are: \(kinds.joined(separator: ", "))")
        }
        let text = FrontMatterSchema(schema: schema, project: project).text()
        guard let output else {
            environment.output.write(text)
            return 0
        }
        let url = environment.url(for: output)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(description: "cannot write \(environment.displayPath(url)): \(error.localizedDescription)")
        }
        return 0
    }
}
