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

    @Flag(help: "With --staged: check everything again instead of starting from the last check (kept in .stdkit/cache/).")
    var noCache = false

    @Option(help: ArgumentHelp("Language of the messages: zh-CN or en (default: STDKIT_LANG, else the project's lang, else the locale).",
                               valueName: "lang"))
    var lang: Language?

    func validate() throws {
        if staged && rev != nil {
            throw ValidationError("--staged and --rev cannot be used together: choose the index or a revision")
        }
        // The catalogue is made only when there is a rule to look up: `--staged`, on every
        // commit, makes it while git lists the files (`checkStaged`).
        guard !only.isEmpty else { return }
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
            let history = GitHistory(projectRoot: entry.root, revision: rev ?? "HEAD")
            let checked = staged && !noCache
                ? try await checkStaged(entry, history: history, environment: environment)
                : try await checkInFull(entry, source: source, history: history, environment: environment)
            let paths = entry.paths.isEmpty || entry.paths == [""] ? nil : entry.paths
            let wanted = { (file: String) in paths.map { paths in paths.contains { Checker.path(file, isUnder: $0) } } ?? true }
            var diagnostics = checked.diagnostics.filter { wanted($0.file) }
            if !only.isEmpty { diagnostics.removeAll { !only.contains($0.rule) } }
            // Each file's path shown relative to the current folder once (through URLs, it
            // took a tenth of a second for the 36,000 findings of powershell-docs).
            var shownPaths: [String: String] = [:]
            func shown(_ file: String) -> String {
                if let path = shownPaths[file] { return path }
                let path = environment.displayPath(entry.root.appendingPathComponent(file))
                shownPaths[file] = path
                return path
            }
            combined.diagnostics += diagnostics.map { $0.displayed(shown) }
            combined.fileCount += checked.documentPaths.filter(wanted).count
            // Only the files a finding is shown in (the report quotes their lines).
            for file in Set(diagnostics.map(\.file)) {
                guard let text = checked.texts[file] else { continue }
                documents[shown(file)] = text
            }
        }
        var timings = Timings()
        combined.diagnostics.sort(by: Diagnostic.reportOrder)
        let language = environment.language(option: lang, projectRoot: selection.entries.first?.root)
        defer { timings.lap("report") }
        switch format {
        case .text:
            let colour = color == .always || (color == .auto && environment.outputIsTerminal)
            let texts = documents
            TextReporter(style: .init(enabled: colour && !environment.noColor), sourceTexts: { texts[$0] }, language: language)
                .report(combined, to: environment.output.write)
        case .json: environment.output.write(JSONReporter(language: language).report(combined))
        case .sarif:
            environment.output.write(SARIFReporter(rules: RuleCatalogue.all.map(\.description), toolVersion: StdKit.version, language: language).report(combined))
        case .github: environment.output.write(GitHubReporter(language: language).report(combined))
        }
        let failing = combined.count(.error) > 0 || (warningsAsErrors && combined.count(.warning) > 0)
        return failing ? 1 : 0
    }

    /// What the check of one project found: every finding (not yet narrowed to the paths asked
    /// for), the documents' paths, and the texts of the files the findings are in (for showing
    /// their lines).
    struct Checked {
        var diagnostics: [Diagnostic]
        var documentPaths: [String]
        var texts: [String: String]
    }

    /// Reads the whole project (and the base to compare versions with) and checks it.
    func checkInFull(_ entry: ProjectSelection.Entry, source: ProjectSource, history: ProjectHistory, environment: CommandEnvironment) async throws -> Checked {
        // Documents read from git are shared between the two versions by blob: the base costs
        // only what changed.
        var cache = ProjectLoader.BlobCache()
        var timings = Timings()
        let project = try await source.load(entry, environment: environment, cache: &cache)
        timings.lap("load")
        let baseProject = try await loadBase(entry, cache: &cache, environment: environment)
        timings.lap("load the base")
        let checked = Checked(project: project, diagnostics: Checker().check(project, base: baseProject, history: history).diagnostics)
        timings.lap("check")
        KeptUntilExit.keep(project, base: baseProject)
        return checked
    }

    /// The revision versions are compared with: `--base`, or HEAD with `--staged` (nil before
    /// the first commit).
    func loadBase(_ entry: ProjectSelection.Entry, cache: inout ProjectLoader.BlobCache, environment: CommandEnvironment) async throws -> Project? {
        if let base { return try await ProjectSource.revision(base).load(entry, environment: environment, cache: &cache) }
        guard staged else { return nil }
        return try? await ProjectSource.revision("HEAD").load(entry, environment: environment, cache: &cache)
    }

    /// `--staged` from the last check: the files staged since are read again, and the findings
    /// of the others reused where `IncrementalCheck` can tell they hold; else the full check,
    /// kept for the next time in `.stdkit/cache/check-staged` (with a `.gitignore`).
    func checkStaged(_ entry: ProjectSelection.Entry, history: ProjectHistory, environment: CommandEnvironment) async throws -> Checked {
        var timings = Timings()
        let repository: GitRepository, projectPath: String
        do {
            (repository, projectPath) = try ProjectSource.repository(of: entry)
        } catch let failure as GitRepository.Failure {
            throw CommandFailure(description: failure.description)
        }
        guard !repository.isBare else { throw CommandFailure(description: "a bare repository has no index; use --rev") }
        timings.lap("cache: the repository")
        let prefix = projectPath.isEmpty ? "" : projectPath + "/"
        func blobs(_ entries: [GitRepository.Entry]) -> [String: String] {
            var result: [String: String] = [:]
            result.reserveCapacity(entries.count)
            for entry in entries where prefix.isEmpty || entry.path.hasPrefix(prefix) {
                let path = prefix.isEmpty ? entry.path : String(entry.path.dropFirst(prefix.count))
                if result[path] == nil { result[path] = entry.blob }
            }
            return result
        }
        func list() throws -> IncrementalCheck.Listing {
            let (index, tree) = repository.indexAndTreeEntries(under: prefix, at: base ?? "HEAD")
            func failed(_ failure: GitRepository.Failure) -> CommandFailure { CommandFailure(description: failure.description) }
            // Before the first commit there is no HEAD to list.
            let baseEntries = base == nil ? ((try? tree.get()) ?? []) : try tree.mapError(failed).get()
            return IncrementalCheck.Listing(blobs: blobs(try index.mapError(failed).get()), baseBlobs: blobs(baseEntries))
        }
        let file = entry.root.appendingPathComponent(".stdkit/cache/check-staged")
        // The last check's cache is read while git lists the files: both on every commit.
        let reading = Task.detached { FileManager.default.contents(atPath: file.path).flatMap { CheckCache(bytes: [UInt8]($0)) } }
        // And the rules are made meanwhile, which the reuse asks for (3 % of a `--staged`).
        let rulesMade = Task.detached { RuleCatalogue.all.count }
        let listing = try list()
        timings.lap("cache: listed")
        let key = IncrementalCheck.key(tool: Self.toolIdentity, mode: "staged|base=\(base ?? "HEAD")", listing: listing)
        let name = projectPath.isEmpty ? repository.top.lastPathComponent : (projectPath as NSString).lastPathComponent
        timings.lap("cache: the key")
        var reuse = IncrementalCheck.Reuse.declined("no cache of an earlier check")
        var contents: [String: [UInt8]] = [:]  // blob → bytes, as read
        var cache = await reading.value
        _ = await rulesMade.value
        timings.lap("cache: read")
        if cache != nil {
            // The files with findings are read with the changed ones, to show the findings' lines.
            let shown = Set(cache!.files.values.flatMap { $0.findings.flatMap { [$0.file] + $0.notes.map(\.file) } } + cache!.other.map(\.file))
                .compactMap { listing.blobs[$0] }
            do {
                reuse = try await IncrementalCheck.reuse(&cache!, key: key, listing: listing, name: name, history: history) { blobs in
                    contents = try repository.contents(of: blobs + shown)
                    return contents
                }
            } catch {
                reuse = .declined("\(error)")
            }
        }
        if let outcome = reuse.outcome {
            timings.lap("cache: reused, \(outcome.changed) files read again")
            // Written while the findings' lines are read: awaited below.
            let writing = outcome.changed > 0 ? cache.map { cache in Task.detached { Self.write(cache, to: file) } } : nil
            let shown = Set(outcome.diagnostics.flatMap { [$0.file] + $0.notes.map(\.file) }).filter { listing.blobs[$0] != nil }
            let missing = shown.map { listing.blobs[$0]! }.filter { contents[$0] == nil }
            if !missing.isEmpty { contents.merge((try? repository.contents(of: missing)) ?? [:]) { first, _ in first } }
            var texts: [String: String] = [:]
            for path in shown { texts[path] = contents[listing.blobs[path]!].map { DecodedSource(bytes: $0).text } }
            // The cache and a large listing (two dictionaries of every path and blob) are freed
            // by the exit: freeing them one string at a time was 3 % of a `--staged` of 10,000
            // files.
            if let cache { KeptUntilExit.keep(cache) }
            if listing.blobs.count >= 1_000 { KeptUntilExit.keep(listing) }
            if let writing {
                await writing.value
                timings.lap("cache: written")
            }
            return Checked(diagnostics: outcome.diagnostics, documentPaths: outcome.documentPaths, texts: texts)
        }
        if case .declined(let reason) = reuse { timings.lap("cache: not used (\(reason)); full check") }
        var blobCache = ProjectLoader.BlobCache()
        let project = try await ProjectSource.index.load(entry, environment: environment, cache: &blobCache)
        let baseProject = try await loadBase(entry, cache: &blobCache, environment: environment)
        let diagnostics = Checker().check(project, base: baseProject, history: history).diagnostics
        KeptUntilExit.keep(project, base: baseProject)
        // The full check read the index and HEAD again: its findings are kept for the blobs listed
        // first only if nothing was staged or committed meanwhile.
        if try list() == listing {
            Self.write(IncrementalCheck.cache(key: key, project: project, base: baseProject, diagnostics: diagnostics, listing: listing), to: file)
            timings.lap("cache: written")
        }
        return Checked(project: project, diagnostics: diagnostics)
    }

    /// This build of stdkit: its version and its executable's size and time, so that a cache
    /// written by another build (with other rules) is not used.
    static let toolIdentity: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let attributes = (try? FileManager.default.attributesOfItem(atPath: executable)) ?? [:]
        let size = (attributes[.size] as? Int).map(String.init) ?? "?"
        let time = (attributes[.modificationDate] as? Date).map { String($0.timeIntervalSince1970) } ?? "?"
        return "stdkit \(StdKit.version) \(size) \(time)"
    }()

    /// Writes the cache; a cache that cannot be written is simply not there next time.
    static func write(_ cache: CheckCache, to file: URL) {
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ignore = folder.appendingPathComponent(".gitignore")
        if !FileManager.default.fileExists(atPath: ignore.path) {
            try? Data("# stdkit's cache: never committed\n*\n".utf8).write(to: ignore, options: .atomic)
        }
        // Written beside and renamed over the last one, as `.atomic` does, but without waiting
        // for the disk (`fsync`) on every commit: a cache a power cut leaves short or empty is
        // not read (`CheckCache(bytes:)` requires its header and final line break).
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: cache.bytes)
            try handle.close()
            guard rename(temporary, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            unlink(temporary)
        }
    }
}

extension CheckCommand.Checked {
    init(project: Project, diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
        documentPaths = project.documents.map(\.path)
        // Only the texts of the files the findings are in, whose lines are shown (`run`): a
        // dictionary of every document's text, made after the rules while the other core
        // waited, was 14 ms of a check of the generated 10,000 (which has one finding).
        let shown = Set(diagnostics.lazy.map(\.file))
        var texts: [String: String] = [:]
        for document in project.documents where shown.contains(document.path) && texts[document.path] == nil {
            texts[document.path] = document.text
        }
        if let lock = project.linkLock { texts[Project.linkLockPath] = lock }
        self.texts = texts
    }
}
