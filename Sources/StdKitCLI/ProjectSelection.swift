import Foundation
import StdKitModel
import StdKitSyntax

/// The projects a command's PATH arguments select: each path belongs to the project whose
/// `stdkit.yml` is nearest above it; a folder with none above is a project of its own.
struct ProjectSelection {
    /// One project and the relative paths inside it that were named (empty: all of it).
    struct Entry {
        var root: URL
        var paths: [String]
        /// Named files that the settings may not include but were asked for.
        var extraFiles: [String]
    }

    var entries: [Entry] = []

    /// Resolves `paths` (or the current folder when empty). Fails, for exit status 2, on a path
    /// that does not exist — unless `inRepository` (a project read from git, which may exist only
    /// there, as in a bare repository): then a missing path names a folder of the repository.
    init(paths: [String], environment: CommandEnvironment, inRepository: Bool = false) throws {
        if paths.isEmpty {
            let root = ProjectLoader.findRoot(containing: environment.currentDirectory) ?? environment.currentDirectory
            entries = [Entry(root: root, paths: [], extraFiles: [])]
            return
        }
        for path in paths {
            let url = environment.url(for: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                if inRepository {
                    entries.append(Entry(root: url, paths: [], extraFiles: []))
                    continue
                }
                throw CommandFailure(description: "no such file or folder: \(path)")
            }
            let root = ProjectLoader.findRoot(containing: url)
                ?? (isDirectory.boolValue ? url : url.deletingLastPathComponent())
            let rootPath = root.standardizedFileURL.path
            let full = url.standardizedFileURL.path
            var relative = full == rootPath ? "" : String(full.dropFirst(rootPath.count + (rootPath.hasSuffix("/") ? 0 : 1)))
            if relative.hasSuffix("/") { relative.removeLast() }
            let index = entries.firstIndex(where: { $0.root.standardizedFileURL.path == rootPath }) ?? {
                entries.append(Entry(root: root, paths: [], extraFiles: []))
                return entries.count - 1
            }()
            if relative.isEmpty {
                entries[index].paths = [""]
            } else if entries[index].paths != [""] {
                entries[index].paths.append(relative)
                if !isDirectory.boolValue, relative != ProjectConfig.fileName { entries[index].extraFiles.append(relative) }
            }
        }
    }
}

extension Diagnostic {
    /// The diagnostic with its paths (relative to the project's root) shown as `path` shows
    /// them.
    func displayed(_ path: (String) -> String) -> Diagnostic {
        var copy = self
        copy.file = path(file)
        copy.notes = notes.map { note in
            var note = note
            note.file = path(note.file)
            return note
        }
        for fix in copy.fixes.indices {
            for edit in copy.fixes[fix].edits.indices { copy.fixes[fix].edits[edit].file = path(copy.fixes[fix].edits[edit].file) }
        }
        return copy
    }
}

/// Where a command reads a project from: the work tree, the index or a revision.
enum ProjectSource {
    case workTree
    case index
    case revision(String)

    init(staged: Bool, revision: String?) {
        self = staged ? .index : revision.map { .revision($0) } ?? .workTree
    }

    var readsGit: Bool {
        if case .workTree = self { return false }
        return true
    }

    /// The project of the folder `path` (default: the project of the current folder) as this
    /// source has it, with the selection entry it was found as: what a command that reads one
    /// whole project starts with.
    func loadProject(at path: String?, environment: CommandEnvironment) async throws -> (entry: ProjectSelection.Entry, project: Project) {
        let selection = try ProjectSelection(paths: path.map { [$0] } ?? [], environment: environment, inRepository: readsGit)
        guard let entry = selection.entries.first else { throw CommandFailure(description: "no project in \(path ?? ".")") }
        return (entry, try await load(entry, environment: environment))
    }

    /// Loads the project of `entry`; git and loading failures are I/O failures (exit 2).
    func load(_ entry: ProjectSelection.Entry, environment: CommandEnvironment) async throws -> Project {
        var cache = ProjectLoader.BlobCache()
        return try await load(entry, environment: environment, cache: &cache)
    }

    /// The repository that holds the project of `entry`, and the project's folder in it
    /// (relative to the top, "" for the top).
    static func repository(of entry: ProjectSelection.Entry) throws -> (GitRepository, String) {
        // A project folder that exists only in the repository is found from the current folder.
        var existing = entry.root
        while !FileManager.default.fileExists(atPath: existing.path) { existing.deleteLastPathComponent() }
        let repository = try GitRepository(containing: existing)
        let top = repository.top.path
        let root = entry.root.standardizedFileURL.path
        return (repository, root == top || !root.hasPrefix(top + "/") ? "" : String(root.dropFirst(top.count + 1)))
    }

    /// As `load(_:environment:)`, sharing documents read from git with another revision.
    func load(_ entry: ProjectSelection.Entry, environment: CommandEnvironment, cache: inout ProjectLoader.BlobCache) async throws -> Project {
        do {
            switch self {
            case .workTree:
                return try await ProjectLoader.load(root: entry.root, extraFiles: entry.extraFiles, progress: environment.loadingProgress)
            case .index, .revision:
                let (repository, projectPath) = try Self.repository(of: entry)
                if case .revision(let revision) = self {
                    return try await ProjectLoader.load(repository: repository, source: .revision(revision), projectPath: projectPath, cache: &cache)
                }
                guard !repository.isBare else { throw CommandFailure(description: "a bare repository has no index; use --rev") }
                return try await ProjectLoader.load(repository: repository, source: .index, projectPath: projectPath, cache: &cache)
            }
        } catch let failure as GitRepository.Failure {
            throw CommandFailure(description: failure.description)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(description: "\(error)")
        }
    }
}
