import Foundation
import StdKitModel
import StdKitSyntax

/// Where the exported documents come from, as the file's custom properties record it for the
/// review import (common.md's contract): the project, the commit, and each document's path and
/// git blob.
public struct DocxSource: Sendable, Equatable {
    /// The project folder's name (`stdkit.project`).
    public var project: String
    /// The HEAD commit, empty outside git (`stdkit.commit`).
    public var commit: String
    /// The commit's date, for `docProps/core.xml`; nil outside git (then no date is written:
    /// the file never carries the clock).
    public var date: Date?
    /// Each document's project-relative path, by id (`stdkit.path.<ID>`).
    public var paths: [String: String]
    /// Each document's git blob id of the bytes exported, by id (`stdkit.blob.<ID>`).
    public var blobs: [String: String]
    /// What the person exporting should know: a file with changes not committed, a project outside git.
    public var warnings: [Message]

    public init(project: String, commit: String = "", date: Date? = nil, paths: [String: String] = [:], blobs: [String: String] = [:], warnings: [Message] = []) {
        self.project = project
        self.commit = commit
        self.date = date
        self.paths = paths
        self.blobs = blobs
        self.warnings = warnings
    }

    /// git's blob id of `bytes` (`git hash-object`): SHA-1 of `blob <length>\0<bytes>`.
    public static func blobID(of bytes: [UInt8]) -> String {
        Digests.sha1(Array("blob \(bytes.count)\u{0}".utf8) + bytes)
    }

    /// The source of `documents` read in the folder `root`: the bytes of each file as they are
    /// on disk, and — when `root` is in a git work tree — HEAD and its date. A file that differs
    /// from what HEAD holds is written into git's objects (`git hash-object -w`) so that the
    /// review import can find the exported bytes as its base; it warns that the review can come
    /// back only while that object is kept.
    public static func read(documents: [Document], root: URL, project: String) -> DocxSource {
        var source = DocxSource(project: project)
        var bytesByID: [String: [UInt8]] = [:]
        for document in documents {
            guard let id = document.id else { continue }
            let bytes = (try? Data(contentsOf: root.appendingPathComponent(document.path))).map { [UInt8]($0) } ?? Array(document.text.utf8)
            bytesByID[id] = bytes
            source.paths[id] = document.path
            source.blobs[id] = blobID(of: bytes)
        }
        guard let repository = try? GitRepository(containing: root), !repository.isBare,
              let head = try? GitRepository.git(["log", "-1", "--format=%H %ct"], in: root) else {
            source.warnings.append(.docxOutsideGit())
            return source
        }
        let fields = String(decoding: head, as: UTF8.self).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 2 else { return source }
        source.commit = fields[0]
        source.date = TimeInterval(fields[1]).map(Date.init(timeIntervalSince1970:))
        // What HEAD holds of each exported file, in one ls-tree.
        let prefix = root.standardizedFileURL.path.dropFirst(repository.top.path.count).drop { $0 == "/" }
        let tree = (try? repository.treeEntries(at: "HEAD", under: String(prefix))) ?? []
        let committed = Dictionary(tree.map { ($0.path, $0.blob) }, uniquingKeysWith: { first, _ in first })
        for document in documents {
            guard let id = document.id, let blob = source.blobs[id], let bytes = bytesByID[id] else { continue }
            let repositoryPath = prefix.isEmpty ? document.path : "\(prefix)/\(document.path)"
            guard committed[repositoryPath] != blob else { continue }
            _ = try? GitRepository.git(["hash-object", "-w", "--stdin"], in: root, input: Data(bytes))
            source.warnings.append(.docxNotCommitted(document.path, blob: blob))
        }
        return source
    }
}
