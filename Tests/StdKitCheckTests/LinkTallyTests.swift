import Foundation
import Testing
import StdKitModel
import StdKitSyntax
@testable import StdKitCheck

/// `LinkTally`, the links of a project counted per document and updated by the documents an
/// edit reaches, against `LinkReview.linkKeys(in:)` counting them all afresh.
@Suite("Link tally")
struct LinkTallyTests {
    static func expectSame(_ tally: LinkTally, _ project: Project, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let keys = LinkReview.linkKeys(in: project)
        #expect(tally.count == keys.count, sourceLocation: sourceLocation)
        let made = tally.firstAndCount(in: project)
        #expect((made == nil) == keys.isEmpty, sourceLocation: sourceLocation)
        guard !keys.isEmpty else { return }
        #expect(made?.first.key == keys.keys.min(), sourceLocation: sourceLocation)
        #expect(made?.first.sourcePath == keys.keys.min().flatMap { keys[$0] }, sourceLocation: sourceLocation)
        #expect(made?.count == keys.count, sourceLocation: sourceLocation)
    }

    @Test("an edit that removes the first link, one that makes another document's link resolve, one that removes all")
    func updates() async throws {
        var files = LiveCheckTests.smallProject(lock: false)
        var project = try await ProjectLoader.load(files: files, name: "project")
        var tally = LinkTally(project: project)
        // C-INSPECT#LO1 → R4 and the three of C-WELD; C-INSPECT#LO2 → R9 does not resolve.
        #expect(tally.count == 4)
        #expect(tally.firstAndCount(in: project)?.first.key == LinkLock.Key(source: "C-INSPECT#LO1", target: "JOB-WELD#R4"))
        #expect(tally.firstAndCount(in: project)?.first.location == SourceLocation(line: 11, column: 19))
        Self.expectSame(tally, project)

        func edit(_ path: String, _ change: (String) -> String, reaching paths: Set<String>) {
            let text = change(String(decoding: files[path]!, as: UTF8.self))
            files[path] = Array(text.utf8)
            project = project.replacing([ProjectLoader.document(path: path, bytes: Array(text.utf8), schemas: project.schemas)], removing: [])
            tally.update(project, paths: paths)
        }
        // The first link goes: the next least key is C-WELD's.
        edit("courses/inspection.md", { $0.replacingOccurrences(of: " → JOB-WELD#R4", with: "") }, reaching: ["courses/inspection.md"])
        #expect(tally.count == 3)
        #expect(tally.firstAndCount(in: project)?.first.key == LinkLock.Key(source: "C-WELD#LO1", target: "JOB-WELD#R1"))
        Self.expectSame(tally, project)
        // The profile gains R9: the inspection course's LO2 resolves, a link of a document not edited.
        edit("jobs/welder.md", { $0 + "\n- **R9** 能填写焊接记录 → #T1\n" }, reaching: ["jobs/welder.md", "courses/inspection.md", "courses/welding.md"])
        #expect(tally.count == 4)
        #expect(tally.firstAndCount(in: project)?.first.key == LinkLock.Key(source: "C-INSPECT#LO2", target: "JOB-WELD#R9"))
        Self.expectSame(tally, project)
        // Every reference gone: no link, no first.
        edit("jobs/welder.md", { $0.replacingOccurrences(of: "- **R", with: "- **Q") },
             reaching: ["jobs/welder.md", "courses/inspection.md", "courses/welding.md"])
        #expect(tally.count == 0)
        #expect(tally.firstAndCount(in: project) == nil)
        Self.expectSame(tally, project)
    }
}
