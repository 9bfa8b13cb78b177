import Foundation
import Testing
@testable import StdKitModel

/// The index and tree listings `check --staged` asks for on every commit, read from git's `-z`
/// records, one process at a time or both side by side.
@Suite struct GitRepositoryTests {
    /// A repository with one commit under `标准/` and a staged change after it: a file edited, one
    /// added, one removed; names with spaces and Chinese.
    static func repository() throws -> (GitRepository, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-git-\(UUID().uuidString)")
        let files = ["标准/课程 标准/C1 焊接.md": "# C1\n", "标准/job.md": "# J\n", "标准/old.md": "# O\n", "README.md": "read me\n"]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try GitRepository.git(["init", "-q"], in: folder)
        try GitRepository.git(["add", "."], in: folder)
        try GitRepository.git(["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "base"], in: folder)
        try Data("# C1 改\n".utf8).write(to: folder.appendingPathComponent("标准/课程 标准/C1 焊接.md"))
        try Data("# N\n".utf8).write(to: folder.appendingPathComponent("标准/new file.md"))
        try GitRepository.git(["add", "."], in: folder)
        try GitRepository.git(["rm", "-q", "标准/old.md"], in: folder)
        return (try GitRepository(containing: folder), folder)
    }

    static func blob(_ text: String, in folder: URL) throws -> String {
        String(decoding: try GitRepository.git(["hash-object", "--stdin"], in: folder, input: Data(text.utf8)), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func bothListingsAtOnceAreEachListingAlone() throws {
        let (repository, folder) = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (index, tree) = repository.indexAndTreeEntries(under: "标准/", at: "HEAD")
        let indexEntries = try index.get(), treeEntries = try tree.get()
        #expect(indexEntries == (try repository.indexEntries(under: "标准/")))
        #expect(treeEntries == (try repository.treeEntries(at: "HEAD", under: "标准/")))
        let c1 = try Self.blob("# C1\n", in: folder), c1Edited = try Self.blob("# C1 改\n", in: folder)
        #expect(indexEntries.map(\.path) == ["标准/job.md", "标准/new file.md", "标准/课程 标准/C1 焊接.md"])
        #expect(indexEntries.map(\.blob) == [try Self.blob("# J\n", in: folder), try Self.blob("# N\n", in: folder), c1Edited])
        #expect(treeEntries.map(\.path) == ["标准/job.md", "标准/old.md", "标准/课程 标准/C1 焊接.md"])
        #expect(treeEntries.last?.blob == c1)
        #expect(!indexEntries.contains { $0.isSymbolicLink || $0.isSubmodule })
    }

    @Test func beforeTheFirstCommitTheTreeFailsAndTheIndexIsListed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-git-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("# A\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        try GitRepository.git(["init", "-q"], in: folder)
        try GitRepository.git(["add", "a.md"], in: folder)
        let repository = try GitRepository(containing: folder)
        let (index, tree) = repository.indexAndTreeEntries(under: "", at: "HEAD")
        #expect(try index.get().map(\.path) == ["a.md"])
        guard case .failure(let failure) = tree else { Issue.record("HEAD listed before the first commit"); return }
        // git's own words, not a made-up message.
        #expect(failure.description.contains("HEAD"))
    }

    @Test func anUnknownRevisionIsGitsOwnMessage() throws {
        let (repository, folder) = try Self.repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (index, tree) = repository.indexAndTreeEntries(under: "", at: "v9-no-such-tag")
        #expect(try index.get().count == 4)
        guard case .failure(let failure) = tree else { Issue.record("an unknown revision listed"); return }
        #expect(failure.description.contains("v9-no-such-tag"))
        #expect(throws: GitRepository.Failure.self) { try repository.treeEntries(at: "v9-no-such-tag", under: "") }
    }
}
