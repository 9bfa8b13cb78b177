import ArgumentParser
import Foundation
import StdKitCheck
import StdKitModel
import StdKitSyntax

/// `stdkit check [PATH…]`: parse and validate.
struct CheckCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and validate a standards project.",
        discussion: """
            With no PATH, checks the project that contains the current folder. With PATHs, reads \
            each one's whole project (to resolve references) and reports on the named files and \
            folders. Exit status: 0 clean, 1 findings at error level, 2 usage or I/O failure.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github
    }

    enum Colour: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: "Files or folders to check (default: the project of the current folder).")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif or github.")
    var format: Format = .text

    @Flag(help: "Check what is staged for commit (the git index), not the working tree.")
    var staged = false

    @Option(help: "Check the project as it is at a git revision (a commit, branch or tag).")
    var rev: String?

    @Option(help: "Compare versions with this revision: a changed document must raise its version (default with --staged: HEAD).")
    var base: String?

    @Option(name: .customLong("only"), help: ArgumentHelp("Report only this rule (repeatable).", valueName: "rule"))
    var only: [String] = []

    @Flag(help: "Exit with status 1 on warnings too.")
    var warningsAsErrors = false

    @Option(help: "Colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: Colour = .auto

    func validate() throws {
        if staged && rev != nil {
            throw ValidationError("--staged and --rev cannot be used together: choose the index or a revision")
        }
        let known = RuleCatalogue.all.map(\.description.id)
        for rule in only where !known.contains(rule) {
            let suggestion = Suggestion.closest(to: rule, among: known).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("'\(rule)' is not a rule\(suggestion) ('stdkit rules' lists them)")
        }
    }

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let source = ProjectSource(staged: staged, revision: rev)
        let selection = try ProjectSelection(paths: paths, environment: environment, inRepository: source.readsGit)
        var combined = CheckResult(diagnostics: [], fileCount: 0)
        var documents: [String: String] = [:]  // shown path → text, for the source lines
        for entry in selection.entries {
            // Documents read from git are shared between the two versions by blob: the base costs
            // only what changed.
            var cache = ProjectLoader.BlobCache()
            let project = try await source.load(entry, environment: environment, cache: &cache)
            var baseProject: Project?
            if let base {
                baseProject = try await ProjectSource.revision(base).load(entry, environment: environment, cache: &cache)
            } else if staged {
                // Before the first commit there is no HEAD to compare with.
                baseProject = try? await ProjectSource.revision("HEAD").load(entry, environment: environment, cache: &cache)
            }
            let history = GitHistory(projectRoot: entry.root, revision: rev ?? "HEAD")
            var result = Checker().check(project, only: entry.paths.isEmpty || entry.paths == [""] ? nil : entry.paths, base: baseProject, history: history)
            if !only.isEmpty { result.diagnostics.removeAll { !only.contains($0.rule) } }
            combined.diagnostics += result.diagnostics.map { $0.displayed(root: entry.root, in: environment) }
            combined.fileCount += result.fileCount
            for document in project.documents {
                documents[environment.displayPath(entry.root.appendingPathComponent(document.path))] = document.text
            }
            if let lock = project.linkLock { documents[environment.displayPath(entry.root.appendingPathComponent(Project.linkLockPath))] = lock }
        }
        combined.diagnostics.sort(by: Diagnostic.reportOrder)
        let report: String
        switch format {
        case .text:
            let colour = color == .always || (color == .auto && environment.outputIsTerminal)
            let shown = documents
            let lines: TextReporter.SourceLines = { file, line in shown[file].flatMap { Document.line(line, of: $0) } }
            report = TextReporter(style: .init(enabled: colour && !environment.noColor), sourceLines: lines).report(combined)
        case .json: report = JSONReporter().report(combined)
        case .sarif: report = SARIFReporter(rules: RuleCatalogue.all.map(\.description), toolVersion: StdKit.version).report(combined)
        case .github: report = GitHubReporter().report(combined)
        }
        environment.output.write(report)
        let failing = combined.count(.error) > 0 || (warningsAsErrors && combined.count(.warning) > 0)
        return failing ? 1 : 0
    }
}
