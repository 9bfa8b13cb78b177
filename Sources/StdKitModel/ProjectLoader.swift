import Foundation
import StdKitSyntax

/// Reads a project from a folder: settings, schemas, and every Markdown file the settings
/// include, parsed concurrently.
public enum ProjectLoader {
    /// The nearest folder at or above `url` that holds `stdkit.yml`.
    public static func findRoot(containing url: URL) -> URL? {
        var folder = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            folder.deleteLastPathComponent()
        }
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(ProjectConfig.fileName).path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Loads the project at `root`. Files named in `extraFiles` (relative paths) are read even
    /// when the settings do not include them.
    ///
    /// Problems with individual files are diagnostics; only a broken installation (the shipped
    /// schemas missing) throws.
    ///
    /// `progress`, when given, is called from time to time with the number of files read and
    /// the total, for a progress line on a terminal.
    ///
    /// With `keepingBodies`, each document keeps its parsed Markdown tree (`Document.body`), for
    /// a caller that renders the bodies rather than parse them again; without, the trees are
    /// dropped once read: held for a whole project they would be most of its memory (see
    /// `Document.body`).
    ///
    /// Each upstream `stdkit.yml` declares is read from its folder as a project of its own (its
    /// own upstreams are not read: they are its business); an absent one is one finding.
    public static func load(root: URL, extraFiles: [String] = [], progress: Progress? = nil, keepingBodies: Bool = false,
                            readingUpstreams: Bool = true) async throws -> Project {
        let root = root.standardizedFileURL
        var diagnostics: [Diagnostic] = []
        let configText = optionalText(ProjectConfig.fileName, in: root, diagnostics: &diagnostics)
        let (config, initialSchemas) = try settings(configText: configText, defaultName: root.lastPathComponent, diagnostics: &diagnostics)
        var schemas = initialSchemas
        let schemaFolder = root.appendingPathComponent(config.schemas)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: schemaFolder.path, isDirectory: &isDirectory), isDirectory.boolValue {
            schemas = schemas.adding(folder: schemaFolder, displayPrefix: config.schemas + "/", diagnostics: &diagnostics)
        }

        var timings = Timings()
        let discovered = discover(root: root, config: config)
        timings.lap("discover")
        var paths = discovered.paths
        diagnostics += discovered.links.map(symbolicLinkFinding)
        for extra in extraFiles where !paths.contains(extra) { paths.append(extra) }
        paths.sort { $0.precedesInUTF8($1) }

        let limits = config.limits
        paths = limited(paths, by: limits, diagnostics: &diagnostics)
        let rootPath = root.path
        let loaded = await loadDocuments(paths: paths, schemas: schemas, limits: limits, keepingBodies: keepingBodies,
                                         sizes: discovered.sizes, progress: progress) { path in
            try readFile(rootPath + "/" + path, limit: limits.fileSize)
        }
        diagnostics += loaded.diagnostics
        let profile = resolveProfile(config, diagnostics: &diagnostics)
        let linkLock = optionalText(Project.linkLockPath, in: root, diagnostics: &diagnostics)
        var upstreams: [Upstream] = []
        if readingUpstreams, !config.upstreams.isEmpty {
            let gitmodules = try? String(contentsOf: root.appendingPathComponent(".gitmodules"), encoding: .utf8)
            for declaration in config.upstreams {
                upstreams.append(try await upstream(declaration, under: root, gitmodules: gitmodules))
            }
            diagnostics += Upstream.findings(upstreams)
        }
        return Project(root: root, config: config, schemas: schemas, documents: loaded.documents, diagnostics: diagnostics, profile: profile,
                       linkLock: linkLock, upstreams: upstreams)
    }

    /// The upstream `declaration` of the project at `root`, read from its folder.
    static func upstream(_ declaration: UpstreamDeclaration, under root: URL, gitmodules: String?) async throws -> Upstream {
        let folder = root.appendingPathComponent(declaration.path)
        let isSubmodule = Upstream.gitmodules(gitmodules, list: declaration.path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return Upstream(declaration: declaration, project: nil, absence: .noFolder, isSubmodule: isSubmodule)
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(ProjectConfig.fileName).path) else {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let empty = entries.allSatisfy { $0 == ".git" }
            return Upstream(declaration: declaration, project: nil, absence: empty ? .emptyFolder : .noSettings, isSubmodule: isSubmodule)
        }
        let project = try await load(root: folder, readingUpstreams: false)
        return Upstream(declaration: declaration, project: project, checkout: Upstream.checkout(at: folder, release: declaration.release),
                        isSubmodule: isSubmodule)
    }

    /// The upstreams of a project read from memory: each from the files under its folder.
    /// `read` holds those read elsewhere already (a submodule at a revision), by id.
    static func upstreams(of config: ProjectConfig, files: [String: [UInt8]], read: [String: Upstream] = [:]) async throws -> [Upstream] {
        guard !config.upstreams.isEmpty else { return [] }
        let gitmodules = files[".gitmodules"].map { DecodedSource(bytes: $0).text }
        var upstreams: [Upstream] = []
        for declaration in config.upstreams {
            if let already = read[declaration.id] {
                upstreams.append(already)
                continue
            }
            let prefix = declaration.path + "/"
            var inside: [String: [UInt8]] = [:]
            for (path, bytes) in files where path.hasPrefix(prefix) { inside[String(path.dropFirst(prefix.count))] = bytes }
            let isSubmodule = Upstream.gitmodules(gitmodules, list: declaration.path)
            guard !inside.isEmpty else {
                upstreams.append(Upstream(declaration: declaration, project: nil, absence: .noFolder, isSubmodule: isSubmodule))
                continue
            }
            guard inside[ProjectConfig.fileName] != nil else {
                upstreams.append(Upstream(declaration: declaration, project: nil, absence: .noSettings, isSubmodule: isSubmodule))
                continue
            }
            let project = try await load(files: inside, name: declaration.id, readingUpstreams: false)
            upstreams.append(Upstream(declaration: declaration, project: project, isSubmodule: isSubmodule))
        }
        return upstreams
    }

    /// The text of the file at `path` under `root`, nil when there is none; a file that exists
    /// but cannot be read is a diagnostic.
    private static func optionalText(_ path: String, in root: URL, diagnostics: inout [Diagnostic]) -> String? {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return DecodedSource(bytes: try [UInt8](Data(contentsOf: url))).text
        } catch {
            diagnostics.append(Diagnostic(
                rule: "unreadable-file", file: path, location: .start,
                message: .cannotRead(path, reason: error.localizedDescription), hint: .checkPermissions))
            return nil
        }
    }

    /// A symbolic link met in the project: named, never followed.
    static func symbolicLinkFinding(_ link: String) -> Diagnostic {
        Diagnostic(
            rule: "symbolic-link", severity: .warning, file: link, location: .start,
            message: .symbolicLink(link), hint: .replaceLink)
    }

    /// The profile `stdkit.yml` names, with its `profile_settings` applied; an unknown profile
    /// is a settings problem.
    static func resolveProfile(_ config: ProjectConfig, diagnostics: inout [Diagnostic]) -> Profile? {
        guard let id = config.profile else { return nil }
        let profiles = Profile.builtIn()
        guard var profile = profiles[id] else {
            let known = profiles.keys.sorted()
            diagnostics.append(Diagnostic(
                rule: "config-invalid", file: ProjectConfig.fileName, location: config.locations["profile"] ?? .start,
                message: .unknownProfile(id), hint: .knownProfiles(known)))
            return nil
        }
        if let settings = config.profileSettings {
            profile.apply(settings, file: ProjectConfig.fileName, rule: "config-invalid", diagnostics: &diagnostics)
        }
        return profile
    }

    /// Loads a project from files held in memory (path → bytes), e.g. a rule's examples or a
    /// git revision. `stdkit.yml`, when among them, gives the settings; files under the schemas
    /// folder are the project's kinds; every other file that the settings include is a
    /// document. `otherFiles` names files that exist but whose contents are not needed (images,
    /// for link checks).
    /// `keepingBodies` as for `load(root:…)`.
    /// The files under an upstream's folder are that upstream, read as a project of its own.
    public static func load(files: [String: [UInt8]], otherFiles: Set<String> = [], name: String = "project", prebuilt: [Document] = [],
                            keepingBodies: Bool = false, readingUpstreams: Bool = true, upstreamsRead: [String: Upstream] = [:]) async throws -> Project {
        var diagnostics: [Diagnostic] = []
        let configText = files[ProjectConfig.fileName].map { DecodedSource(bytes: $0).text }
        let (config, builtIn) = try settings(configText: configText, defaultName: name, diagnostics: &diagnostics)
        var schemas = builtIn
        let schemaPrefix = config.schemas.hasSuffix("/") ? config.schemas : config.schemas + "/"
        let schemaFiles = files.filter { $0.key.hasPrefix(schemaPrefix) && !$0.key.dropFirst(schemaPrefix.count).contains("/") }
        if !schemaFiles.isEmpty {
            let byName = Dictionary(uniqueKeysWithValues: schemaFiles.map { (String($0.key.dropFirst(schemaPrefix.count)), $0.value) })
            schemas = schemas.adding(files: byName, displayPrefix: schemaPrefix, diagnostics: &diagnostics)
        }
        let paths = limited(selected(Array(files.keys), config: config), by: config.limits, diagnostics: &diagnostics)
        let loaded = await loadDocuments(paths: paths, schemas: schemas, limits: config.limits, keepingBodies: keepingBodies) { path in files[path] ?? [] }
        diagnostics += loaded.diagnostics
        let profile = resolveProfile(config, diagnostics: &diagnostics)
        // Documents built before (from a cache) lose their resolution: the index is made anew.
        let reused = prebuilt.map { document -> Document in
            var document = document
            for index in document.references.indices { document.references[index].resolution = .pending }
            for item in document.items.indices {
                for index in document.items[item].references.indices { document.items[item].references[index].resolution = .pending }
            }
            return document
        }
        let upstreams = readingUpstreams ? try await self.upstreams(of: config, files: files, read: upstreamsRead) : []
        diagnostics += Upstream.findings(upstreams)
        return Project(root: nil, config: config, schemas: schemas, documents: loaded.documents + reused, diagnostics: diagnostics,
                       profile: profile, listedFiles: Set(files.keys).union(otherFiles),
                       linkLock: files[Project.linkLockPath].map { DecodedSource(bytes: $0).text }, upstreams: upstreams)
    }

    /// Where a project read from git comes from.
    public enum GitSource: Sendable {
        /// The index: what is about to be committed.
        case index
        /// A commit, branch or tag.
        case revision(String)
    }

    /// Documents already read from git, by path and blob: a second revision reuses every
    /// document whose file did not change instead of reading and parsing it again.
    public struct BlobCache: Sendable {
        var documents: [String: Document] = [:]
        /// The blobs of the settings and schema files the documents were built with: documents
        /// are built by the kinds' schemas, so they are reused only under the same ones.
        var settings: String?

        public init() {}

        static func key(_ path: String, _ blob: String) -> String { path + "\u{0}" + blob }
    }

    /// Loads the project in folder `projectPath` (relative to the repository's top, "" for the
    /// top) from the index or a revision of `repository`, without touching the work tree.
    public static func load(repository: GitRepository, source: GitSource, projectPath: String, keepingBodies: Bool = false,
                            readingUpstreams: Bool = true) async throws -> Project {
        var cache = BlobCache()
        return try await load(repository: repository, source: source, projectPath: projectPath, cache: &cache, keepingBodies: keepingBodies,
                              readingUpstreams: readingUpstreams)
    }

    /// As `load(repository:source:projectPath:)`, reusing the documents of `cache` whose files
    /// did not change, and adding the ones it reads. Documents reused from the cache keep their
    /// Markdown tree only if they were read keeping it.
    public static func load(repository: GitRepository, source: GitSource, projectPath: String, cache: inout BlobCache,
                            keepingBodies: Bool = false, readingUpstreams: Bool = true) async throws -> Project {
        let prefix = projectPath.isEmpty ? "" : (projectPath.hasSuffix("/") ? projectPath : projectPath + "/")
        let entries: [GitRepository.Entry]
        switch source {
        case .index: entries = try repository.indexEntries(under: prefix)
        case .revision(let revision): entries = try repository.treeEntries(at: revision, under: prefix)
        }
        var blobs: [String: String] = [:]  // project-relative path → blob
        var links: [String] = []
        var gitlinks: [String: String] = [:]  // project-relative path → commit
        for entry in entries where entry.path.hasPrefix(prefix) {
            let path = String(entry.path.dropFirst(prefix.count))
            if entry.isSubmodule {
                gitlinks[path] = entry.blob
                continue
            }
            if entry.isSymbolicLink { links.append(path) } else { blobs[path] = entry.blob }
        }
        // Read the settings first: they say which files are documents.
        var configText: String?
        if let blob = blobs[ProjectConfig.fileName] {
            configText = DecodedSource(bytes: try repository.contents(of: [blob])[blob] ?? []).text
        }
        let config = configText.map { ProjectConfig.parse($0, defaultName: "project").0 } ?? ProjectConfig(name: "project")
        let schemaPrefix = config.schemas.hasSuffix("/") ? config.schemas : config.schemas + "/"
        // An upstream vendored in the repository is read from the same revision; its files are
        // handed on under its folder and read as a project of their own.
        let upstreamPrefixes = config.upstreams.map { $0.path + "/" }
        let wanted = Set(selected(Array(blobs.keys), config: config))
            .union(blobs.keys.filter { $0 == ProjectConfig.fileName || $0 == Project.linkLockPath || $0 == ".gitmodules" || ($0.hasPrefix(schemaPrefix) && ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml"))) })
            .union(blobs.keys.filter { path in upstreamPrefixes.contains { path.hasPrefix($0) } && isUpstreamFile(path) })
        let settings = blobs.filter { $0.key == ProjectConfig.fileName || $0.key.hasPrefix(schemaPrefix) }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
        if cache.settings != settings {
            cache.documents = [:]
            cache.settings = settings
        }
        let cached = wanted.compactMap { path in blobs[path].flatMap { cache.documents[BlobCache.key(path, $0)] } }
        let cachedPaths = Set(cached.map(\.path))
        let contents = try repository.contents(of: wanted.filter { !cachedPaths.contains($0) }.compactMap { blobs[$0] })
        var files: [String: [UInt8]] = [:]
        for path in wanted where !cachedPaths.contains(path) {
            if let blob = blobs[path] { files[path] = contents[blob] ?? [] }
        }
        let name = projectPath.isEmpty ? repository.top.lastPathComponent : (projectPath as NSString).lastPathComponent
        // An upstream that is a submodule is a commit recorded in the tree (a gitlink): it is
        // read from the submodule's own repository at that commit.
        var submoduleUpstreams: [String: Upstream] = [:]
        for declaration in config.upstreams where !blobs.keys.contains(where: { $0.hasPrefix(declaration.path + "/") }) {
            let folder = repository.top.appendingPathComponent(prefix + declaration.path)
            guard let commit = gitlinks[declaration.path], FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path),
                  let submodule = try? GitRepository(containing: folder), submodule.top.path == folder.standardizedFileURL.path,
                  let upstreamProject = try? await load(repository: submodule, source: .revision(commit), projectPath: "", readingUpstreams: false)
            else { continue }
            let checkout = Upstream.checkout(at: folder, release: declaration.release).map { found -> Upstream.Checkout in
                var atCommit = found
                atCommit.head = commit
                atCommit.tags = (try? GitRepository.git(["tag", "--points-at", commit], in: folder))
                    .map { String(decoding: $0, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init) } ?? []
                return atCommit
            }
            submoduleUpstreams[declaration.id] = Upstream(declaration: declaration, project: upstreamProject, checkout: checkout, isSubmodule: true)
        }
        var project = try await load(files: files, otherFiles: Set(blobs.keys), name: name, prebuilt: cached, keepingBodies: keepingBodies,
                                     readingUpstreams: readingUpstreams, upstreamsRead: submoduleUpstreams)
        let exclude = config.excludedGlobs
        project.diagnostics += links.filter { link in !link.hasPrefix(".") && !link.contains("/.") && !exclude.contains { $0.matches(link) } }
            .sorted { $0.precedesInUTF8($1) }.map(symbolicLinkFinding)
        for document in project.documents {
            if let blob = blobs[document.path] { cache.documents[BlobCache.key(document.path, blob)] = document }
        }
        return project
    }

    /// Whether a file under an upstream's folder is one its project is read from: its settings,
    /// schemas, links lock or Markdown (not its images or its README's attachments).
    static func isUpstreamFile(_ path: String) -> Bool {
        path.hasSuffix(".md") || path.hasSuffix(".markdown") || path.hasSuffix(".yml") || path.hasSuffix(".yaml") || path.hasSuffix("links.lock")
    }

    /// The paths among `paths` that the settings include, sorted.
    public static func selected(_ paths: [String], config: ProjectConfig) -> [String] {
        let include = config.include.map(Glob.init)
        let exclude = config.excludedGlobs
        return paths
            .filter { path in include.contains { $0.matches(path) } && !exclude.contains { $0.matches(path) } && !path.hasPrefix(".") && !path.contains("/.") }
            .sorted { $0.precedesInUTF8($1) }
    }

    private static func settings(configText: String?, defaultName: String, diagnostics: inout [Diagnostic]) throws -> (ProjectConfig, SchemaLibrary) {
        var config = ProjectConfig(name: defaultName)
        if let configText {
            let parsed = ProjectConfig.parse(configText, defaultName: defaultName)
            config = parsed.0
            diagnostics += parsed.1
        }
        return (config, try SchemaLibrary.builtIn())
    }

    /// The files of the project at `root` that the settings include, with their sizes, and the
    /// symbolic links that are not excluded (never followed), both sorted. Hidden folders
    /// (`.git`, `.build`, `.stdkit`) are never searched, and the publish output is excluded.
    public static func discover(root: URL, config: ProjectConfig) -> (paths: [String], links: [String], sizes: [String: Int]) {
        let include = config.include.map(Glob.init)
        let exclude = config.excludedGlobs
        var files: [(path: String, full: String, size: Int?)] = []
        var links: [String] = []
        walk(root.standardizedFileURL.path, relative: "", link: { relative in
            if !exclude.contains(where: { $0.matches(relative) }) { links.append(relative) }
        }) { path, full, size in files.append((path, full, size)) }
        // Which files belong to the project, and their sizes, on every core: a `stat` and the
        // globs for each of 10,000 files were a tenth of a second on one core before loading.
        let listed = files
        let kept = Parallel.map(Parallel.pieces(listed.count)) { piece in
            listed[piece].compactMap { file -> (path: String, size: Int)? in
                guard include.contains(where: { $0.matches(file.path) }), !exclude.contains(where: { $0.matches(file.path) }) else { return nil }
                if let size = file.size { return (file.path, size) }
                // The size orders the reading (largest first); a file that cannot be examined
                // here is still read, and reported, later.
                var status = stat()
                return (file.path, lstat(file.full, &status) == 0 ? Int(status.st_size) : 0)
            }
        }.joined()
        var paths: [String] = []
        var sizes: [String: Int] = [:]
        paths.reserveCapacity(kept.count)
        sizes.reserveCapacity(kept.count)
        for file in kept {
            paths.append(file.path)
            sizes[file.path] = file.size
        }
        let order = { (a: String, b: String) in a.precedesInUTF8(b) }
        return (paths.sorted(by: order), links.sorted(by: order), sizes)
    }

    /// Calls `found` with the path (relative to the walk's start) and the full path of every
    /// regular file under `folder`, with its size when the walk had to examine the file to know
    /// its type (otherwise nil: the caller examines only the files it keeps), and `link` with
    /// every symbolic link, reading directories with `readdir`: hidden files and folders are
    /// skipped, and links are not followed.
    private static func walk(_ folder: String, relative: String, link: (String) -> Void, _ found: (String, String, Int?) -> Void) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var folders: [(String, String)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let full = folder + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            var size: Int?
            if type == Int32(DT_UNKNOWN) {
                var status = stat()
                guard lstat(full, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                case S_IFLNK: type = Int32(DT_LNK)
                default: continue  // sockets, pipes, devices: not files of a project
                }
                size = Int(status.st_size)
            }
            if type == Int32(DT_DIR) {
                folders.append((full, path))
            } else if type == Int32(DT_REG) {
                found(path, full, size)
            } else if type == Int32(DT_LNK) {
                link(path)
            }
        }
        for (full, path) in folders { walk(full, relative: path, link: link, found) }
    }

    /// Reads and parses `paths` on every core (`Parallel.map`), the largest first when their
    /// `sizes` are known (one large file read last — a programme listing thousands of courses —
    /// would keep one core busy after the other has finished); results come back in the order
    /// of `paths`.
    /// Called with the number of files read so far and the total.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    static func loadDocuments(
        paths: [String], schemas: SchemaLibrary, limits: Limits, keepingBodies: Bool = false, sizes: [String: Int] = [:], progress: Progress? = nil,
        read: @escaping @Sendable (String) throws -> [UInt8]
    ) async -> (documents: [Document], diagnostics: [Diagnostic]) {
        var results = [LoadResult?](repeating: nil, count: paths.count)
        let order = readingOrder(paths, sizes: sizes)
        // Iterations start in the order given, so the largest files start first. This task's
        // thread takes part in the work rather than waiting on other tasks, so blocking it here
        // cannot starve the concurrency pool of what it waits for.
        let total = paths.count
        var report: (@Sendable (Int) -> Void)?
        if let progress {
            report = { done in if done % 250 == 0 || done == total { progress(done, total) } }
        }
        let loaded = Parallel.map(order, progress: report) { position in
            loadDocument(path: paths[position], schemas: schemas, limits: limits, keepingBody: keepingBodies, read: read)
        }
        for (position, result) in zip(order, loaded) { results[position] = result }
        var documents: [Document] = []
        var diagnostics: [Diagnostic] = []
        for result in results {
            switch result {
            case .document(let document): documents.append(document)
            case .failed(let diagnostic): diagnostics.append(diagnostic)
            case nil: break
            }
        }
        return (documents, diagnostics)
    }

    /// The positions of `paths` in the order they are read: largest first, then by position
    /// (a file of unknown size counts as empty).
    static func readingOrder(_ paths: [String], sizes: [String: Int]) -> [Int] {
        guard !sizes.isEmpty else { return Array(paths.indices) }
        let size = paths.map { sizes[$0] ?? 0 }
        return paths.indices.sorted { (size[$0], $1) > (size[$1], $0) }
    }

    enum LoadResult: Sendable {
        case document(Document)
        case failed(Diagnostic)
    }

    static func loadDocument(path: String, schemas: SchemaLibrary, limits: Limits = Limits(), keepingBody: Bool = false,
                             read: @Sendable (String) throws -> [UInt8]) -> LoadResult {
        let bytes: [UInt8]
        do {
            bytes = try read(path)
            if bytes.count > limits.fileSize { throw TooLarge(size: bytes.count) }
        } catch let tooLarge as TooLarge {
            return .failed(Diagnostic(
                rule: "resource-limit", file: path, location: .start,
                message: .fileTooLarge(kilobytes: tooLarge.size / 1024, limit: limits.fileSize / 1024), hint: .splitDocument))
        } catch {
            let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? error.localizedDescription
            return .failed(Diagnostic(
                rule: "unreadable-file", file: path, location: .start,
                message: .fileCannotBeRead(reason: reason), hint: .checkFileExists))
        }
        // A NUL byte never occurs in text: the file is binary (an image or a Word file saved as
        // .md), and parsing it would only give nonsense findings.
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return .failed(Diagnostic(
                rule: "binary-file", severity: .note, file: path, location: SourceLocation(line: line, column: 1),
                message: .binaryFile, hint: .keepBinaryApart))
        }
        return .document(document(path: path, bytes: bytes, schemas: schemas, limits: limits, keepingBody: keepingBody))
    }

    /// A file above the size limit.
    struct TooLarge: Error {
        var size: Int
    }

    /// A file that cannot be opened or read, with the system's reason.
    struct UnreadableFile: LocalizedError {
        var reason: String
        var errorDescription: String? { reason }
    }

    /// The bytes of the file at `path`, in one open, stat and read (Foundation's attributes
    /// and `Data(contentsOf:)` cost a tenth of loading a project of small files); a file above
    /// `limit` bytes is not read at all.
    static func readFile(_ path: String, limit: Int) throws -> [UInt8] {
        func failure() -> UnreadableFile { UnreadableFile(reason: String(cString: strerror(errno))) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure() }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw UnreadableFile(reason: "it is a folder") }
        let size = Int(status.st_size)
        if size > limit { throw TooLarge(size: size) }
        // One byte more than the size, so that the end is seen without growing the array.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: bytes.count)) }
            let read = bytes.withUnsafeMutableBytes { buffer in Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count) }
            if read < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            if read == 0 { break }
            count += read
            // A file that grows while it is read is still held to the limit.
            if count > limit { throw TooLarge(size: count) }
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The first `limits.documents` of `paths`; more are a settings problem.
    static func limited(_ paths: [String], by limits: Limits, diagnostics: inout [Diagnostic]) -> [String] {
        guard paths.count > limits.documents else { return paths }
        diagnostics.append(Diagnostic(
            rule: "resource-limit", file: ProjectConfig.fileName, location: .start,
            message: .tooManyDocuments(paths.count, limit: limits.documents), hint: .splitProject))
        return Array(paths.prefix(limits.documents))
    }

    /// The document a file's bytes make, built by the kinds of `schemas`; with its Markdown tree
    /// when `keepingBody` is true.
    public static func document(path: String, bytes: [UInt8], schemas: SchemaLibrary, limits: Limits = Limits(), keepingBody: Bool = false) -> Document {
        DocumentBuilder.build(DocumentParser.parse(bytes: bytes, path: path, limits: limits), schemas: schemas, keepingBody: keepingBody)
    }
}

extension Message {
    /// `reason` is the system's description of the error, in its own language.
    fileprivate static func cannotRead(_ path: String, reason: String) -> Message {
        Message("unreadable-file.optional", ["path": .verbatim(path), "reason": .verbatim(reason)])
    }

    fileprivate static let checkPermissions = Message("unreadable-file.optional.hint")

    fileprivate static func fileCannotBeRead(reason: String) -> Message {
        Message("unreadable-file.message", ["reason": .verbatim(reason)])
    }

    fileprivate static let checkFileExists = Message("unreadable-file.hint")

    fileprivate static func symbolicLink(_ link: String) -> Message {
        Message("symbolic-link.message", ["link": .verbatim(link)])
    }

    fileprivate static let replaceLink = Message("symbolic-link.hint")

    fileprivate static func unknownProfile(_ id: String) -> Message {
        Message("config-invalid.unknown-profile", ["profile": .verbatim(id)])
    }

    fileprivate static func knownProfiles(_ known: [String]) -> Message {
        Message("config-invalid.unknown-profile.hint", ["profiles": .list(known, .and)])
    }

    fileprivate static func fileTooLarge(kilobytes: Int, limit: Int) -> Message {
        Message("resource-limit.file-size", ["size": .number(kilobytes), "limit": .number(limit)])
    }

    fileprivate static let splitDocument = Message("resource-limit.file-size.hint")
    fileprivate static let binaryFile = Message("binary-file.message")
    fileprivate static let keepBinaryApart = Message("binary-file.hint")

    fileprivate static func tooManyDocuments(_ count: Int, limit: Int) -> Message {
        Message("resource-limit.documents", ["count": .number(count), "limit": .number(limit)])
    }

    fileprivate static let splitProject = Message("resource-limit.documents.hint")
}
