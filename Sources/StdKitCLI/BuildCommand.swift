import ArgumentParser
import Foundation
import StdKitCheck
import StdKitModel
import StdKitPublish

/// `stdkit build [DIR] [-o OUT] [--watch]`: the static site.
struct BuildCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Publish the project as a static website.",
        discussion: """
            Writes an index, a page per document, the traceability matrix and search into the \
            output folder (publish.output in stdkit.yml, _site by default). The site is built beside \
            the output folder and swapped in: a failed build leaves the previous site whole.
            """)

    @Argument(help: "The project folder (default: the project of the current folder).")
    var directory: String?

    @Option(name: [.short, .customLong("output")], help: "The folder to write the site to.")
    var output: String?

    @Flag(help: "Rebuild whenever a file of the project changes (until interrupted).")
    var watch = false

    @Option(help: "Publish the project as it is at a git revision (a commit, branch or tag), without a checkout.")
    var rev: String?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let source = ProjectSource(staged: false, revision: rev)
        if rev != nil, watch { throw CommandFailure(description: "--watch follows the work tree; it cannot be used with --rev") }
        let selection = try ProjectSelection(paths: directory.map { [$0] } ?? [], environment: environment, inRepository: source.readsGit)
        guard let entry = selection.entries.first else { return 2 }
        var status = try await buildOnce(entry, source: source, environment: environment)
        guard watch else { return status }
        var snapshot = Self.snapshot(of: entry.root, excluding: try outputURL(entry, environment: environment))
        environment.errors.write("watching \(environment.displayPath(entry.root)) for changes (Ctrl-C to stop)\n")
        while true {
            try await Task.sleep(nanoseconds: 1_000_000_000)
            let next = Self.snapshot(of: entry.root, excluding: try outputURL(entry, environment: environment))
            guard next != snapshot else { continue }
            snapshot = next
            status = (try? await buildOnce(entry, source: source, environment: environment)) ?? 2
        }
    }

    private func outputURL(_ entry: ProjectSelection.Entry, environment: CommandEnvironment) throws -> URL {
        if let output { return environment.url(for: output) }
        let project = try? ProjectConfig.parse(
            String(contentsOf: entry.root.appendingPathComponent(ProjectConfig.fileName), encoding: .utf8), defaultName: "").0
        return entry.root.appendingPathComponent(project?.publish.output ?? "_site")
    }

    private func buildOnce(_ entry: ProjectSelection.Entry, source: ProjectSource, environment: CommandEnvironment) async throws -> Int32 {
        let project = try await source.load(entry, environment: environment)
        if !watch { KeptUntilExit.keep(project) }
        // The check's summary, computed while the site is rendered and written (writing is
        // mostly waiting for the disk).
        let summary = Task.detached { Checker().check(project) }
        let target = output.map { environment.url(for: $0) } ?? entry.root.appendingPathComponent(project.config.publish.output)
        let files: Int
        do {
            let builder = try SiteBuilder(project: project, toolVersion: StdKit.version)
            var progress: SiteBuilder.Progress?
            if environment.errorsIsTerminal {
                let errors = environment.errors
                progress = { done, total in
                    guard total >= 200, done % 100 == 0 || done == total else { return }
                    errors.write(done < total ? "\rbuilding \(done)/\(total) pages…" : "\r\u{1B}[K")
                }
            }
            files = try builder.build(to: target, progress: progress)
        } catch let error as SiteError {
            throw CommandFailure(description: error.description)
        }
        let result = await summary.value
        // An upstream that is not there leaves its references unlinked in the site: the finding
        // that says how to fetch it is shown as the check shows it, not only counted.
        let missing = result.diagnostics.filter { $0.rule == "upstream-missing" }
        if !missing.isEmpty {
            let shown = missing.map { $0.displayed { environment.displayPath(entry.root.appendingPathComponent($0)) } }
            let reporter = TextReporter(language: environment.language(option: nil, projectRoot: entry.root))
            // The report's own summary line is left out: the note below sums up the whole check.
            var report = reporter.report(CheckResult(diagnostics: shown, fileCount: 0)).split(separator: "\n", omittingEmptySubsequences: false)
            report.removeLast(2)
            environment.errors.write(report.joined(separator: "\n") + "\n")
        }
        if result.count(.error) > 0 || result.count(.warning) > 0 {
            environment.errors.write("note: \(TextReporter().summary(result)); run 'stdkit check' for the details\n")
        }
        environment.output.write("built \(files) files into \(environment.displayPath(target))\n")
        environment.output.write("open \(environment.displayPath(target.appendingPathComponent("index.html")))\n")
        return 0
    }

    /// Modification times and sizes of the project's files, to notice a change.
    static func snapshot(of root: URL, excluding output: URL) -> [String: String] {
        var result: [String: String] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else { return [:] }
        let excluded = output.standardizedFileURL.path
        for case let url as URL in enumerator {
            let path = url.standardizedFileURL.path
            if path == excluded || path.hasPrefix(excluded + "/") { enumerator.skipDescendants(); continue }
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            result[path] = "\(values.contentModificationDate?.timeIntervalSince1970 ?? 0)/\(values.fileSize ?? 0)"
        }
        return result
    }
}
