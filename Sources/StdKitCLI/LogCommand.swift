import ArgumentParser
import Foundation
import StdKitDiff
import StdKitModel

/// `stdkit log DOC`: a document's version line from git history.
struct LogCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show a document's version line: version, date, commit, author and what changed.")

    @Argument(help: "The document: its id, or its file.")
    var document: String

    @Option(help: "The project folder (default: the project of the current folder).")
    var project: String?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let selection = try ProjectSelection(paths: project.map { [$0] } ?? [], environment: environment)
        guard let entry = selection.entries.first else { return 2 }
        let current = try await ProjectSource.workTree.load(entry, environment: environment)
        let fileURL = environment.url(for: document)
        let path: String
        if let found = current.document(document) {
            path = entry.root.appendingPathComponent(found.path).path
        } else if FileManager.default.fileExists(atPath: fileURL.path) {
            path = fileURL.path
        } else {
            let ids = current.documents.compactMap(\.id)
            let suggestion = ids.min { a, b in a.commonPrefix(with: document).count > b.commonPrefix(with: document).count }.map { "; did you mean '\($0)'?" } ?? ""
            throw CommandFailure(description: "no document '\(document)' in \(environment.displayPath(entry.root))\(suggestion)")
        }
        let repository: GitRepository
        do { repository = try GitRepository(containing: entry.root) } catch { throw CommandFailure(description: "\(error)") }
        let relative = String(URL(fileURLWithPath: path).standardizedFileURL.path.dropFirst(repository.top.path.count + 1))
        let log: String
        do {
            log = String(decoding: try GitRepository.git(
                ["log", "--follow", "--name-only", "--date=short", "--format=%x1e%H%x1f%ad%x1f%an%x1f%s", "--", relative], in: repository.top), as: UTF8.self)
        } catch {
            throw CommandFailure(description: "\(error)")
        }
        // Records: hash, date, author, subject, then the file's path at that commit.
        var entries: [(hash: String, date: String, author: String, subject: String, path: String)] = []
        for record in log.split(separator: "\u{1E}") {
            let lines = record.split(separator: "\n", omittingEmptySubsequences: true)
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { continue }
            entries.append((fields[0], fields[1], fields[2], fields[3], lines.dropFirst().first.map(String.init) ?? relative))
        }
        var output = ""
        for (index, commit) in entries.enumerated() {
            let after = try? await load(repository, commit.hash, commit.path)
            let parent = index + 1 < entries.count ? entries[index + 1] : nil
            var before: Project?
            if let parent { before = try? await load(repository, parent.hash, parent.path) }
            let version = after?.documents.first?.version ?? "-"
            var summary = "created"
            if let before, let after {
                let change = Differ(old: before, new: after).compare()
                if let document = change.documents.first {
                    summary = document.reasons.isEmpty ? (document.status == .renamed ? "moved to \(commit.path)" : "no change in meaning")
                        : document.reasonSummary()
                } else {
                    summary = "no change in meaning"
                }
            }
            output += "\(version.padding(toLength: 8, withPad: " ", startingAt: 0)) \(commit.date)  \(commit.hash.prefix(7))  \(commit.author)  \(summary)\n"
        }
        environment.output.write(output.isEmpty ? "no commits touch \(relative)\n" : output)
        return 0
    }

    private func load(_ repository: GitRepository, _ commit: String, _ path: String) async throws -> Project {
        let data = try GitRepository.git(["show", "\(commit):\(path)"], in: repository.top)
        return try await DiffCommand.loadFile(bytes: [UInt8](data))
    }
}
