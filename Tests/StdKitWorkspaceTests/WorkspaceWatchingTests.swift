import Foundation
import Synchronization
import Testing
import StdKitSyntax
@testable import StdKitWorkspace

/// Nested in the folder watcher's suite, which is serialized: its watcher's thread must not
/// come and go while that suite counts threads.
extension FolderWatcherTests {
    /// A workspace watching its folder: a file changed on disk is read again and its findings handed
    /// on; a document open in the editor is the editor's.
    @Suite("Workspace watching its folder")
    struct WorkspaceWatchingTests {
        static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/minimal")

        final class Received: Sendable {
            let changes = Mutex<[Workspace.FindingsChanged]>([])

            /// Waits until a change for `path` matching `accept` has been handed on (at most 60 s: the whole suite keeps both cores busy).
            func waitFor(_ path: String, _ accept: @escaping ([Diagnostic]) -> Bool) async throws -> [Diagnostic]? {
                let deadline = ContinuousClock.now + .seconds(60)
                while ContinuousClock.now < deadline {
                    if let found = changes.withLock({ $0.compactMap { $0[path] }.last(where: accept) }) { return found }
                    try await Task.sleep(for: .milliseconds(10))
                }
                return nil
            }
        }

        @Test(arguments: [false, true])
        func aPlantedErrorOnDiskIsFoundAndMendedAndAnOpenDocumentIsTheEditors(polling: Bool) async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-workspace-watch-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: Self.example, to: folder)
            defer { try? FileManager.default.removeItem(at: folder) }
            let workspace = try await Workspace(root: folder, language: .en)
            #expect(await workspace.allFindings.isEmpty)
            let received = Received()
            let watch = try workspace.watch(polling: polling) { changed in received.changes.withLock { $0.append(changed) } }

            let course = "machine-operation.md"
            let original = try String(contentsOf: folder.appendingPathComponent(course), encoding: .utf8)
            let planted = original.replacingOccurrences(of: "JOB-MACHINE-OPERATOR#R2", with: "JOB-MACHINE-OPERATOR#R9")
            try Data(planted.utf8).write(to: folder.appendingPathComponent(course))
            let found = try await received.waitFor(course) { !$0.isEmpty }
            let lines = planted.components(separatedBy: "\n")
            let line = try #require(lines.firstIndex(where: { $0.contains("#R9") })) + 1
            #expect(found?.map(\.rule) == ["unresolved-reference"])
            #expect(found?.first?.location.line == line)
            #expect(await workspace.findings(in: course).map(\.rule) == ["unresolved-reference"])

            try Data(original.utf8).write(to: folder.appendingPathComponent(course))
            #expect(try await received.waitFor(course) { $0.isEmpty } != nil)
            #expect(await workspace.findings(in: course).isEmpty)

            // Open in the editor: what the disk says of it is not read.
            _ = await workspace.open(course, text: original, version: 1)
            try Data(planted.utf8).write(to: folder.appendingPathComponent(course))
            try Data("# Notes\n".utf8).write(to: folder.appendingPathComponent("notes.md"))
            let deadline = ContinuousClock.now + .seconds(60)
            while await workspace.project.document(atPath: "notes.md") == nil, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(await workspace.project.document(atPath: "notes.md") != nil)
            #expect(await workspace.findings(in: course).isEmpty)
            #expect(await workspace.project.document(atPath: course)?.text == original)
            await watch.stopAndWait()
        }
    }
}
