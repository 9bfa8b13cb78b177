import Foundation
import Testing
@testable import StdKitLSP
import StdKitModel
import StdKitSyntax
import StdKitWorkspace

/// The server driven through a pipe as an editor drives it.
@Suite struct LanguageServerTests {
    /// The course's line 25 (0-based 24): `- **LO2** 换型😀操作 → JOB-…`; the reference starts
    /// after 18 scalars: 19 UTF-16 units (the emoji counts two), 31 bytes of UTF-8.
    static let referenceLine = 24

    private static func range(_ diagnostic: [String: Any]?) -> [Int] {
        let range = diagnostic?["range"] as? [String: Any]
        let start = range?["start"] as? [String: Any], end = range?["end"] as? [String: Any]
        return [start?["line"], start?["character"], end?["line"], end?["character"]].map { $0 as? Int ?? -1 }
    }

    private static func result(_ response: [String: Any]?) -> [String: Any]? { response?["result"] as? [String: Any] }
    private static func error(_ response: [String: Any]?) -> [String: Any]? { response?["error"] as? [String: Any] }

    @Test(arguments: [(nil, "utf-16"), (["utf-16"], "utf-16"), (["utf-32", "utf-16"], "utf-32"), (["utf-16", "utf-32", "utf-8"], "utf-8")] as [([String]?, String)])
    func negotiatesThePositionEncoding(offered: [String]?, chosen: String) async throws {
        let server = ServerHarness()
        let result = await server.initialize(root: nil, encodings: offered)
        let capabilities = result?["capabilities"] as? [String: Any]
        #expect(capabilities?["positionEncoding"] as? String == chosen)
        #expect((capabilities?["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)
        #expect(((capabilities?["completionProvider"] as? [String: Any])?["triggerCharacters"] as? [String]) == ["#", "-", ":", "→"])
        #expect(((capabilities?["renameProvider"] as? [String: Any])?["prepareProvider"] as? Bool) == true)
        server.closeInput()
        #expect(await server.exitStatus() == 1)
    }

    @Test(arguments: [("utf-16", 19), ("utf-8", 31), ("utf-32", 18)])
    func aFindingOnAChineseLineWithAnEmojiLandsOnItsCharacter(encoding: String, column: Int) async throws {
        let folder = try TestProject.make(course: TestProject.course(reference: "JOB-MACHINE-OPERATOR#R9"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerHarness()
        _ = await server.initialize(root: folder, encodings: [encoding])
        server.notify("initialized")
        let uri = folder.appendingPathComponent("machine-operation.md").absoluteString
        let diagnostics = try #require(await server.diagnostics(uri))
        let finding = try #require(diagnostics.first { $0["code"] as? String == "unresolved-reference" }, "\(diagnostics)")
        // `JOB-MACHINE-OPERATOR#R9` is 23 ASCII characters: as long in every unit.
        #expect(Self.range(finding) == [Self.referenceLine, column, Self.referenceLine, column + 23])
        #expect(finding["severity"] as? Int == 1)
        #expect(finding["source"] as? String == "stdkit")
        #expect((finding["message"] as? String)?.contains("JOB-MACHINE-OPERATOR#R9") == true)
        server.request(2, "shutdown")
        _ = await server.response(2)
        server.notify("exit")
        #expect(await server.exitStatus() == 0)
    }

    @Test func aCRLFFileCountsItsLinesAsTheEditorDoes() async throws {
        let course = TestProject.course(reference: "JOB-MACHINE-OPERATOR#R9").replacingOccurrences(of: "\n", with: "\r\n")
        let folder = try TestProject.make(course: course)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerHarness()
        _ = await server.initialize(root: folder)
        server.notify("initialized")
        let uri = folder.appendingPathComponent("machine-operation.md").absoluteString
        let diagnostics = try #require(await server.diagnostics(uri))
        let finding = try #require(diagnostics.first { $0["code"] as? String == "unresolved-reference" }, "\(diagnostics)")
        #expect(Self.range(finding) == [Self.referenceLine, 19, Self.referenceLine, 42])
        server.closeInput()
        _ = await server.exitStatus()
    }

    @Test func openAndIncrementalChangesPublishAndClearDiagnostics() async throws {
        let folder = try TestProject.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerHarness()
        _ = await server.initialize(root: folder, encodings: ["utf-16"])
        server.notify("initialized")
        let uri = folder.appendingPathComponent("machine-operation.md").absoluteString
        server.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": TestProject.course()]])
        #expect(try #require(await server.diagnostics(uri)).isEmpty)
        // `R2` → `R9` after the emoji: UTF-16 columns 40..42 hold `R2`.
        let range: [String: Any] = ["start": ["line": Self.referenceLine, "character": 41], "end": ["line": Self.referenceLine, "character": 42]]
        server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["range": range, "text": "9"]]])
        let published = try #require(await server.diagnostics(uri, publication: 2))
        #expect(published.map { $0["code"] as? String } == ["unresolved-reference"])
        #expect(Self.range(published.first) == [Self.referenceLine, 19, Self.referenceLine, 42])
        let version = server.messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" && (($0["params"] as? [String: Any])?["uri"] as? String) == uri }.last?["params"] as? [String: Any]
        #expect(version?["version"] as? Int == 2)
        server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3], "contentChanges": [["range": range, "text": "2"]]])
        #expect(try #require(await server.diagnostics(uri, publication: 3)).isEmpty)
        server.closeInput()
        _ = await server.exitStatus()
    }

    @Test func anEditBeyondTheEndIsLoggedAndChangesNothing() async throws {
        let folder = try TestProject.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerHarness()
        _ = await server.initialize(root: folder)
        server.notify("initialized")
        let uri = folder.appendingPathComponent("machine-operation.md").absoluteString
        server.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": TestProject.course()]])
        _ = await server.diagnostics(uri)
        let beyond: [String: Any] = ["start": ["line": 500, "character": 0], "end": ["line": 501, "character": 0]]
        server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["range": beyond, "text": "x"]]])
        let backwards: [String: Any] = ["start": ["line": 3, "character": 2], "end": ["line": 1, "character": 0]]
        server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3], "contentChanges": [["range": backwards, "text": "x"]]])
        let logs = { server.messages.filter { $0["method"] as? String == "window/logMessage" }.compactMap { ($0["params"] as? [String: Any])?["message"] as? String } }
        _ = await server.message { _ in logs().count >= 2 }
        #expect(logs() == [
            "the change to machine-operation.md was not applied: the change to machine-operation.md starts or ends at line 501, but the text has 36 lines: the editor and stdkit disagree on the text; close the file and open it again",
            "the change to machine-operation.md was not applied: the range ends at 1:0 before it starts at 3:2",
        ])
        // Still serving, and the text is as it was: no finding.
        server.request(2, "textDocument/documentSymbol", ["textDocument": ["uri": uri]])
        #expect(await server.response(2)?["result"] is [Any])
        #expect(server.messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" && (($0["params"] as? [String: Any])?["uri"] as? String) == uri }.count == 1)
        server.closeInput()
        _ = await server.exitStatus()
    }

    @Test func malformedMessagesAreAnsweredAndTheServerGoesOn() async throws {
        let server = ServerHarness()
        server.send(raw: Array("Content-Type: x\r\n\r\n".utf8))
        server.send(raw: FrameDecoder.frame(Array("{not json".utf8)))
        server.send(raw: FrameDecoder.frame(Array("[1,2]".utf8)))
        server.send(raw: FrameDecoder.frame(Array(#"{"jsonrpc":"2.0","id":7}"#.utf8)))
        server.send(raw: FrameDecoder.frame(Array(#"{"jsonrpc":"2.0","id":8,"method":"textDocument/hover"}"#.utf8)))
        _ = await server.message { ($0["id"] as? Int) == 8 }
        let errors = server.messages.map { [($0["id"] as? Int) ?? 0, (Self.error($0)?["code"] as? Int) ?? 0] }
        #expect(errors == [[0, -32700], [0, -32700], [0, -32600], [7, -32600], [8, -32002]])
        #expect(server.messages.prefix(3).allSatisfy { $0["id"] is NSNull })

        _ = await server.initialize(root: nil)
        server.request(9, "textDocument/unknownThing")
        #expect(Self.error(await server.response(9))?["code"] as? Int == -32601)
        server.request(10, "textDocument/hover", ["textDocument": 3])
        #expect(Self.error(await server.response(10))?["code"] as? Int == -32602)
        server.request(11, "initialize", ["capabilities": [:] as [String: Any]])
        #expect(Self.error(await server.response(11))?["code"] as? Int == -32600)
        // An unknown notification and a `$/` one: no answer; the next request still is answered.
        server.notify("custom/thing")
        server.notify("$/setTrace", ["value": "off"])
        server.request(12, "shutdown")
        #expect(await server.response(12)?["result"] is NSNull)
        server.request(13, "textDocument/hover", ["textDocument": ["uri": "file:///x.md"], "position": ["line": 0, "character": 0]])
        #expect(Self.error(await server.response(13))?["code"] as? Int == -32600)
        server.notify("exit")
        #expect(await server.exitStatus() == 0)
        // The ten answers and the initialize result, and the showMessage that "/" is no project.
        #expect(server.messages.count == 12)
    }

    @Test func exitWithoutShutdownIsStatusOne() async {
        let server = ServerHarness()
        _ = await server.initialize(root: nil)
        server.notify("exit")
        #expect(await server.exitStatus() == 1)
    }

    @Test func theEndOfTheInputStopsTheServer() async {
        let server = ServerHarness()
        server.closeInput()
        #expect(await server.exitStatus() == 1)
    }

    @Test func theServerExitsWhenTheClientProcessIsGone() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let server = ServerHarness(clientCheckInterval: .milliseconds(50))
        _ = await server.initialize(root: nil, processId: Int(process.processIdentifier))
        #expect(await server.exitStatus() == 1)
    }

    @Test func aFolderOutsideAnyProjectIsSaidAndRequestsStillAnswered() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-lsp-无项目-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerHarness()
        _ = await server.initialize(root: folder)
        let shown = await server.message { $0["method"] as? String == "window/showMessage" }
        let message = (shown?["params"] as? [String: Any])?["message"] as? String
        #expect(message == "\(folder.standardizedFileURL.path) is not in a stdkit project (no stdkit.yml in it or in a folder above it): the editor gets no diagnostics or completion. Open the project's folder, or run stdkit init there")
        server.request(2, "textDocument/hover", ["textDocument": ["uri": folder.appendingPathComponent("a.md").absoluteString], "position": ["line": 0, "character": 0]])
        #expect(await server.response(2)?["result"] is NSNull)
        server.closeInput()
        _ = await server.exitStatus()
    }

    @Test func aRequestCancelledWhileTheProjectLoadsIsAnsweredCancelled() async throws {
        let folder = try TestProject.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gate = Gate()
        let server = ServerHarness { root, language in
            await gate.wait()
            return try await Workspace(root: root, language: language)
        }
        _ = await server.initialize(root: folder)
        let uri = folder.appendingPathComponent("machine-operation.md").absoluteString
        server.request(2, "textDocument/documentSymbol", ["textDocument": ["uri": uri]])
        server.notify("$/cancelRequest", ["id": 2])
        let cancelled = await server.response(2)
        #expect(Self.error(cancelled)?["code"] as? Int == -32800)
        await gate.open()
        server.request(3, "textDocument/documentSymbol", ["textDocument": ["uri": uri]])
        #expect(await server.response(3)?["result"] is [Any])
        try await Task.sleep(for: .milliseconds(100))
        #expect(server.messages.filter { ($0["id"] as? Int) == 2 }.count == 1)
        server.closeInput()
        _ = await server.exitStatus()
    }

    @Test func aFileThatIsNotUTF8GetsTheLoadersFinding() async throws {
        let folder = try TestProject.make(["latin1.md": Array("---\nid: JOB-X\n---\n# caf".utf8) + [0xE9, 0x0A]])
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerHarness()
        _ = await server.initialize(root: folder)
        server.notify("initialized")
        let diagnostics = try #require(await server.diagnostics(folder.appendingPathComponent("latin1.md").absoluteString))
        #expect(diagnostics.compactMap { $0["code"] as? String }.contains("invalid-utf8"), "\(diagnostics)")
        server.closeInput()
        _ = await server.exitStatus()
    }

    @Test func renameWhereThereIsNoIdIsRefusedWithAMessage() async throws {
        let folder = try TestProject.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerHarness()
        _ = await server.initialize(root: folder)
        let uri = folder.appendingPathComponent("machine-operation.md").absoluteString
        // Line 21 (0-based 20) is empty.
        server.request(2, "textDocument/prepareRename", ["textDocument": ["uri": uri], "position": ["line": 20, "character": 0]])
        let refused = Self.error(await server.response(2))
        #expect(refused?["code"] as? Int == -32803)
        #expect(refused?["message"] as? String == "nothing to rename here: put the cursor on an item id or a document id")
        server.closeInput()
        _ = await server.exitStatus()
    }

    @Test func aFindingsFixIsAQuickFixWithTheEditInTheClientsUnit() async throws {
        let folder = try TestProject.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try await Workspace(root: folder, language: .en)
        let server = LanguageServer(input: -1, output: { _ in }, configuration: .init(currentDirectory: folder, language: { _ in .en }))
        let at = SourceLocation(line: 25, column: 41)
        let finding = Diagnostic(
            rule: "unresolved-reference", file: "machine-operation.md", location: SourceLocation(line: 25, column: 19),
            message: Message("lsp.cannot-rename"),
            fixes: [Fix(title: Message("lsp.cannot-load", ["folder": .verbatim("F"), "reason": .verbatim("R")]),
                        edits: [Fix.Edit(file: "machine-operation.md", range: at..<SourceLocation(line: 25, column: 42), text: "1")])])
        let actions = await server.codeActions([finding], in: workspace)
        #expect(actions.count == 1)
        #expect(actions.first?.title == "cannot read the project in F: R")
        #expect(actions.first?.kind == "quickfix")
        let uri = folder.standardizedFileURL.appendingPathComponent("machine-operation.md").absoluteString
        // Scalar column 41 (0-based 40) is UTF-16 41: the emoji before it counts two.
        #expect(actions.first?.edit.changes == [uri: [LSP.TextEdit(range: LSP.Range(start: .init(line: 24, character: 41), end: .init(line: 24, character: 42)), newText: "1")]])
        #expect(actions.first?.diagnostics?.first?.range == LSP.Range(start: .init(line: 24, character: 19), end: .init(line: 24, character: 42)))
    }

    @Test func aFileChangedOnDiskIsCheckedWhenTheClientCannotWatchFiles() async throws {
        let folder = try TestProject.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerHarness()
        // No `workspace.didChangeWatchedFiles.dynamicRegistration` offered: the server watches.
        _ = await server.initialize(root: folder)
        server.notify("initialized")
        let file = folder.appendingPathComponent("machine-operation.md")
        // A request waits for the project to be read: the file is written after that.
        server.request(2, "textDocument/documentSymbol", ["textDocument": ["uri": file.absoluteString]])
        #expect(await server.response(2)?["result"] != nil)
        #expect(await server.diagnostics(file.absoluteString, publication: 1, tries: 50) == nil)
        // Written by another program while nothing is open: a broken reference appears.
        let broken = TestProject.course(reference: "JOB-MACHINE-OPERATOR#R9")
        var diagnostics: [[String: Any]]?
        for _ in 0..<3 where diagnostics == nil {
            try broken.write(to: file, atomically: true, encoding: .utf8)
            diagnostics = await server.diagnostics(file.absoluteString)
        }
        let published = try #require(diagnostics)
        #expect(published.map { $0["code"] as? String } == ["unresolved-reference"])
        #expect(Self.range(published.first) == [Self.referenceLine, 19, Self.referenceLine, 42])
        server.request(3, "shutdown")
        _ = await server.response(3)
        server.closeInput()
        _ = await server.exitStatus()
    }
}

/// Holds the workspace's loading until the test opens it.
actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}
