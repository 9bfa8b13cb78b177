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
        case text, json
    }

    @Argument(help: "Files or folders to check (default: the project of the current folder).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Exit with status 1 on warnings too.")
    var warningsAsErrors = false

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let selection = try ProjectSelection(paths: paths, environment: environment)
        var combined = CheckResult(diagnostics: [], fileCount: 0)
        for entry in selection.entries {
            let project: Project
            do {
                project = try await ProjectLoader.load(root: entry.root, extraFiles: entry.extraFiles, progress: environment.loadingProgress)
            } catch {
                throw CommandFailure(description: "\(error)")
            }
            let result = Checker().check(project, only: entry.paths.isEmpty || entry.paths == [""] ? nil : entry.paths)
            combined.diagnostics += result.diagnostics.map { $0.displayed(root: entry.root, in: environment) }
            combined.fileCount += result.fileCount
        }
        combined.diagnostics.sort(by: Diagnostic.reportOrder)
        switch format {
        case .text: environment.output.write(TextReporter().report(combined))
        case .json: environment.output.write(JSONReporter().report(combined))
        }
        let failing = combined.count(.error) > 0 || (warningsAsErrors && combined.count(.warning) > 0)
        return failing ? 1 : 0
    }
}
