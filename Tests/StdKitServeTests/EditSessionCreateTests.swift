import Foundation
import StdKitSyntax
import Testing
@testable import StdKitServe

/// `EditSession.create` and `kinds`: a new document as `stdkit new` makes it, refusals that
/// write nothing.
@Suite struct EditSessionCreateTests {
    @Test func aNewDocumentIsWrittenWhereStdkitNewPutsIt() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let created = try await fixture.session.create(kind: "course", id: "COURSE-NEW", title: "Packaging line safety", owner: "college")
        #expect(created.path == "course-new.md")
        #expect(created.id == "COURSE-NEW")
        #expect(created.kind == "course")
        #expect(created.title == "Packaging line safety")
        #expect(created.text.hasPrefix("---\nid: COURSE-NEW\nkind: course\ntitle: Packaging line safety\nversion: 0.1.0\nstatus: draft\nowner: college\nparties: [college, northwind]\n"))
        #expect(created.text.contains("\n---\n\n# Packaging line safety\n\n## Course nature and tasks\n"))
        #expect(fixture.text("course-new.md") == created.text)
        #expect(created.digest == EditSessionSaveTests.sha256(created.text))
        #expect(created.findings.contains { $0.rule == "empty-section" })
        #expect(fixture.files() == [".stdkit/links.lock", "course-new.md", "machine-operation.md", "machine-operator.md", "stdkit.yml"])
        // The workspace holds it, and the digest is a base for the next save.
        #expect(await fixture.workspace.project.document("COURSE-NEW")?.path == "course-new.md")
        let saved = try await fixture.session.save(id: "COURSE-NEW", text: created.text + "\nMore.\n", base: created.digest)
        guard case .saved = saved else { Issue.record("not saved: \(saved)"); return }
    }

    @Test func aChineseProjectsNewCourseGoesBesideItsCourses() async throws {
        let fixture = try await EditFixture("standards", language: .zhCN)
        defer { fixture.remove() }
        let created = try await fixture.session.create(kind: "course", id: "COURSE-ROBOT-NEW", title: "机器人安全", owner: nil)
        #expect(created.path.hasPrefix("courses/"))
        #expect(created.path.hasSuffix("/course-robot-new.md"))
        #expect(created.text.contains("\ntitle: 机器人安全\n"))
        #expect(created.text.contains("\n## 课程目标\n"))
        #expect(fixture.text(created.path) == created.text)
    }

    @Test(arguments: [
        ("course", "1-BAD", nil as String?, EditError.Code.malformedID, "“1-BAD” is not a document id: an ASCII letter first, then ASCII letters, digits, '-', '_' or '.' (COURSE-ROBOT-PROG)"),
        ("course", "course-machine-operation", nil, .idTaken, "the id course-machine-operation is taken by machine-operation.md (ids differing only by case collide): choose another"),
        ("recipe", "RECIPE-ONE", nil, .unknownKind, "there is no kind 'recipe' to create: choose one of apprenticeship, certificate, course, facility, job-profile, material, programme, training"),
        ("course", "COURSE-NEW", "nobody", .unknownParty, "the party 'nobody' is not declared in stdkit.yml (declared: college, northwind): choose one of them, or declare it first"),
    ])
    func aRefusedDocumentWritesNothing(kind: String, id: String, owner: String?, code: EditError.Code, message: String) async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        do {
            _ = try await fixture.session.create(kind: kind, id: id, title: "", owner: owner)
            Issue.record("created")
        } catch {
            #expect(error.code == code)
            #expect(error.message.english == message)
        }
        #expect(fixture.files() == [".stdkit/links.lock", "machine-operation.md", "machine-operator.md", "stdkit.yml"])
    }

    @Test func aFileAtTheDefaultPathIsNotReplaced() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        try fixture.write("notes\n", to: "course-new.md")
        do {
            _ = try await fixture.session.create(kind: "course", id: "COURSE-NEW", title: "", owner: nil)
            Issue.record("created")
        } catch {
            #expect(error.code == .idTaken)
            #expect(error.message.english == "course-new.md exists already: choose another id, or open that file")
        }
        #expect(fixture.text("course-new.md") == "notes\n")
    }

    @Test func theKindsAreLabelledInTheProjectsLanguage() async throws {
        let fixture = try await EditFixture("standards", language: .zhCN)
        defer { fixture.remove() }
        let kinds = await fixture.session.kinds()
        #expect(kinds.map(\.kind) == ["apprenticeship", "certificate", "course", "facility", "job-profile", "material", "programme", "training"])
        #expect(kinds.first { $0.kind == "course" }?.label == "课程标准")
        #expect(kinds.first { $0.kind == "job-profile" }?.label == "职业岗位能力标准")
    }
}
