import Foundation
import StdKitSyntax
import Testing
@testable import StdKitWorkspace

/// The workspace over a real folder: a copy of `examples/minimal`, whose course gets a Chinese
/// line, edited as an editor edits it.
@Suite struct WorkspaceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let course = "machine-operation.md"

    /// A fresh copy of the minimal example in a temporary folder.
    static func project() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-workspace-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("examples/minimal"), to: folder)
        return folder
    }

    static func text(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// The line (0-based) of `needle` in `text`.
    static func line(of needle: String, in text: String) -> Int {
        text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }!
    }

    @Test func aTypedBrokenReferenceIsFoundAtItsCharacterAndGoneWhenUndone() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try await Workspace(root: folder, language: .en)
        #expect(await workspace.allFindings.isEmpty)
        let text = try Self.text(folder, Self.course)
        #expect(await workspace.open(Self.course, text: text, version: 1).isEmpty)

        // "LO1" becomes a Chinese statement with an emoji, pointing at a requirement that does not exist.
        let line = Self.line(of: "**LO1**", in: text)
        let written = "- **LO1** 安全启停包装机🤖 → JOB-MACHINE-OPERATOR#R9 {level=2}"
        let old = text.components(separatedBy: "\n")[line]
        let change = TextChange(range: TextPosition(line: line, column: 0)..<TextPosition(line: line, column: old.utf16.count), text: written)
        let changed = try await workspace.change(Self.course, changes: [change], unit: .utf16, version: 2)
        // The course, and the job profile whose R1 no outcome covers now.
        #expect(Set(changed.keys) == [Self.course, "machine-operator.md"])
        #expect(changed["machine-operator.md"]?.map(\.rule) == ["uncovered-requirement"])
        let finding = try #require(changed[Self.course]?.first { $0.rule == "unresolved-reference" })
        // The reference's id starts after "- **LO1** " (10), 7 Chinese characters, an emoji and
        // " → ": the 22nd scalar; UTF-16 counts the emoji twice, UTF-8 counts bytes (3 a character).
        #expect(finding.location == SourceLocation(line: line + 1, column: 22))
        let buffer = try #require(await workspace.buffer(of: Self.course))
        #expect(buffer.position(of: finding.location, unit: .utf16) == TextPosition(line: line, column: 22))
        #expect(buffer.position(of: finding.location, unit: .utf8) == TextPosition(line: line, column: 10 + 21 + 4 + 5))
        #expect(await workspace.version(of: Self.course) == 2)

        // Undone: the course's findings are cleared.
        let undo = TextChange(range: TextPosition(line: line, column: 0)..<TextPosition(line: line, column: written.utf16.count), text: old)
        let cleared = try await workspace.change(Self.course, changes: [undo], unit: .utf16, version: 3)
        #expect(cleared == [Self.course: [], "machine-operator.md": []])
        // The disk was never written.
        #expect(try Self.text(folder, Self.course) == text)
    }

    @Test func aChangeOutsideTheTextOrToAClosedFileIsRefusedAndChangesNothing() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try await Workspace(root: folder, language: .zhCN)
        let text = try Self.text(folder, Self.course)
        _ = await workspace.open(Self.course, text: text, version: 1)
        let beyond = TextChange(range: TextPosition(line: 400, column: 0)..<TextPosition(line: 400, column: 3), text: "x")
        await #expect {
            try await workspace.change(Self.course, changes: [beyond], unit: .utf16, version: 2)
        } throws: { error in
            (error as? WorkspaceError)?.message.text(in: .zhCN).contains("第 401 行") == true
        }
        #expect(await workspace.buffer(of: Self.course)?.text == text)
        #expect(await workspace.version(of: Self.course) == 1)
        await #expect(throws: WorkspaceError.self) {
            try await workspace.change("machine-operator.md", changes: [TextChange(range: nil, text: "")], unit: .utf16, version: 1)
        }
    }

    @Test func closingGoesBackToTheDiskAndDiskChangesAreReadUnlessOpen() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try await Workspace(root: folder, language: .en)
        let text = try Self.text(folder, Self.course)
        _ = await workspace.open(Self.course, text: text, version: 1)
        let broken = text.replacingOccurrences(of: "JOB-MACHINE-OPERATOR#R2", with: "JOB-MACHINE-OPERATOR#R7")
        let changed = try await workspace.change(Self.course, changes: [TextChange(range: nil, text: broken)], unit: .utf16, version: 2)
        #expect(changed[Self.course]?.map(\.rule).contains("unresolved-reference") == true)
        // Closed unsaved: the disk's text is the truth again.
        #expect(await workspace.close(Self.course)[Self.course]?.contains { $0.rule == "unresolved-reference" } == false)

        // Written on disk by another program: read again.
        try broken.write(to: folder.appendingPathComponent(Self.course), atomically: true, encoding: .utf8)
        let onDisk = await workspace.changedOnDisk([Self.course])
        #expect(onDisk[Self.course]?.map(\.rule).contains("unresolved-reference") == true)
        // Open in the editor, the disk does not count.
        _ = await workspace.open(Self.course, text: text, version: 1)
        try text.write(to: folder.appendingPathComponent(Self.course), atomically: true, encoding: .utf8)
        try broken.write(to: folder.appendingPathComponent(Self.course), atomically: true, encoding: .utf8)
        #expect(await workspace.changedOnDisk([Self.course]).isEmpty)
        // Deleted on disk (and closed): its findings go.
        _ = await workspace.close(Self.course)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(Self.course))
        let removed = await workspace.changedOnDisk([Self.course])
        #expect(removed[Self.course] == [])
        #expect(await workspace.project.document(atPath: Self.course) == nil)
    }

    @Test func settingsTakeEffectWhenSaved() async throws {
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try await Workspace(root: folder, language: .en)
        // The rule turned to an error severity "off" in stdkit.yml: the finding goes.
        let text = try Self.text(folder, Self.course)
        _ = await workspace.open(Self.course, text: text.replacingOccurrences(of: "#R2", with: "#R8"), version: 1)
        #expect(await workspace.findings(in: Self.course).contains { $0.rule == "unresolved-reference" })
        let settings = try Self.text(folder, "stdkit.yml") + "rules:\n  unresolved-reference: off\n"
        try settings.write(to: folder.appendingPathComponent("stdkit.yml"), atomically: true, encoding: .utf8)
        let changed = await workspace.save("stdkit.yml", text: nil)
        #expect(changed[Self.course].map { $0.contains { $0.rule == "unresolved-reference" } } == false)
        // The open text stayed the editor's.
        #expect(await workspace.project.document(atPath: Self.course)?.text.contains("#R8") == true)
    }
}
