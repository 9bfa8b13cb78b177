import ArgumentParser
import Foundation
import StdKitModel

/// `stdkit git …`: wiring stdkit into git.
struct GitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git",
        abstract: "Set up git to run stdkit.",
        subcommands: [GitInstallCommand.self])
}

/// `stdkit git install [PROJECT]`: a pre-commit hook that runs `stdkit check --staged`.
struct GitInstallCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install a pre-commit hook that checks what is staged, and the semantic diff and merge drivers.",
        discussion: """
            Installing again updates the hook. A pre-commit hook that is not stdkit's is kept: it is \
            renamed pre-commit.before-stdkit and runs first, and stdkit says so.
            """)

    @Argument(help: "The project folder (default: the project of the current folder).")
    var project: String?

    @Option(help: "The stdkit executable the hook runs (default: this one).")
    var stdkit: String?

    static let marker = "# stdkit pre-commit hook"
    static let chainedName = "pre-commit.before-stdkit"

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let selection = try ProjectSelection(paths: project.map { [$0] } ?? [], environment: environment)
        guard let entry = selection.entries.first else { return 2 }
        let repository: GitRepository
        let hooks: URL
        do {
            repository = try GitRepository(containing: entry.root)
            let path = String(decoding: try GitRepository.git(["rev-parse", "--git-path", "hooks"], in: repository.top), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            hooks = path.hasPrefix("/") ? URL(fileURLWithPath: path) : repository.top.appendingPathComponent(path)
        } catch let failure as GitRepository.Failure {
            throw CommandFailure(description: failure.description)
        }
        let root = entry.root.standardizedFileURL.path
        let projectPath = root == repository.top.path ? "." : String(root.dropFirst(repository.top.path.count + 1))
        let executable = stdkit.map { environment.url(for: $0).path } ?? Self.runningExecutable()
        let fileManager = FileManager.default
        try? fileManager.createDirectory(at: hooks, withIntermediateDirectories: true)
        let hook = hooks.appendingPathComponent("pre-commit")
        var report = ""
        if let existing = try? String(contentsOf: hook, encoding: .utf8) {
            if existing.contains(Self.marker) {
                report += "updated the stdkit pre-commit hook in \(environment.displayPath(hook))\n"
            } else {
                let chained = hooks.appendingPathComponent(Self.chainedName)
                guard !fileManager.fileExists(atPath: chained.path) else {
                    throw CommandFailure(description: "\(environment.displayPath(hook)) is not stdkit's and \(Self.chainedName) exists too; merge them by hand, then run this again")
                }
                do {
                    try fileManager.moveItem(at: hook, to: chained)
                } catch {
                    throw CommandFailure(description: "cannot keep the existing hook as \(Self.chainedName): \(error.localizedDescription)")
                }
                report += "kept your existing pre-commit hook as \(environment.displayPath(chained)); it runs before stdkit's\n"
            }
        } else {
            report += "installed the stdkit pre-commit hook in \(environment.displayPath(hook))\n"
        }
        do {
            try Data(Self.script(executable: executable, projectPath: projectPath).utf8).write(to: hook, options: .atomic)
            try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        } catch {
            throw CommandFailure(description: "cannot write \(environment.displayPath(hook)): \(error.localizedDescription)")
        }
        report += "git commit now runs: \(executable) check --staged \(projectPath)\n"
        // The semantic diff and merge drivers: `git diff` shows changes in meaning, `git merge`
        // merges documents by structure.
        do {
            let quoted = Self.shellQuoted(executable)
            try GitRepository.git(["config", "diff.stdkit.command", "\(quoted) diff --git-driver"], in: repository.top)
            try GitRepository.git(["config", "merge.stdkit.name", "stdkit structure-aware merge of standards documents"], in: repository.top)
            try GitRepository.git(["config", "merge.stdkit.driver", "\(quoted) merge --git-driver %O %A %B %L %P %S %X %Y"], in: repository.top)
            let attributes = repository.top.appendingPathComponent(".gitattributes")
            let existing = (try? String(contentsOf: attributes, encoding: .utf8)) ?? ""
            let wanted = ["*.md diff=stdkit merge=stdkit", "**/.stdkit/links.lock merge=stdkit"]
            var lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            // Earlier stdkit lines are replaced; everything else stays as it was.
            let kept = lines.filter { line in
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                return !(trimmed.hasPrefix("*.md ") && trimmed.contains("=stdkit")) && !trimmed.hasPrefix(".stdkit/links.lock ") && !trimmed.hasPrefix("**/.stdkit/links.lock ")
            }
            let updated = (kept + wanted).joined(separator: "\n") + "\n"
            if updated != existing {
                try Data(updated.utf8).write(to: attributes, options: .atomic)
                report += "wrote '\(wanted.joined(separator: "' and '"))' to \(environment.displayPath(attributes))\n"
            }
            report += "git diff now shows semantic changes of documents (git log -p needs --ext-diff); git merge merges them by structure\n"
        } catch {
            throw CommandFailure(description: "cannot set up the diff and merge drivers: \(error)")
        }
        environment.output.write(report)
        return 0
    }

    /// The hook: run a kept foreign hook first, then check what is staged.
    static func script(executable: String, projectPath: String) -> String {
        """
        #!/bin/sh
        \(marker) (written by `stdkit git install`; installing again updates it)
        # Checks what is staged for commit; a finding at error level stops the commit.
        # To commit anyway, once: git commit --no-verify
        hook_dir=$(dirname "$0")
        if [ -x "$hook_dir/\(chainedName)" ]; then
          "$hook_dir/\(chainedName)" "$@" || exit $?
        fi
        stdkit=\(shellQuoted(executable))
        if [ ! -x "$stdkit" ]; then
          stdkit=$(command -v stdkit) || { echo "stdkit pre-commit hook: stdkit not found; run 'stdkit git install' again" >&2; exit 1; }
        fi
        exec "$stdkit" check --staged \(shellQuoted(projectPath))

        """
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The path of the running stdkit, or `stdkit` on the PATH when running inside tests.
    static func runningExecutable() -> String {
        let argument = CommandLine.arguments.first ?? "stdkit"
        guard URL(fileURLWithPath: argument).lastPathComponent == "stdkit", argument.contains("/") else { return "stdkit" }
        if argument.hasPrefix("/") { return argument }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(argument).standardizedFileURL.path
    }
}
