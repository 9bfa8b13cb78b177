import Foundation
import StdKitSyntax
import StdKitModel
import StdKitWorkspace
@testable import StdKitServe

/// A temporary copy of a project with a workspace and an edit session on it, removed by
/// `remove()`.
struct EditFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let folder: URL
    let workspace: Workspace
    let session: EditSession

    /// A copy of `source` (relative to the repository: `examples/minimal`, `standards`).
    /// Copied into `folder` (default: a new temporary folder).
    init(_ source: String = "examples/minimal", language: Language = .en, into folder: URL? = nil, prepare: (URL) throws -> Void = { _ in }) async throws {
        self.folder = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-edit-\(UUID().uuidString)")
        let folder = self.folder
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(source), to: folder)
        try prepare(folder)
        workspace = try await Workspace(root: folder, language: language)
        session = EditSession(workspace: workspace)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map(Array.init)
    }

    func text(_ path: String) -> String? {
        bytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(path))
    }

    /// The files of the folder at any depth, hidden ones included, sorted.
    func files() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// Runs git in the folder; its output.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        String(decoding: try GitRepository.git(arguments, in: folder), as: UTF8.self)
    }
}
