import ArgumentParser
import Foundation
import StdKitCheck
import StdKitModel
import StdKitPublish
import StdKitSyntax

/// `stdkit catalogue PROJECT… -o DIR` or `--list FILE`: one site over many projects, the
/// pilot's and the group's view (DESIGN §14.3).
struct CatalogueCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Publish one site over many projects: each school's programme, its region, conformance, coverage and hours.",
        discussion: """
            Reads the projects one at a time (memory is bounded by the largest, not the sum), checks \
            each, and writes index.html (a table to sort and filter, charts by province and batch) and \
            catalogue.json into the output folder. A folder that cannot be read is a row marked as \
            failed; it does not stop the run. Exit status: 0 when the catalogue was built (findings in \
            the projects do not fail it), 2 on bad arguments or when the output cannot be written.
            """)

    @Argument(help: "Project folders.")
    var projects: [String] = []

    @Option(help: "A file listing project folders, one a line ('#' comments, blank lines skipped; relative to the file's folder).")
    var list: String?

    @Option(name: [.short, .customLong("output")], help: "The folder to write the catalogue to.")
    var output: String

    @Option(help: "The language of the page (zh-CN or en); default: the first project's.")
    var lang: Language?

    @Option(help: "How many projects to read at once (each is dropped once summarised).")
    var jobs = 2

    @Option(help: "The page's title (default: 试点项目总览 / Catalogue of projects).")
    var title: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if projects.isEmpty && list == nil {
            throw ValidationError("name the project folders, or a file listing them with --list FILE")
        }
    }

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let folders = try selectedFolders(environment)
        guard !folders.isEmpty else { throw CommandFailure(description: "\(list ?? "the list") names no project folder") }
        let progress = environment.errorsIsTerminal ? CatalogueProgress(errors: environment.errors, total: folders.count) : nil
        let entries = await CatalogueEntry.readAll(folders.map { ($0.url, $0.written) }, jobs: jobs) { entry, done in
            if let detail = entry.failureDetail {
                progress?.clear()
                environment.errors.write("warning: \(detail); listed as failed\n")
            }
            progress?.show(done: done, name: entry.school)
        }
        progress?.clear()
        let language = lang?.rawValue ?? entries.first { $0.failure == nil }?.lang ?? "zh-CN"
        let site = CatalogueSite(entries: entries, lang: language, title: title, toolVersion: StdKit.version)
        let target = environment.url(for: output)
        do {
            try site.build(to: target)
        } catch let error as SiteError {
            throw CommandFailure(description: error.description)
        }
        let failed = entries.filter { $0.failure != nil }.count
        environment.output.write("catalogued \(entries.count) projects\(failed > 0 ? " (\(failed) could not be read)" : "") into \(environment.displayPath(target))\n")
        environment.output.write("open \(environment.displayPath(target.appendingPathComponent("index.html")))\n")
        return 0
    }

    /// The folders named on the command line, then those of the list.
    private func selectedFolders(_ environment: CommandEnvironment) throws -> [CatalogueList.Folder] {
        var folders = projects.map { CatalogueList.Folder(written: $0, url: environment.url(for: $0), line: 0) }
        if let list {
            let url = environment.url(for: list)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CommandFailure(description: "cannot read the list \(list): no such file")
            }
            do {
                folders += try CatalogueList(text: DecodedSource(bytes: [UInt8](data)).text, at: url, shownAs: list).folders
            } catch let problem as CatalogueList.Problem {
                throw CommandFailure(description: problem.description)
            }
        }
        return folders
    }
}

/// The catalogue's progress bar on a terminal, redrawn in place:
/// `[########------------] 412/1000 粤海职业技术学院`.
struct CatalogueProgress {
    var errors: OutputSink
    var total: Int
    /// Cells of the bar.
    static let width = 20
    /// Characters of the name shown, at most.
    static let nameLength = 40

    func show(done: Int, name: String) {
        errors.write("\r" + Self.line(done: done, total: total, name: name) + "\u{1B}[K")
    }

    /// Clears the line, before a warning or at the end.
    func clear() {
        errors.write("\r\u{1B}[K")
    }

    /// The text of the bar (without the carriage return and the erase).
    static func line(done: Int, total: Int, name: String) -> String {
        let filled = total > 0 ? done * width / total : width
        let shownName = name.count > nameLength ? String(name.prefix(nameLength - 1)) + "…" : name
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] \(done)/\(total) \(shownName)"
    }
}
