import ArgumentParser
import Foundation
import StdKitModel
import StdKitSyntax

/// `stdkit model [PATH] [--json]`: the model of a project.
struct ModelCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Show the model: documents, items, references and what covers each item.",
        discussion: "The JSON form (--json) is described in docs/model.md.")

    @Argument(help: "The project folder (default: the project of the current folder).")
    var path: String?

    @Flag(help: "Print the model as JSON.")
    var json = false

    @Option(help: "Read the project as it is at a git revision (a commit, branch or tag), without a checkout.")
    var rev: String?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let (_, project) = try await ProjectSource(staged: false, revision: rev).loadProject(at: path, environment: environment)
        if json {
            environment.output.write(JSONOutput.encode(ModelJSON(project)) + "\n")
        } else {
            environment.output.write(summary(of: project))
        }
        return 0
    }

    /// A readable overview: one line per document, then its items with coverage.
    func summary(of project: Project) -> String {
        var lines = ["\(project.config.name): \(project.documents.count) documents"]
        for document in project.documents {
            let id = document.id ?? "-"
            let version = document.version.map { " v\($0)" } ?? ""
            lines.append("\(document.path)  \(id)  [\(document.kind)\(version)]  \(document.title ?? "")")
            for item in document.items {
                let covering = document.id.map { project.index.sources(referencingItem: item.id, of: $0) } ?? []
                var line = "  \(item.id)  \(item.text)"
                let targets = item.references.map { $0.isResolved ? $0.syntax.text : "\($0.syntax.text) (unresolved)" }
                if !targets.isEmpty { line += "  → \(targets.joined(separator: ", "))" }
                if !covering.isEmpty {
                    line += "  ← \(covering.map { source in source.item.map { "\(source.document)#\($0)" } ?? source.document }.joined(separator: ", "))"
                }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
