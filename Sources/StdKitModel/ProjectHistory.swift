import Foundation
import StdKitSyntax

/// Earlier texts of a project's files, for messages that say what changed since something was
/// reviewed or approved.
public protocol ProjectHistory: Sendable {
    /// The texts file `path` (relative to the project folder) had in earlier commits, newest
    /// first, without repeats; empty when it has no history.
    func earlierTexts(of path: String) -> [String]
}

/// A project's history in git: the file's texts in the commits before `revision` that touched it
/// (at most `limit` of them), read once and kept.
public final class GitHistory: ProjectHistory, @unchecked Sendable {
    // Safe: `repository`, `prefix` and `cache` are only read and written while holding `lock`.
    private let root: URL
    private let revision: String
    private let limit: Int
    private let lock = NSLock()
    private var repository: (GitRepository, prefix: String)??
    private var cache: [String: [String]] = [:]

    /// The history of the project in folder `root`, from `revision` back. Git is asked only when
    /// a text is wanted; outside a repository there is no history.
    public init(projectRoot root: URL, revision: String = "HEAD", limit: Int = 50) {
        self.root = root
        self.revision = revision
        self.limit = limit
    }

    public func earlierTexts(of path: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[path] { return known }
        if repository == nil {
            repository = .some((try? GitRepository(containing: root)).map { repository in
                let top = repository.top.standardizedFileURL.path
                let folder = root.standardizedFileURL.path
                return (repository, folder == top || !folder.hasPrefix(top + "/") ? "" : String(folder.dropFirst(top.count + 1)) + "/")
            })
        }
        guard let found = repository ?? nil else { return [] }
        let texts = read(found.prefix + path, in: found.0)
        cache[path] = texts
        return texts
    }

    /// `git log --raw` names the blob each commit left at the path; a deletion leaves none.
    private func read(_ path: String, in repository: GitRepository) -> [String] {
        guard let log = try? GitRepository.git(
            ["log", "--format=", "--raw", "--no-abbrev", "--no-renames", "-n", String(limit), revision, "--", path], in: repository.top) else { return [] }
        var blobs: [String] = []
        for line in String(decoding: log, as: UTF8.self).split(separator: "\n") where line.hasPrefix(":") {
            // ":100644 100644 <old> <new> M\tpath"
            let fields = line.split(separator: "\t", maxSplits: 1)[0].split(separator: " ")
            guard fields.count >= 4 else { continue }
            let blob = String(fields[3])
            if blob.contains(where: { $0 != "0" }), !blobs.contains(blob) { blobs.append(blob) }
        }
        guard let contents = try? repository.contents(of: blobs) else { return [] }
        return blobs.compactMap { contents[$0] }.map { DecodedSource(bytes: $0).text }
    }
}
