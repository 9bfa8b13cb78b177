import ArgumentParser
import Foundation
import StdKitCheck
import StdKitDiff
import StdKitModel
import StdKitSyntax

/// `stdkit upstream`: the upstream standards a project implements (DESIGN §14, docs/upstream.md).
struct UpstreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upstream",
        abstract: "Show the upstream standards a project implements, and what a new release of one changes for it.",
        discussion: "See docs/upstream.md.",
        subcommands: [UpstreamStatusCommand.self, UpstreamDiffCommand.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }
}

/// `stdkit upstream status [PATH]`: each upstream, its copy and release, and what the project
/// uses of it. Exit 1 when an upstream is absent.
struct UpstreamStatusCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each upstream: its folder and release, its documents, what this project uses of it and what it leaves unused.",
        discussion: "Exit status: 0, or 1 when an upstream is absent (its folder missing or empty), as 'stdkit check' reports it.")

    @Argument(help: "The project folder (default: the project of the current folder).")
    var path: String?

    @Option(help: "Output format: text or json.")
    var format: UpstreamCommand.Format = .text

    @Option(help: ArgumentHelp("Language of the text: zh-CN or en (default: STDKIT_LANG, else the project's lang, else the locale).",
                               valueName: "lang"))
    var lang: Language?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let (entry, project) = try await ProjectSource.workTree.loadProject(at: path, environment: environment)
        let language = environment.language(option: lang, projectRoot: entry.root)
        let report = UpstreamStatusReport(project: project)
        func shown(_ file: String) -> String { environment.displayPath(entry.root.appendingPathComponent(file)) }
        switch format {
        case .text: environment.output.write(report.text(language: language, path: shown))
        case .json: environment.output.write(JSONOutput.encode(report.json(language: language, path: shown)) + "\n")
        }
        return report.upstreams.contains { $0.upstream.project == nil } ? 1 : 0
    }
}

/// `stdkit upstream diff A..B [PATH]`: what upstream release B changes against A for this
/// project — each upstream change with the local places it touches — and what the check will
/// report once the project follows B.
struct UpstreamDiffCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a new release of an upstream changes for this project, and what the check will report after updating.",
        discussion: """
            stdkit upstream diff v2025.1..v2026.1 [PROJECT]
            The two releases are read from the upstream's git repository: its folder when it is a \
            git checkout (a submodule), else the clone given with --repo DIR.
            """)

    @Argument(help: "The two releases, OLD..NEW (tags or commits of the upstream's repository).")
    var range: String

    @Argument(help: "The project folder (default: the project of the current folder).")
    var path: String?

    @Option(help: "The upstream's id, when the project declares several.")
    var upstream: String?

    @Option(help: ArgumentHelp("A clone of the upstream's git repository (for a vendored copy).", valueName: "dir"))
    var repo: String?

    @Option(help: "Output format: text or json.")
    var format: UpstreamCommand.Format = .text

    @Option(help: ArgumentHelp("Language of the text: zh-CN or en (default: STDKIT_LANG, else the project's lang, else the locale).",
                               valueName: "lang"))
    var lang: Language?

    /// The two revisions of `range`.
    var revisions: (from: String, to: String)? {
        let parts = range.components(separatedBy: "..")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].hasPrefix(".") else { return nil }
        return (parts[0], parts[1])
    }

    func validate() throws {
        guard revisions != nil else {
            throw ValidationError("'\(range)' is not a range of releases: write OLD..NEW, e.g. v2025.1..v2026.1")
        }
    }

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        guard let (from, to) = revisions else { return 2 }
        let (entry, project) = try await ProjectSource.workTree.loadProject(at: path, environment: environment)
        let language = environment.language(option: lang, projectRoot: entry.root)
        func fail(_ message: Message) -> CommandFailure { CommandFailure(description: message.text(in: language)) }

        let chosen = try choose(project, fail: fail)
        let repository = try repository(of: chosen, root: entry.root, environment: environment, fail: fail)
        let old = try await read(from, in: repository, fail: fail)
        let new = try await read(to, in: repository, fail: fail)

        let diff = UpstreamDiff(project: project, upstream: chosen.id, old: old, new: new)
        let after = UpstreamUpdate.findings(project, upstream: chosen.id, updatedTo: new, release: chosen.declaration.release == nil ? nil : to,
                                            previous: old, history: GitHistory(projectRoot: entry.root))
        let report = UpstreamDiffReport(declaration: chosen.declaration, from: from, to: to, diff: diff, after: after)
        func shown(_ file: String) -> String { environment.displayPath(entry.root.appendingPathComponent(file)) }
        switch format {
        case .text:
            // The findings quote their lines: the local documents' and stdkit.yml's.
            var texts: [String: String] = [:]
            for file in Set(after.diagnostics.map(\.file)) {
                if let document = project.document(atPath: file) {
                    texts[shown(file)] = document.text
                } else if let data = FileManager.default.contents(atPath: entry.root.appendingPathComponent(file).path) {
                    texts[shown(file)] = String(decoding: data, as: UTF8.self)
                }
            }
            environment.output.write(report.text(language: language, path: shown, sourceTexts: { [texts] in texts[$0] }))
        case .json:
            environment.output.write(JSONOutput.encode(report.json(language: language, path: shown)) + "\n")
        }
        return 0
    }

    /// The upstream named by `--upstream`, or the only one declared.
    func choose(_ project: Project, fail: (Message) -> CommandFailure) throws -> Upstream {
        let declared = project.upstreams.map(\.id)
        if let upstream {
            guard let found = project.upstream(upstream) else { throw fail(.notDeclared(upstream, declared: declared)) }
            return found
        }
        guard let only = project.upstreams.first else { throw fail(.noUpstream) }
        guard project.upstreams.count == 1 else { throw fail(.chooseUpstream(declared)) }
        return only
    }

    /// The upstream's repository: `--repo`, else its folder when that is a git checkout of its own.
    func repository(of upstream: Upstream, root: URL, environment: CommandEnvironment, fail: (Message) -> CommandFailure) throws -> GitRepository {
        let declaration = upstream.declaration
        let folder: URL
        if let repo {
            folder = environment.url(for: repo)
        } else {
            folder = root.appendingPathComponent(declaration.path).standardizedFileURL
            guard upstream.checkout != nil else {
                throw fail(upstream.project == nil ? .absentNeedsRepository(declaration.id, path: declaration.path)
                                                   : .vendoredNeedsRepository(declaration.id, path: declaration.path))
            }
        }
        guard let repository = try? GitRepository(containing: folder), repository.top.standardizedFileURL.path == folder.standardizedFileURL.path else {
            throw fail(.notARepository(repo ?? declaration.path))
        }
        return repository
    }

    /// The upstream at `revision`, read as a project of its own from its repository.
    func read(_ revision: String, in repository: GitRepository, fail: (Message) -> CommandFailure) async throws -> Project {
        guard (try? GitRepository.git(["rev-parse", "-q", "--verify", "\(revision)^{commit}"], in: repository.top)) != nil else {
            let tags = (try? GitRepository.git(["tag", "--list"], in: repository.top))
                .map { String(decoding: $0, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init) } ?? []
            throw fail(.unknownRevision(revision, repository: repository.top.path, tags: tags))
        }
        do {
            return try await ProjectLoader.load(repository: repository, source: .revision(revision), projectPath: "", readingUpstreams: false)
        } catch let failure as GitRepository.Failure {
            throw CommandFailure(description: failure.description)
        }
    }
}

extension Message {
    fileprivate static let noUpstream = Message("upstream.error.none")

    fileprivate static func notDeclared(_ id: String, declared: [String]) -> Message {
        Message("upstream.error.not-declared", ["id": .verbatim(id), "declared": .list(declared, .and)])
    }

    fileprivate static func chooseUpstream(_ declared: [String]) -> Message {
        Message("upstream.error.choose", ["declared": .list(declared, .or)])
    }

    fileprivate static func vendoredNeedsRepository(_ id: String, path: String) -> Message {
        Message("upstream.error.vendored", ["id": .verbatim(id), "path": .verbatim(path)])
    }

    fileprivate static func absentNeedsRepository(_ id: String, path: String) -> Message {
        Message("upstream.error.absent", ["id": .verbatim(id), "path": .verbatim(path)])
    }

    fileprivate static func notARepository(_ path: String) -> Message {
        Message("upstream.error.not-a-repository", ["path": .verbatim(path)])
    }

    fileprivate static func unknownRevision(_ revision: String, repository: String, tags: [String]) -> Message {
        Message(tags.isEmpty ? "upstream.error.unknown-revision.no-tags" : "upstream.error.unknown-revision",
                ["revision": .verbatim(revision), "repository": .verbatim(repository), "tags": .list(tags, .and)])
    }
}

/// A local place that names an upstream's document or item, as both `stdkit upstream` reports
/// write it in JSON (docs/upstream.md).
struct UpstreamPlaceJSON: Encodable {
    var document: String
    var item: String?
    var field: String?
    var file: String
    var line: Int
    var column: Int

    /// `file` is the place's path as the report shows paths.
    init(_ place: UpstreamUsage.Place, file: String) {
        document = place.document
        item = place.item
        field = place.field
        self.file = file
        line = place.location.line
        column = place.location.column
    }
}
