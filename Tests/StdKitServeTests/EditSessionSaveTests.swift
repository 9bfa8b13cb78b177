import Foundation
import StdKitSyntax
import StdKitModel
import Testing
@testable import StdKitServe

/// `EditSession.document` and `save`: every outcome of a save, with the file's bytes checked.
@Suite struct EditSessionSaveTests {
    static let id = "COURSE-MACHINE-OPERATION"
    static let path = "machine-operation.md"
    static let lo1 = "- **LO1** Start up and stop a packaging machine safely → JOB-MACHINE-OPERATOR#R1 {level=2}"
    /// LO1 in Chinese, pointing at a requirement that does not exist: the reference begins at
    /// the 21st scalar ("- **LO1** " is 10, seven characters, " → "), on line 24.
    static let brokenLO1 = "- **LO1** 安全启停包装机 → JOB-MACHINE-OPERATOR#R9 {level=2}"

    static func sha256(_ text: String) -> String {
        "sha256:" + Digests.sha256(Array(text.utf8))
    }

    @Test func aDocumentIsItsFileWithItsDigestAndFindings() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let document = try await fixture.session.document(id: Self.id)
        let disk = try #require(fixture.text(Self.path))
        #expect(document.id == Self.id)
        #expect(document.kind == "course")
        #expect(document.title == "Operating packaging machines")
        #expect(document.path == Self.path)
        #expect(document.text == disk)
        #expect(document.digest == Self.sha256(disk))
        #expect(document.findings == [])

        let summaries = await fixture.session.summaries()
        #expect(summaries == [
            DocumentSummary(id: Self.id, kind: "course", title: "Operating packaging machines", path: Self.path, version: "1.0.0", status: "draft", findings: 0),
            DocumentSummary(id: "JOB-MACHINE-OPERATOR", kind: "job-profile", title: summaries.last?.title ?? "", path: "machine-operator.md",
                            version: summaries.last?.version, status: summaries.last?.status, findings: 0),
        ])
        await #expect(throws: EditError.self) { try await fixture.session.document(id: "COURSE-NONE") }
    }

    @Test func aSaveAgainstTheCurrentDigestWritesTheTextAndAnswersItsFindings() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let document = try await fixture.session.document(id: Self.id)
        let edited = document.text.replacingOccurrences(of: Self.lo1, with: Self.brokenLO1)
        let outcome = try await fixture.session.save(id: Self.id, text: edited, base: document.digest)
        guard case .saved(let digest, let findings) = outcome else { Issue.record("not saved: \(outcome)"); return }
        #expect(fixture.bytes(Self.path) == Array(edited.utf8))
        #expect(digest == Self.sha256(edited))
        #expect(findings.map(\.rule) == ["unresolved-reference"])
        #expect(findings.first?.line == 24)
        #expect(findings.first?.column == 21)
        #expect(findings.first?.severity == "error")
        #expect(findings.first?.message == "reference 'JOB-MACHINE-OPERATOR#R9' matches no item; did you mean 'R1'?")
        // Nothing but the file: no temporary file is left beside it.
        #expect(fixture.files() == [".stdkit/links.lock", "machine-operation.md", "machine-operator.md", "stdkit.yml"])
        // The workspace holds the saved text.
        #expect(await fixture.workspace.project.document(atPath: Self.path)?.text == edited)
        // The next save names the new digest.
        let undone = try await fixture.session.save(id: Self.id, text: document.text, base: digest)
        guard case .saved(let again, let none) = undone else { Issue.record("not saved: \(undone)"); return }
        #expect(again == document.digest)
        #expect(none == [])
    }

    @Test func aSaveKeepsThePermissionsAndWritesCRLFAndTheByteOrderMarkAsTheTextHasThem() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let url = fixture.folder.appendingPathComponent(Self.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        let document = try await fixture.session.document(id: Self.id)
        let edited = "\u{FEFF}" + document.text.replacingOccurrences(of: "\n", with: "\r\n")
        let outcome = try await fixture.session.save(id: Self.id, text: edited, base: document.digest)
        guard case .saved = outcome else { Issue.record("not saved: \(outcome)"); return }
        let bytes = try #require(fixture.bytes(Self.path))
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(bytes == Array(edited.utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func aSaveOfTheDisksTextWritesNothing() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let url = fixture.folder.appendingPathComponent(Self.path)
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
        let document = try await fixture.session.document(id: Self.id)
        // Even against a base that is not the disk's: the text is the disk's, nothing to merge.
        let outcome = try await fixture.session.save(id: Self.id, text: document.text, base: "sha256:0")
        guard case .saved(let digest, let findings) = outcome else { Issue.record("not saved: \(outcome)"); return }
        #expect(digest == document.digest)
        #expect(findings == [])
        let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        #expect(modified == old)
    }

    @Test func aStaleSaveMergesCleanlyAndWritesNothing() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let document = try await fixture.session.document(id: Self.id)
        // Meanwhile someone changes the assessment on disk.
        let theirs = document.text.replacingOccurrences(of: "(60 %)", with: "(70 %)").replacingOccurrences(of: "(40 %)", with: "(30 %)")
        try fixture.write(theirs, to: Self.path)
        let ours = document.text.replacingOccurrences(of: "run a packaging line safely", with: "run a packaging line safely and cleanly")
        let outcome = try await fixture.session.save(id: Self.id, text: ours, base: document.digest)
        guard case .stale(let stale) = outcome else { Issue.record("not stale: \(outcome)"); return }
        #expect(stale.merged.text == theirs.replacingOccurrences(of: "run a packaging line safely", with: "run a packaging line safely and cleanly"))
        #expect(stale.merged.conflicts == [])
        #expect(stale.merged.fallback == nil)
        #expect(stale.current == Stale.CurrentText(text: theirs, digest: Self.sha256(theirs)))
        #expect(fixture.text(Self.path) == theirs)

        // Saved again against the disk's digest, the merge is written.
        let resolved = try await fixture.session.save(id: Self.id, text: stale.merged.text, base: stale.current.digest)
        guard case .saved(let digest, _) = resolved else { Issue.record("not saved: \(resolved)"); return }
        #expect(digest == Self.sha256(stale.merged.text))
        #expect(fixture.text(Self.path) == stale.merged.text)
    }

    /// Two browsers opened the same text; the first saves. The second's base is the text the
    /// first replaced, which the session keeps though it never handed it out.
    @Test func theSecondOfTwoSavesFromOneBaseIsMergedAgainstTheTextTheFirstReplaced() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let original = try #require(fixture.text(Self.path))
        let base = Self.sha256(original)
        let first = original.replacingOccurrences(of: "run a packaging line safely", with: "run a packaging line safely and cleanly")
        guard case .saved = try await fixture.session.save(id: Self.id, text: first, base: base) else { Issue.record("not saved"); return }
        let second = original.replacingOccurrences(of: "(60 %)", with: "(70 %)")
        let outcome = try await fixture.session.save(id: Self.id, text: second, base: base)
        guard case .stale(let stale) = outcome else { Issue.record("not stale: \(outcome)"); return }
        #expect(stale.merged.text == first.replacingOccurrences(of: "(60 %)", with: "(70 %)"))
        #expect(stale.merged.conflicts == [])
        #expect(stale.current == Stale.CurrentText(text: first, digest: Self.sha256(first)))
        #expect(fixture.text(Self.path) == first)
    }

    @Test func aStaleSaveThatConflictsNamesThePlace() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let document = try await fixture.session.document(id: Self.id)
        let theirs = document.text.replacingOccurrences(of: "A practical examination on the training line", with: "An oral examination")
        try fixture.write(theirs, to: Self.path)
        let ours = document.text.replacingOccurrences(of: "A practical examination on the training line", with: "A project on the training line")
        let outcome = try await fixture.session.save(id: Self.id, text: ours, base: document.digest)
        guard case .stale(let stale) = outcome else { Issue.record("not stale: \(outcome)"); return }
        #expect(stale.merged.conflicts.count == 1)
        #expect(stale.merged.conflicts.first?.place == "Operating packaging machines › Assessment")
        let lines = stale.merged.text.components(separatedBy: "\n")
        let line = try #require(stale.merged.conflicts.first?.line)
        #expect(lines[line - 1] == "<<<<<<< yours")
        #expect(lines.contains(">>>>>>> on disk"))
        #expect(lines.contains { $0.hasPrefix("A project on the training line") })
        #expect(lines.contains { $0.hasPrefix("An oral examination") })
        #expect(fixture.text(Self.path) == theirs)
    }

    @Test func aStaleSaveAgainstAnUnknownBaseKeepsBothTexts() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let disk = try #require(fixture.text(Self.path))
        let theirs = disk.replacingOccurrences(of: "(60 %)", with: "(70 %)")
        try fixture.write(theirs, to: Self.path)
        let ours = disk.replacingOccurrences(of: "safely and", with: "safely, and")
        // A session started after the text was handed out (a restarted server) knows no base.
        let outcome = try await fixture.session.save(id: Self.id, text: ours, base: Self.sha256(disk))
        guard case .stale(let stale) = outcome else { Issue.record("not stale: \(outcome)"); return }
        #expect(stale.merged.text == "<<<<<<< yours\n" + ours + "||||||| base\n=======\n" + theirs + ">>>>>>> on disk\n")
        // The conflict is named by the first item it holds.
        #expect(stale.merged.conflicts == [Stale.Conflict(line: 1, place: "LO1")])
        #expect(stale.merged.fallback == "the text your edit started from is no longer known (the server was restarted): both texts are kept whole between conflict markers; keep what you want")
        #expect(fixture.text(Self.path) == theirs)
    }

    @Test func aStaleSaveMergesAgainstTheCommittedTextWhenTheBaseIsIt() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        try fixture.git("init", "-q")
        try fixture.git("add", ".")
        try fixture.git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "start")
        let disk = try #require(fixture.text(Self.path))
        let theirs = disk.replacingOccurrences(of: "(60 %)", with: "(70 %)").replacingOccurrences(of: "(40 %)", with: "(30 %)")
        try fixture.write(theirs, to: Self.path)
        let ours = disk.replacingOccurrences(of: "run a packaging line safely", with: "run a packaging line safely and cleanly")
        let outcome = try await fixture.session.save(id: Self.id, text: ours, base: Self.sha256(disk))
        guard case .stale(let stale) = outcome else { Issue.record("not stale: \(outcome)"); return }
        #expect(stale.merged.conflicts == [])
        #expect(stale.merged.text == theirs.replacingOccurrences(of: "run a packaging line safely", with: "run a packaging line safely and cleanly"))
    }

    @Test func aTextOverTheProjectsLimitIsRefusedAndNothingWritten() async throws {
        let fixture = try await EditFixture(prepare: { folder in
            let config = folder.appendingPathComponent("stdkit.yml")
            let text = try String(contentsOf: config, encoding: .utf8)
            try Data((text + "limits:\n  file_size_mb: 1\n").utf8).write(to: config)
        })
        defer { fixture.remove() }
        let document = try await fixture.session.document(id: Self.id)
        let large = document.text + String(repeating: "长", count: 350_000)  // 1,050,000 bytes
        do {
            _ = try await fixture.session.save(id: Self.id, text: large, base: document.digest)
            Issue.record("saved")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.message.english == "machine-operation.md would be \(Array(large.utf8).count) bytes, more than the project's limit of 1048576 bytes: split the document, or raise limits.file_size_mb in stdkit.yml")
        }
        #expect(fixture.text(Self.path) == document.text)
    }

    @Test func aDocumentWhoseFileVanishedIsNotFound() async throws {
        let fixture = try await EditFixture()
        defer { fixture.remove() }
        let document = try await fixture.session.document(id: Self.id)
        try FileManager.default.removeItem(at: fixture.folder.appendingPathComponent(Self.path))
        do {
            _ = try await fixture.session.save(id: Self.id, text: document.text + "\nMore.\n", base: document.digest)
            Issue.record("saved")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.message.english.hasPrefix("machine-operation.md is no longer on disk"))
        }
        #expect(fixture.bytes(Self.path) == nil)
    }
}
