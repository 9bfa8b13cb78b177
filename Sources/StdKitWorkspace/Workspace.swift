import Foundation
import StdKitCheck
import StdKitModel
import StdKitSyntax

/// A project held in memory for an editor: documents opened, changed as the author types,
/// saved and closed; files changed on disk read again; the check kept up to date after every
/// change (`LiveCheck`), and the questions an editor asks answered (`Workspace+Queries`).
///
/// Paths are relative to the project folder, with `/`. Places are the model's (`SourceLocation`:
/// 1-based lines, columns in Unicode scalars); `TextBuffer` converts an editor's positions.
/// Nothing here knows of a protocol: `stdkit lsp` and `stdkit serve` are front ends over it.
public actor Workspace {
    /// The project folder.
    public nonisolated let root: URL
    /// The language of hover texts and messages.
    public nonisolated let language: Language
    private var live: LiveCheck
    /// The documents an editor has open: their text as it is there, and the editor's version.
    private var open: [String: OpenFile] = [:]

    struct OpenFile {
        var buffer: TextBuffer
        var version: Int
    }

    /// Reads the project in folder `root` and checks it.
    public init(root: URL, language: Language) async throws {
        self.root = root.standardizedFileURL
        self.language = language
        let project = try await ProjectLoader.load(root: self.root)
        live = LiveCheck(project: project, history: GitHistory(projectRoot: self.root))
    }

    /// Holds `project` (read from elsewhere, e.g. memory in tests) and checks it.
    public init(project: Project, root: URL, language: Language, history: ProjectHistory? = nil) {
        self.root = root.standardizedFileURL
        self.language = language
        live = LiveCheck(project: project, history: history)
    }

    // MARK: - The project and its findings

    /// The project as it is now, open documents' texts included.
    public var project: Project { live.project }

    /// How the last change was checked (for tests and benchmarks).
    public var lastCheck: LiveCheck.Strategy { live.lastUpdate }

    /// The findings in `path` (project-relative), in report order.
    public func findings(in path: String) -> [Diagnostic] {
        live.findings[path] ?? []
    }

    /// The findings of every file that has any.
    public var allFindings: [String: [Diagnostic]] { live.findings }

    /// The project-relative path of a file URL, or nil when it is not inside the project folder.
    public nonisolated func path(of url: URL) -> String? {
        let folder = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(folder) else { return nil }
        return String(path.dropFirst(folder.count))
    }

    /// The URL of the project-relative `path`.
    public nonisolated func url(of path: String) -> URL {
        root.appendingPathComponent(path)
    }

    /// The text of `path` as it is now: the editor's when open, else the project's or the disk's.
    public func buffer(of path: String) -> TextBuffer? {
        if let file = open[path] { return file.buffer }
        if let document = live.project.document(atPath: path) { return TextBuffer(document.text) }
        guard let data = FileManager.default.contents(atPath: url(of: path).path) else { return nil }
        return TextBuffer(DecodedSource(bytes: Array(data)).text)
    }

    /// The editor's version of an open document.
    public func version(of path: String) -> Int? { open[path]?.version }

    // MARK: - Changes

    /// The files whose findings changed, with all their findings now (empty: none left).
    public typealias FindingsChanged = [String: [Diagnostic]]

    /// An editor opened `path` with `text`.
    public func open(_ path: String, text: String, version: Int) -> FindingsChanged {
        open[path] = OpenFile(buffer: TextBuffer(text), version: version)
        return changed(path, text: text)
    }

    /// An editor changed an open document: `changes` in order, positions counted in `unit`.
    /// A change outside the text throws and leaves the document as it was.
    public func change(_ path: String, changes: [TextChange], unit: ColumnUnit, version: Int) throws(WorkspaceError) -> FindingsChanged {
        guard var file = open[path] else { throw WorkspaceError(.notOpen(path)) }
        for change in changes {
            do {
                try file.buffer.apply(change, unit: unit)
            } catch {
                throw WorkspaceError(.outOfRange(path, line: error.position.line + 1, lines: error.lineCount))
            }
        }
        file.version = version
        open[path] = file
        return changed(path, text: file.buffer.text)
    }

    /// An editor saved `path` (with `text` when it sends it). Settings (`stdkit.yml`, the kinds'
    /// schemas, the links lock) take effect when saved: the project is read again.
    public func save(_ path: String, text: String?) async -> FindingsChanged {
        if let text, open[path] != nil { open[path]!.buffer = TextBuffer(text) }
        if isSettings(path) { return await reload() }
        return changed(path, text: open[path]?.buffer.text)
    }

    /// An editor closed `path`: from now on its text is the disk's.
    public func close(_ path: String) -> FindingsChanged {
        open[path] = nil
        return changed(path, text: nil)
    }

    /// Files changed on disk (by git, another program): read again unless open in the editor.
    public func changedOnDisk(_ paths: [String]) async -> FindingsChanged {
        if paths.contains(where: isSettings) { return await reload() }
        var documents: [Document] = []
        var removed: Set<String> = []
        for path in paths where open[path] == nil && isDocumentPath(path) {
            if let data = FileManager.default.contents(atPath: url(of: path).path) {
                documents.append(ProjectLoader.document(path: path, bytes: Array(data), schemas: live.project.schemas, limits: live.project.config.limits))
            } else if live.project.document(atPath: path) != nil {
                removed.insert(path)
            }
        }
        guard !documents.isEmpty || !removed.isEmpty else { return [:] }
        return update(replacing: documents, removing: removed)
    }

    /// Everything read again from disk, the open documents' texts put back.
    public func reload() async -> FindingsChanged {
        let before = live.findings
        guard var project = try? await ProjectLoader.load(root: root) else { return [:] }
        let edited = open.compactMap { path, file -> Document? in
            guard isDocumentPath(path, config: project.config) else { return nil }
            return ProjectLoader.document(path: path, bytes: Array(file.buffer.text.utf8), schemas: project.schemas, limits: project.config.limits)
        }
        if !edited.isEmpty { project = project.replacing(edited) }
        live = LiveCheck(project: project, history: live.history)
        var changed: FindingsChanged = [:]
        for file in Set(before.keys).union(live.findings.keys) where before[file] != live.findings[file] {
            changed[file] = live.findings[file] ?? []
        }
        return changed
    }

    /// `path` now has `text` (nil: the disk's text, or gone when the disk has none).
    private func changed(_ path: String, text: String?) -> FindingsChanged {
        guard isDocumentPath(path) else { return [:] }
        if let text {
            let document = ProjectLoader.document(path: path, bytes: Array(text.utf8), schemas: live.project.schemas, limits: live.project.config.limits)
            if let current = live.project.document(atPath: path), current.text == document.text { return [:] }
            return update(replacing: [document], removing: [])
        }
        guard let data = FileManager.default.contents(atPath: url(of: path).path) else {
            return live.project.document(atPath: path) == nil ? [:] : update(replacing: [], removing: [path])
        }
        let document = ProjectLoader.document(path: path, bytes: Array(data), schemas: live.project.schemas, limits: live.project.config.limits)
        if let current = live.project.document(atPath: path), current.text == document.text { return [:] }
        return update(replacing: [document], removing: [])
    }

    private func update(replacing documents: [Document], removing: Set<String>) -> FindingsChanged {
        let files = live.update(replacing: documents, removing: removing)
        return Dictionary(uniqueKeysWithValues: files.map { ($0, live.findings[$0] ?? []) })
    }

    /// Whether `path` is a document of the project by its settings (included, not excluded).
    public func isDocumentPath(_ path: String) -> Bool {
        isDocumentPath(path, config: live.project.config)
    }

    private func isDocumentPath(_ path: String, config: ProjectConfig) -> Bool {
        !isSettings(path) && !ProjectLoader.selected([path], config: config).isEmpty
    }

    /// Whether `path` is one of the files that shape how every document is read.
    public func isSettings(_ path: String) -> Bool {
        let schemas = live.project.config.schemas.hasSuffix("/") ? live.project.config.schemas : live.project.config.schemas + "/"
        return path == ProjectConfig.fileName || path == Project.linkLockPath || (path.hasPrefix(schemas) && path.hasSuffix(".yml"))
    }
}

/// Something an editor asked that cannot be done, said in the user's language.
public struct WorkspaceError: Error, Sendable {
    public var message: Message

    public init(_ message: Message) {
        self.message = message
    }
}

extension Message {
    static func notOpen(_ path: String) -> Message {
        Message("workspace.not-open", ["path": .verbatim(path)])
    }

    static func outOfRange(_ path: String, line: Int, lines: Int) -> Message {
        Message("workspace.out-of-range", ["path": .verbatim(path), "line": .number(line), "lines": .number(lines)])
    }
}
