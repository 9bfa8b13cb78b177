import ArgumentParser
import Foundation
import StdKitDiff
import StdKitModel
import StdKitSyntax

/// `stdkit diff`: what changed in meaning between two files, folders or revisions.
struct DiffCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the semantic changes between two files, folders or revisions.",
        discussion: """
            stdkit diff OLD.md NEW.md          two files
            stdkit diff OLD/ NEW/              two project folders
            stdkit diff REV..REV [PROJECT]     two revisions
            stdkit diff REV [PROJECT]          a revision and the work tree
            stdkit diff --staged [PROJECT]     HEAD and what is staged
            As a git diff driver: stdkit diff --git-driver (git passes its 7 or 9 arguments).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json, html, critic
    }

    @Argument(help: "Files, folders, revisions and a project folder (see above).")
    var arguments: [String] = []

    @Option(help: "Output format: text, markdown, json, html or critic.")
    var format: Format = .text

    @Flag(help: "Compare HEAD with what is staged for commit.")
    var staged = false

    @Flag(help: "Run as git's external diff driver (arguments as git passes them).")
    var gitDriver = false

    @Option(help: "Colour in text output: auto, always or never.")
    var color: CheckCommand.Colour = .auto

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        if gitDriver { return await runAsDriver(environment) }
        let (old, new, from, to) = try await projects(environment)
        let change = Differ(old: old, new: new).compare()
        environment.output.write(render(change, old: old, new: new, from: from, to: to, environment: environment))
        return 0
    }

    func render(_ change: ProjectChange, old: Project, new: Project, from: String, to: String, environment: CommandEnvironment) -> String {
        let report = DiffReport(change: change, from: from, to: to)
        switch format {
        case .text:
            let colour = (color == .always || (color == .auto && environment.outputIsTerminal)) && !environment.noColor
            return report.text(colour: colour)
        case .markdown: return report.markdown()
        case .json: return report.json()
        case .html: return report.html(title: "\(new.config.name): \(from) → \(to)")
        case .critic:
            var output = ""
            for document in change.documents {
                let before = document.oldPath.flatMap(old.document(atPath:))
                let after = document.newPath.flatMap(new.document(atPath:))
                output += "<!-- stdkit: \(document.newPath ?? document.oldPath ?? document.id) (\(document.status.rawValue)) -->\n"
                output += CriticMarkup.render(old: before?.text ?? "", new: after?.text ?? "") + "\n"
            }
            return output
        }
    }

    /// The two sides, with their labels.
    private func projects(_ environment: CommandEnvironment) async throws -> (Project, Project, String, String) {
        var arguments = self.arguments
        var cache = ProjectLoader.BlobCache()
        if staged {
            let entry = try entryFor(arguments.first, environment)
            return (try await ProjectSource.revision("HEAD").load(entry, environment: environment, cache: &cache),
                    try await ProjectSource.index.load(entry, environment: environment, cache: &cache), "HEAD", "staged")
        }
        guard let first = arguments.first else {
            throw CommandFailure(description: "nothing to compare: give two files, two folders, REV..REV, a REV or --staged")
        }
        if first.contains(".."), !FileManager.default.fileExists(atPath: environment.url(for: first).path) {
            let parts = first.components(separatedBy: "..")
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CommandFailure(description: "'\(first)' is not a range of revisions: write OLD..NEW")
            }
            arguments.removeFirst()
            let entry = try entryFor(arguments.first, environment)
            return (try await ProjectSource.revision(parts[0]).load(entry, environment: environment, cache: &cache),
                    try await ProjectSource.revision(parts[1]).load(entry, environment: environment, cache: &cache), parts[0], parts[1])
        }
        let firstURL = environment.url(for: first)
        var isDirectory: ObjCBool = false
        let firstExists = FileManager.default.fileExists(atPath: firstURL.path, isDirectory: &isDirectory)
        if firstExists, arguments.count == 2 {
            let secondURL = environment.url(for: arguments[1])
            var secondIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: secondURL.path, isDirectory: &secondIsDirectory) else {
                throw CommandFailure(description: "no such file or folder: \(arguments[1])")
            }
            if isDirectory.boolValue && secondIsDirectory.boolValue {
                return (try await load(folder: firstURL), try await load(folder: secondURL), first, arguments[1])
            }
            guard !isDirectory.boolValue && !secondIsDirectory.boolValue else {
                throw CommandFailure(description: "compare two files or two folders, not one of each")
            }
            return (try await load(file: firstURL), try await load(file: secondURL), first, arguments[1])
        }
        if firstExists {
            throw CommandFailure(description: "'\(first)' needs something to compare with: give a second file or folder")
        }
        // A single revision: against the work tree.
        arguments.removeFirst()
        let entry = try entryFor(arguments.first, environment)
        return (try await ProjectSource.revision(first).load(entry, environment: environment),
                try await ProjectSource.workTree.load(entry, environment: environment), first, "working tree")
    }

    private func entryFor(_ path: String?, _ environment: CommandEnvironment) throws -> ProjectSelection.Entry {
        let selection = try ProjectSelection(paths: path.map { [$0] } ?? [], environment: environment, inRepository: true)
        guard let entry = selection.entries.first else { throw CommandFailure(description: "no project") }
        return entry
    }

    private func load(folder: URL) async throws -> Project {
        do { return try await ProjectLoader.load(root: folder) } catch { throw CommandFailure(description: "\(error)") }
    }

    /// One file as a project of its own, named `document.md` so that its old and new versions
    /// pair even when their names differ.
    static func loadFile(bytes: [UInt8]) async throws -> Project {
        try await ProjectLoader.load(files: ["document.md": bytes])
    }

    private func load(file: URL) async throws -> Project {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw CommandFailure(description: "cannot read \(file.path)")
        }
        return try await Self.loadFile(bytes: [UInt8](data))
    }

    /// git's external diff: `path old-file old-hex old-mode new-file new-hex new-mode
    /// [new-path rename-info]`. Whatever happens, git must not be made to abort: failures are
    /// reported in the output and the status is 0.
    private func runAsDriver(_ environment: CommandEnvironment) async -> Int32 {
        guard arguments.count == 7 || arguments.count == 9 else {
            environment.output.write("stdkit diff driver: expected git's 7 or 9 arguments, got \(arguments.count)\n")
            return 0
        }
        let path = arguments[0]
        let newPath = arguments.count == 9 ? arguments[7] : path
        func read(_ file: String) -> [UInt8] {
            file == "/dev/null" ? [] : (FileManager.default.contents(atPath: environment.url(for: file).path).map { [UInt8]($0) } ?? [])
        }
        do {
            let old = try await Self.loadFile(bytes: read(arguments[1]))
            let new = try await Self.loadFile(bytes: read(arguments[4]))
            var change = Differ(old: old, new: new).compare()
            for index in change.documents.indices {
                change.documents[index].oldPath = arguments[1] == "/dev/null" ? nil : path
                change.documents[index].newPath = arguments[4] == "/dev/null" ? nil : newPath
            }
            let report = DiffReport(change: change, from: "a/\(path)", to: "b/\(newPath)")
            let colour = color == .always && !environment.noColor
            environment.output.write("stdkit semantic diff: \(path)\(newPath != path ? " → \(newPath)" : "")\n")
            environment.output.write(format == .json ? report.json() : report.text(colour: colour))
        } catch {
            environment.output.write("stdkit diff driver: cannot compare \(path): \(error)\n")
        }
        return 0
    }
}
