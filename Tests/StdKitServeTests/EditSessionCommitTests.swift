import Foundation
import StdKitSyntax
import StdKitModel
import Testing
@testable import StdKitServe

/// `EditSession.commit`: the project's files committed with the author and message given,
/// nothing outside the project folder.
@Suite struct EditSessionCommitTests {
    @Test func theProjectsChangesAreCommittedWithAuthorAndMessage() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        try fixture.git("init", "-q")
        try fixture.git("add", ".")
        try fixture.git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "start")
        #expect(await fixture.session.isGitRepository)
        let document = try await fixture.session.document(id: EditSessionSaveTests.id)
        _ = try await fixture.session.save(id: EditSessionSaveTests.id, text: document.text + "\n补充说明。\n", base: document.digest)
        _ = try await fixture.session.create(kind: "course", id: "COURSE-NEW", title: "新课程", owner: nil)

        let outcome = try await fixture.session.commit(message: "补充课程说明\n\n新增课程", author: "李文涛", email: "li@example.edu.cn")
        #expect(outcome.files == ["course-new.md", "machine-operation.md"])
        #expect(outcome.commit == (try fixture.git("rev-parse", "HEAD")).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(outcome.commit.count == 40)
        #expect(try fixture.git("log", "-1", "--format=%an <%ae>%n%B") == "李文涛 <li@example.edu.cn>\n补充课程说明\n\n新增课程\n\n")
        #expect(try fixture.git("status", "--porcelain") == "")

        do {
            _ = try await fixture.session.commit(message: "again", author: "李文涛", email: nil)
            Issue.record("committed nothing")
        } catch {
            #expect(error.code == .nothingToCommit)
        }
    }

    @Test func onlyTheProjectFolderIsCommitted() async throws {
        let outer = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-edit-repo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outer, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outer) }
        let fixture = try await EditFixture(into: outer.appendingPathComponent("project"))
        try fixture.git("init", "-q", outer.path)
        try Data("elsewhere\n".utf8).write(to: outer.appendingPathComponent("notes.txt"))
        let outcome = try await fixture.session.commit(message: "项目初稿", author: "王工", email: nil)
        #expect(outcome.files == [".stdkit/links.lock", "machine-operation.md", "machine-operator.md", "stdkit.yml"])
        #expect(try fixture.git("show", "--name-only", "--format=%an", "HEAD") == "王工\n\nproject/.stdkit/links.lock\nproject/machine-operation.md\nproject/machine-operator.md\nproject/stdkit.yml\n")
        // The file beside the project is neither staged nor committed.
        #expect(String(decoding: try GitRepository.git(["status", "--porcelain"], in: outer), as: UTF8.self) == "?? notes.txt\n")
    }

    @Test func aFolderOutsideGitOrAnEmptyMessageIsRefused() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        do {
            _ = try await fixture.session.commit(message: "m", author: "a", email: nil)
            Issue.record("committed outside git")
        } catch {
            #expect(error.code == .notARepository)
        }
        try fixture.git("init", "-q")
        for (message, author) in [("  ", "a"), ("m", ""), ("m", "a <b>")] {
            do {
                _ = try await fixture.session.commit(message: message, author: author, email: nil)
                Issue.record("committed with \(message) by \(author)")
            } catch {
                #expect(error.code == .missingValue)
            }
        }
        #expect(try fixture.git("status", "--porcelain") == "?? .stdkit/\n?? machine-operation.md\n?? machine-operator.md\n?? stdkit.yml\n")
    }
}
