import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StdKitModel
import Testing
@testable import StdKitServe

/// Every route of the API answered in process: exact statuses and fields (docs/serve.md).
@Suite struct ServerAPITests {
    static let course = "machine-operation.md"
    static let courseID = "COURSE-MACHINE-OPERATION"

    @Test func statusSaysReadyWithTheDocumentsAndWhetherThisBrowserMayEdit() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/api/status", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.text == #"{"ready":true,"documents":2,"editable":false,"git":false,"lang":"en"}"#)
            }
            try await client.execute(uri: "/api/status", method: .get, headers: ServerFixture.cookie) { response in
                #expect(response.text == #"{"ready":true,"documents":2,"editable":true,"git":false,"lang":"en"}"#)
            }
        }
    }

    @Test func documentsAreListedWithTheirFindings() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/api/documents", method: .get) { response in
                #expect(response.status == .ok)
                let documents = try #require(response.object["documents"] as? [[String: Any]])
                #expect(documents.count == 2)
                let course = try #require(documents.first { $0["id"] as? String == Self.courseID })
                #expect(course["kind"] as? String == "course")
                #expect(course["title"] as? String == "Operating packaging machines")
                #expect(course["path"] as? String == Self.course)
                #expect(course["version"] as? String == "1.0.0")
                #expect(course["status"] as? String == "draft")
                #expect(course["findings"] as? Int == 0)
            }
        }
    }

    @Test func aDocumentComesWithItsTextDigestAndFindings() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let text = try #require(fixture.text(Self.course))
        let digest = fixture.digest(Self.course)
        try await fixture.test { client in
            try await client.execute(uri: "/api/documents/\(Self.courseID)", method: .get) { response in
                #expect(response.status == .ok)
                let object = response.object
                #expect(object["id"] as? String == Self.courseID)
                #expect(object["kind"] as? String == "course")
                #expect(object["title"] as? String == "Operating packaging machines")
                #expect(object["path"] as? String == Self.course)
                #expect(object["text"] as? String == text)
                #expect(object["digest"] as? String == digest)
                #expect((object["findings"] as? [Any])?.count == 0)
            }
            try await client.execute(uri: "/api/documents/COURSE-NONE", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "not-found")
                let error = try #require(response.object["error"] as? [String: Any])
                #expect(Set(error.keys) == ["code", "message"])
            }
            try await client.execute(uri: "/api/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "not-found")
            }
            try await client.execute(uri: "/api/documents", method: .delete, headers: ServerFixture.writeHeaders()) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.errorCode == "method-not-allowed")
            }
        }
    }

    @Test func aSaveWritesTheFileAndAnswersTheNewDigestAndFindings() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let base = fixture.digest(Self.course)
        let edited = try #require(fixture.text(Self.course)).replacingOccurrences(of: "JOB-MACHINE-OPERATOR#R2", with: "JOB-MACHINE-OPERATOR#R9")
        try await fixture.test { client in
            try await client.execute(uri: "/api/documents/\(Self.courseID)", method: .put, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["text": edited, "base": base])) { response in
                #expect(response.status == .ok)
                #expect(fixture.text(Self.course) == edited)
                #expect(response.object["digest"] as? String == fixture.digest(Self.course))
                let findings = try #require(response.object["findings"] as? [[String: Any]])
                let finding = try #require(findings.first { $0["rule"] as? String == "unresolved-reference" })
                #expect(finding["severity"] as? String == "error")
                #expect(finding["line"] as? Int == 22)
                #expect(Set(finding.keys) == ["rule", "severity", "line", "column", "message", "hint"])
            }
        }
    }

    @Test func twoBrowsersSavingTheSameDocumentTheSecondGetsTheMergeWithBothTexts() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let original = try #require(fixture.text(Self.course))
        let base = fixture.digest(Self.course)
        let first = original.replacingOccurrences(of: "Students learn to run a packaging line safely", with: "Students learn to run a packaging line safely and cleanly")
        let second = original.replacingOccurrences(of: "A practical examination on the training line (60 %)", with: "A practical examination on the training line (70 %)")
        try await fixture.test { client in
            try await client.execute(uri: "/api/documents/\(Self.courseID)", method: .put, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["text": first, "base": base])) { response in
                #expect(response.status == .ok)
            }
            let afterFirst = fixture.snapshot()
            try await client.execute(uri: "/api/documents/\(Self.courseID)", method: .put, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["text": second, "base": base])) { response in
                #expect(response.status == .conflict)
                #expect(response.errorCode == "stale-base")
                let merged = try #require(response.object["merged"] as? [String: Any])
                let text = try #require(merged["text"] as? String)
                #expect(text.contains("safely and cleanly"))
                #expect(text.contains("(70 %)"))
                #expect((merged["conflicts"] as? [Any])?.count == 0)
                #expect(merged.keys.contains("fallback"))
                let current = try #require(response.object["current"] as? [String: Any])
                #expect(current["text"] as? String == first)
                #expect(current["digest"] as? String == fixture.digest(Self.course))
            }
            // Nothing was written by the stale save.
            #expect(fixture.snapshot() == afterFirst)
        }
    }

    @Test func aBodyThatIsNotJSONOrNotUTF8OrLacksAFieldIsRefusedWithNothingWritten() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let before = fixture.snapshot()
        try await fixture.test { client in
            try await client.execute(uri: "/api/documents/\(Self.courseID)", method: .put, headers: ServerFixture.writeHeaders(),
                                     body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "bad-json")
            }
            try await client.execute(uri: "/api/documents/\(Self.courseID)", method: .put, headers: ServerFixture.writeHeaders(),
                                     body: ByteBuffer(bytes: Array(#"{"text":"a"#.utf8) + [0xFF, 0xFE] + Array(#"","base":"x"}"#.utf8))) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.errorCode == "invalid-text")
            }
            try await client.execute(uri: "/api/documents/\(Self.courseID)", method: .put, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["text": "x"])) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "bad-json")
            }
        }
        #expect(fixture.snapshot() == before)
    }

    @Test func newDocumentsAreMadeFromTheKindsTemplateAndAnIdTakenOrAnUnknownKindIsRefused() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/api/kinds", method: .get) { response in
                #expect(response.status == .ok)
                let kinds = try #require(response.object["kinds"] as? [[String: Any]])
                #expect(kinds.contains { $0["kind"] as? String == "course" })
                #expect(kinds.allSatisfy { Set($0.keys) == ["kind", "label"] })
            }
            try await client.execute(uri: "/api/documents", method: .post, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["kind": "course", "id": "COURSE-NEW", "title": "New course", "owner": nil])) { response in
                #expect(response.status == .created)
                let path = try #require(response.object["path"] as? String)
                #expect(response.object["id"] as? String == "COURSE-NEW")
                #expect(response.object["kind"] as? String == "course")
                #expect(fixture.text(path) == response.object["text"] as? String)
                #expect(response.object["digest"] as? String == fixture.digest(path))
            }
            try await client.execute(uri: "/api/documents", method: .post, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["kind": "course", "id": "COURSE-NEW", "title": "Again", "owner": nil])) { response in
                #expect(response.status == .conflict)
                #expect(response.errorCode == "id-taken")
            }
            try await client.execute(uri: "/api/documents", method: .post, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["kind": "spaceship", "id": "SHIP-1", "title": "Ship", "owner": nil])) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.errorCode == "unknown-kind")
            }
        }
    }

    @Test func theFormPreviewCompletionAndProblemsAnswerTheirFields() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let text = try #require(fixture.text(Self.course))
        try await fixture.test { client in
            try await client.execute(uri: "/api/form/course", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.object["kind"] as? String == "course")
                let fields = try #require(response.object["fields"] as? [[String: Any]])
                let status = try #require(fields.first { $0["name"] as? String == "status" })
                #expect(status["type"] as? String == "enum")
                #expect((status["choices"] as? [String])?.contains("draft") == true)
                #expect(fields.allSatisfy { Set($0.keys) == ["name", "label", "type", "required", "choices", "references", "description"] })
            }
            try await client.execute(uri: "/api/form/apply", method: .post, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["text": text, "values": ["status": "review"]])) { response in
                #expect(response.status == .ok)
                #expect(response.object["text"] as? String == text.replacingOccurrences(of: "status: draft", with: "status: review"))
            }
            try await client.execute(uri: "/api/preview", method: .post, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["id": Self.courseID, "text": text.replacingOccurrences(of: "#R2", with: "#R7")])) { response in
                #expect(response.status == .ok)
                #expect((response.object["html"] as? String)?.contains("Format changeover") == true)
                let findings = try #require(response.object["findings"] as? [[String: Any]])
                #expect(findings.contains { $0["rule"] as? String == "unresolved-reference" })
            }
            try await client.execute(uri: "/api/complete?q=packaging", method: .get) { response in
                #expect(response.status == .ok)
                let candidates = try #require(response.object["candidates"] as? [[String: Any]])
                #expect(Set(candidates.compactMap { $0["id"] as? String }) == [Self.courseID, "JOB-MACHINE-OPERATOR"])
            }
            try await client.execute(uri: "/api/problems", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"count":0,"files":[]}"#)
            }
        }
        // Nothing written by the form or the preview.
        #expect(fixture.text(Self.course) == text)
    }

    @Test func problemsListEveryFindingByFile() async throws {
        let fixture = try await ServerFixture { folder in
            let url = folder.appendingPathComponent(Self.course)
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "#R2", with: "#R9")
            try Data(text.utf8).write(to: url)
        }
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/api/problems", method: .get) { response in
                #expect(response.object["count"] as? Int == 1)
                let files = try #require(response.object["files"] as? [[String: Any]])
                #expect(files.count == 1)
                #expect(files.first?["path"] as? String == Self.course)
                let finding = try #require((files.first?["findings"] as? [[String: Any]])?.first)
                #expect(finding["rule"] as? String == "unresolved-reference")
                #expect(finding["line"] as? Int == 22)
                #expect(finding["column"] as? Int == 71)
            }
            try await client.execute(uri: "/_stdkit/problems", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("<a class=\"stdkit-place\" href=\"/documents/machine-operation.html\">machine-operation.md:22:71</a>"))
                #expect(response.text.contains("<code class=\"stdkit-rule\">unresolved-reference</code>"))
                #expect(response.text.contains("Problems (1)"))
            }
        }
    }

    @Test func commitNeedsARepositoryAMessageAndAChange() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            try await client.execute(uri: "/api/commit", method: .post, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["message": "m", "author": "A", "email": nil])) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "not-a-repository")
            }
        }
        let repository = try await ServerFixture { folder in
            for arguments in [["init", "-q"], ["add", "-A"], ["-c", "user.name=T", "-c", "user.email=t@t.invalid", "commit", "-qm", "start"]] {
                _ = try GitRepository.git(arguments, in: folder)
            }
        }
        defer { repository.remove() }
        let base = repository.digest(Self.course)
        let edited = try #require(repository.text(Self.course)).replacingOccurrences(of: "safely and to", with: "safely, and to")
        try await repository.test { client in
            try await client.execute(uri: "/api/status", method: .get) { response in
                #expect(response.object["git"] as? Bool == true)
            }
            try await client.execute(uri: "/api/commit", method: .post, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["message": "m", "author": "A", "email": nil])) { response in
                #expect(response.status == .conflict)
                #expect(response.errorCode == "nothing-to-commit")
            }
            try await client.execute(uri: "/api/documents/\(Self.courseID)", method: .put, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["text": edited, "base": base])) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/commit", method: .post, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["message": "", "author": "A", "email": nil])) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/commit", method: .post, headers: ServerFixture.writeHeaders(),
                                     body: ServerFixture.body(["message": "Comma", "author": "王老师", "email": "wang@school.invalid"])) { response in
                #expect(response.status == .ok)
                let sha = try #require(response.object["commit"] as? String)
                #expect(sha.count == 40)
                #expect(response.object["files"] as? [String] == [Self.course])
                #expect(try repository.git("log", "-1", "--format=%H %an %s").trimmingCharacters(in: .newlines) == "\(sha) 王老师 Comma")
            }
        }
    }
}
