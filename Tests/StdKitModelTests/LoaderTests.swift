import Foundation
import Synchronization
import Testing
import StdKitSyntax
@testable import StdKitModel

@Suite("Project loader")
struct LoaderTests {
    @Test func findsTheRootAboveAFolderOrFile() throws {
        let root = AllFormsProjectTests.root
        #expect(ProjectLoader.findRoot(containing: root.appendingPathComponent("courses"))?.path == root.standardizedFileURL.path)
        #expect(ProjectLoader.findRoot(containing: root.appendingPathComponent("courses/basics.md"))?.path == root.standardizedFileURL.path)
    }

    @Test func aMissingFileIsADiagnosticAndTheOthersAreStillRead() async throws {
        let project = try await ProjectLoader.load(root: AllFormsProjectTests.root, extraFiles: ["missing.md"])
        #expect(project.documents.count == 6)
        #expect(project.diagnostics.map(\.rule) == ["unreadable-file"])
        #expect(project.diagnostics.first?.file == "missing.md")
        #expect(project.diagnostics.first?.location == .start)
    }

    @Test func reportsProgressUpToTheTotal() async throws {
        let calls = Mutex<[[Int]]>([])
        _ = try await ProjectLoader.load(root: AllFormsProjectTests.root) { done, total in
            calls.withLock { $0.append([done, total]) }
        }
        #expect(calls.withLock { $0 } == [[6, 6]])
    }

    @Test func loadsFromMemory() async throws {
        let project = try await ProjectLoader.load(files: [
            "stdkit.yml": Array("name: 内存项目\nexclude: [skip/**]\n".utf8),
            "a.md": Array("---\nid: A\nkind: job-profile\ntitle: T\n---\n- **R1** 甲\n".utf8),
            "skip/b.md": Array("---\nid: B\n---\n".utf8),
            "notes.txt": Array("not markdown".utf8),
        ])
        #expect(project.config.name == "内存项目")
        #expect(project.documents.map(\.path) == ["a.md"])
        #expect(project.document("A")?.items.map(\.fullID) == ["A#R1"])
    }

    @Test func unresolvedReferencesSayWhatIsMissing() async throws {
        let project = try await ProjectLoader.load(files: [
            "a.md": Array("---\nid: A\nkind: job-profile\ntitle: T\n---\n- **R1** 甲\n".utf8),
            "c.md": Array("---\nid: C\nkind: course\ntitle: T\n---\n- **LO1** 乙 → A#R9, B#R1, A, #LO1, #LO9\n".utf8),
        ])
        let references = try #require(project.document("C")?.items.first?.references)
        #expect(references.map(\.resolution) == [
            .unresolvedItem(document: "A", item: "R9"), .unresolvedDocument("B"), .document("A"),
            .item(document: "C", item: "LO1"), .unresolvedItem(document: "C", item: "LO9"),
        ])
    }
}
