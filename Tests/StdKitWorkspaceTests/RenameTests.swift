import Foundation
import StdKitCheck
import StdKitModel
import StdKitSyntax
import Testing
@testable import StdKitWorkspace

@Suite struct RenameTests {
    static let lock = """
        # stdkit links.lock
        COURSE-BASE#LO1 -> JOB-WELD#R1 \(String(repeating: "a", count: 64))
        COURSE-WELD#LO1 -> JOB-WELD#R1 \(String(repeating: "b", count: 64))
        COURSE-WELD#LO1 -> JOB-WELD#R2 \(String(repeating: "c", count: 64))

        """

    static let files = QueryFixture.files.merging([".stdkit/links.lock": lock]) { $1 }

    func text(_ edits: [String: [TextReplacement]]) -> [String] {
        edits.keys.sorted().flatMap { path in edits[path]!.map { "\(path) \($0.range.lowerBound)-\($0.range.upperBound) \($0.text)" } }
    }

    /// The files with the edits made, read again and checked.
    func applying(_ edits: [String: [TextReplacement]], to files: [String: String]) async throws -> (Project, [Diagnostic]) {
        var files = files
        for (path, replacements) in edits { files[path] = TextBuffer(try #require(files[path])).applying(replacements) }
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        return (project, Checker().check(project).diagnostics)
    }

    @Test func anItemIsRenamedWhereItIsWrittenInEveryReferenceAndInTheLinksLock() async throws {
        let workspace = try await QueryFixture.workspace(Self.files)
        // From "JOB-WELD#R1" in courses/base.md (19..<30).
        #expect(await workspace.renameTarget("courses/base.md", at: QueryFixture.at(8, 29)) == RenameTarget(range: QueryFixture.at(8, 28)..<QueryFixture.at(8, 30), id: "R1"))
        let edits = try await workspace.rename("courses/base.md", at: QueryFixture.at(8, 29), to: "R10")
        #expect(text(edits) == [
            ".stdkit/links.lock 2:20-2:31 JOB-WELD#R10", ".stdkit/links.lock 3:20-3:31 JOB-WELD#R10",
            "courses/base.md 8:28-8:30 R10", "courses/weld.md 13:30-13:32 R10",
            "jobs/weld.md 13:5-13:7 R10", "jobs/weld.md 14:20-14:22 R10",
        ])
        // The same from the item's own id and from "#R1".
        #expect(try await workspace.rename("jobs/weld.md", at: QueryFixture.at(13, 6), to: "R10") == edits)
        #expect(try await workspace.rename("jobs/weld.md", at: QueryFixture.at(14, 21), to: "R10") == edits)
        let (before, beforeFindings) = try await applying([:], to: Self.files)
        let (after, findings) = try await applying(edits, to: Self.files)
        #expect(after.document("JOB-WELD")?.items.map(\.id) == ["R10", "R2"])
        #expect(after.index.sources(referencingItem: "R10", of: "JOB-WELD").count == before.index.sources(referencingItem: "R1", of: "JOB-WELD").count)
        // The same findings in the same files (a longer id moves the references after it on their line).
        #expect(findings.map { "\($0.file) \($0.rule)" } == beforeFindings.map { "\($0.file) \($0.rule)" })
        #expect(findings.filter { $0.rule == "unresolved-reference" }.map { String($0.message.english.prefix(41)) } == ["reference 'JOB-WELD#R9' matches no item; "])
        #expect(LinkLock.parse(try #require(after.linkLock)).lock.digests.keys.map(\.description).sorted() == [
            "COURSE-BASE#LO1->JOB-WELD#R10", "COURSE-WELD#LO1->JOB-WELD#R10", "COURSE-WELD#LO1->JOB-WELD#R2",
        ])
    }

    @Test func aDocumentIsRenamedInItsFrontMatterEveryReferenceAndTheLinksLock() async throws {
        let workspace = try await QueryFixture.workspace(Self.files)
        // The document part of "JOB-WELD#R1" in courses/weld.md (21..<29).
        #expect(await workspace.renameTarget("courses/weld.md", at: QueryFixture.at(13, 23)) == RenameTarget(range: QueryFixture.at(13, 21)..<QueryFixture.at(13, 29), id: "JOB-WELD"))
        let edits = try await workspace.rename("courses/weld.md", at: QueryFixture.at(13, 23), to: "JOB-WELDER")
        #expect(text(edits) == [
            ".stdkit/links.lock 2:20-2:31 JOB-WELDER#R1", ".stdkit/links.lock 3:20-3:31 JOB-WELDER#R1", ".stdkit/links.lock 4:20-4:31 JOB-WELDER#R2",
            "courses/base.md 8:19-8:27 JOB-WELDER",
            "courses/weld.md 13:21-13:29 JOB-WELDER", "courses/weld.md 13:34-13:42 JOB-WELDER", "courses/weld.md 14:17-14:25 JOB-WELDER",
            "jobs/weld.md 2:5-2:13 JOB-WELDER",
        ])
        #expect(try await workspace.rename("jobs/weld.md", at: QueryFixture.at(2, 5), to: "JOB-WELDER") == edits)
        let (_, beforeFindings) = try await applying([:], to: Self.files)
        let (after, findings) = try await applying(edits, to: Self.files)
        #expect(after.document("JOB-WELD") == nil)
        #expect(after.document("JOB-WELDER")?.path == "jobs/weld.md")
        // The same findings in the same files (a longer id moves the references after it on their line).
        #expect(findings.map { "\($0.file) \($0.rule)" } == beforeFindings.map { "\($0.file) \($0.rule)" })
        // The one unresolved reference there was, now under the new id (its did-you-mean aside).
        #expect(findings.filter { $0.rule == "unresolved-reference" }.map { String($0.message.english.prefix(43)) } == ["reference 'JOB-WELDER#R9' matches no item; "])
        // A front-matter reference: "prerequisites: [COURSE-BASE]".
        let base = try await workspace.rename("courses/weld.md", at: QueryFixture.at(7, 20), to: "COURSE-BASICS")
        // The lock's link from COURSE-BASE#LO1 too (line 2, from column 1).
        #expect(text(base) == [".stdkit/links.lock 2:1-2:16 COURSE-BASICS#LO1", "courses/base.md 2:5-2:16 COURSE-BASICS", "courses/weld.md 7:17-7:28 COURSE-BASICS"])
    }

    @Test func malformedAndTakenIDsAreRefusedSayingWhy() async throws {
        let workspace = try await QueryFixture.workspace(Self.files, language: .en)
        func refusal(_ path: String, _ location: StdKitSyntax.SourceLocation, _ id: String, in language: Language = .en) async -> String? {
            do {
                _ = try await workspace.rename(path, at: location, to: id)
                return nil
            } catch let error as WorkspaceError {
                return error.message.text(in: language)
            } catch {
                return "\(error)"
            }
        }
        #expect(await refusal("jobs/weld.md", QueryFixture.at(13, 5), "R2") == "JOB-WELD already has an item R2 (line 14): choose another id")
        #expect(await refusal("jobs/weld.md", QueryFixture.at(13, 5), "r2", in: .zhCN) == "JOB-WELD 已有条目 r2（第 14 行）：请换一个 id")
        #expect(await refusal("jobs/weld.md", QueryFixture.at(13, 5), "R 1")
            == "“R 1” is not an item id: an ASCII letter first, then ASCII letters, digits, '-', '_' or '.', with at least one digit (R3, LO2)")
        #expect(await refusal("jobs/weld.md", QueryFixture.at(13, 5), "LO") != nil)
        #expect(await refusal("jobs/weld.md", QueryFixture.at(2, 5), "course-base")
            == "course-base is already the id of courses/base.md (ids differing only by case collide): choose another id")
        #expect(await refusal("jobs/weld.md", QueryFixture.at(2, 5), "岗位-1", in: .zhCN)
            == "“岗位-1” 不是合法的文档 id：以 ASCII 字母开头，其后为 ASCII 字母、数字、'-'、'_' 或 '.'（如 COURSE-ROBOT-PROG）")
        #expect(await refusal("jobs/weld.md", QueryFixture.at(2, 5), "ns:JOB") != nil)
        #expect(await refusal("courses/weld.md", QueryFixture.at(13, 12), "X1")
            == "nothing to rename at courses/weld.md:13:12: put the cursor on an item's id, a document's id or a reference that resolves")
        #expect(await refusal("courses/weld.md", QueryFixture.at(14, 20), "X1") != nil)
        #expect(await workspace.renameTarget("courses/weld.md", at: QueryFixture.at(14, 20)) == nil)
        // The same id: nothing to do.
        #expect(try await workspace.rename("jobs/weld.md", at: QueryFixture.at(13, 5), to: "R1") == [:])
    }

    /// Every file of the flagship standard, read into memory (so that it can be changed here).
    static func flagshipFiles() throws -> [String: String] {
        let root = QueryFixture.repository.appendingPathComponent("standards")
        var files: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            guard !path.hasPrefix("_site/"), let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            files[path] = text
        }
        return files
    }

    @Test func renamingInTheFlagshipLeavesNoReferenceUnresolved() async throws {
        let files = try Self.flagshipFiles()
        let project = try await ProjectLoader.load(files: files.mapValues { Array($0.utf8) })
        let workspace = Workspace(project: project, root: URL(fileURLWithPath: "/nonexistent/standards"), language: .zhCN)
        let (_, beforeFindings) = try await applying([:], to: files)
        // jobs/robot-system-operator.md line 44: "- **R1** 能按照安全操作规程…".
        let item = try await workspace.rename("jobs/robot-system-operator.md", at: QueryFixture.at(44, 5), to: "R1-SAFETY")
        #expect(Set(item.keys) == [
            ".stdkit/links.lock", "courses/practice/comprehensive-training.md", "courses/practice/internship.md",
            "courses/professional-basic/sensors-measurement.md", "courses/professional-core/robot-fundamentals.md",
            "courses/professional-core/workstation-integration.md", "jobs/robot-system-operator.md", "training/operator-upskill.md",
        ])
        let (renamed, itemFindings) = try await applying(item, to: files)
        #expect(renamed.document("JOB-ROBOT-OPERATOR")?.item("R1-SAFETY") != nil)
        #expect(renamed.index.sources(referencingItem: "R1-SAFETY", of: "JOB-ROBOT-OPERATOR").count == 6)
        #expect(itemFindings.map { "\($0.file):\($0.location) \($0.rule)" } == beforeFindings.map { "\($0.file):\($0.location) \($0.rule)" })
        let document = try await workspace.rename("jobs/robot-system-operator.md", at: QueryFixture.at(2, 5), to: "JOB-ROBOT-OP")
        let (renamedDocument, documentFindings) = try await applying(document, to: files)
        #expect(renamedDocument.document("JOB-ROBOT-OPERATOR") == nil)
        #expect(renamedDocument.index.sources(referencingItem: "R1", of: "JOB-ROBOT-OP").count == 6)
        // The documents whose references changed are no longer what their parties approved: the
        // approval rules say so, as they should; nothing else changes.
        let unapproved = documentFindings.filter { !$0.rule.hasPrefix("approval-") }
        #expect(unapproved.map { "\($0.file):\($0.location) \($0.rule)" } == beforeFindings.map { "\($0.file):\($0.location) \($0.rule)" })
        #expect(documentFindings.contains { $0.rule == "approval-stale" })
        // An upstream's id is the upstream's to rename.
        do {
            _ = try await workspace.rename("courses/professional-core/robot-programming.md", at: QueryFixture.at(14, 20), to: "COURSE-X")
            Issue.record("renamed an upstream's document")
        } catch let error as WorkspaceError {
            #expect(error.message.text(in: .en) == "ns:COURSE-NS-ROBOT-PROG belongs to the upstream ns: rename it in that project, then update the references here")
        } catch {
            Issue.record(error)
        }
    }
}
