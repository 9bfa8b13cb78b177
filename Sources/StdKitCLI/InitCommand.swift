import ArgumentParser
import Foundation
import StdKitModel

/// `stdkit init [DIR]`: a new project that passes `stdkit check`.
struct InitCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new standards project with a first document of each kind.",
        discussion: "Existing files are never overwritten; a folder that already has stdkit.yml is refused.")

    @Argument(help: "The folder to create the project in (default: the current folder).")
    var directory: String = "."

    @Option(help: "Language of the project and its first documents: zh-CN or en.")
    var lang: ProjectTemplate.Language = .chinese

    @Option(help: "The project's name (default: the folder's name).")
    var name: String?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let root = environment.url(for: directory)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: root.appendingPathComponent("stdkit.yml").path) {
            throw CommandFailure(description: "\(environment.displayPath(root)) already has a stdkit.yml; nothing was changed")
        }
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CommandFailure(description: "\(directory) is a file, not a folder")
        }
        let projectName = name ?? (root.lastPathComponent.isEmpty ? "standards" : root.lastPathComponent)
        var created: [String] = []
        var kept: [String] = []
        for (path, content) in ProjectTemplate.files(language: lang, name: projectName) {
            let url = root.appendingPathComponent(path)
            if fileManager.fileExists(atPath: url.path) {
                kept.append(path)
                continue
            }
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // Atomic: a temporary file renamed into place.
                try Data(content.utf8).write(to: url, options: .atomic)
            } catch {
                throw CommandFailure(description: "cannot write \(environment.displayPath(url)): \(error.localizedDescription)")
            }
            created.append(path)
        }
        // The example documents' links are recorded as reviewed: a later change of a requirement
        // then shows as a suspect link.
        if !fileManager.fileExists(atPath: root.appendingPathComponent(Project.linkLockPath).path) {
            let review = LinkReview(project: try await ProjectLoader.load(root: root))
            try review.accepting(review.entries.map(\.link), pruning: true).write(toProject: root, environment: environment)
            created.append(Project.linkLockPath)
        }
        var report = "created a stdkit project in \(environment.displayPath(root))\n"
        for path in created { report += "  + \(path)\n" }
        for path in kept { report += "  = \(path) (exists, kept)\n" }
        report += "next: cd \(environment.displayPath(root)) && stdkit check\n"
        environment.output.write(report)
        return 0
    }
}
