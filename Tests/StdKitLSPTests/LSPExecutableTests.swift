import Foundation
import Testing
@testable import StdKitLSP

/// `stdkit lsp` as an editor starts it: the built executable as a child process over pipes.
@Suite struct LSPExecutableTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `stdkit` beside the test bundle (as the CLI tests find it).
    static func builtExecutable() -> URL? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for candidate in [bundle.appendingPathComponent("stdkit"), repository.appendingPathComponent(".build/debug/stdkit")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return nil
    }

    private static func frame(_ object: [String: Any]) throws -> Data {
        var object = object
        object["jsonrpc"] = "2.0"
        return Data(FrameDecoder.frame(Array(try JSONSerialization.data(withJSONObject: object))))
    }

    /// Reads framed messages from `handle` until one `matches` (or the output ends).
    private static func read(_ handle: FileHandle, decoder: inout FrameDecoder, until matches: ([String: Any]) -> Bool) -> [[String: Any]] {
        var messages: [[String: Any]] = []
        while true {
            while let frame = decoder.next() {
                guard case .body(let body) = frame, let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { continue }
                messages.append(object)
                if matches(object) { return messages }
            }
            let data = handle.availableData
            if data.isEmpty { return messages }
            decoder.append(data)
        }
    }

    @Test func servesAProjectAndExitsCleanlyAfterShutdown() throws {
        guard let stdkit = Self.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let folder = try TestProject.make(course: TestProject.course(reference: "JOB-MACHINE-OPERATOR#R9"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = stdkit
        process.arguments = ["lsp", "--stdio", "--lang", "en"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // A server that hangs must not hang the suite: killed, its output ends and the test fails.
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if process.isRunning { process.terminate() } }
        var decoder = FrameDecoder()
        input.fileHandleForWriting.write(try Self.frame(["id": 1, "method": "initialize", "params": ["processId": Int(ProcessInfo.processInfo.processIdentifier), "rootUri": folder.absoluteString, "capabilities": [:] as [String: Any]]]))
        let initialized = Self.read(output.fileHandleForReading, decoder: &decoder) { ($0["id"] as? Int) == 1 }
        #expect(((initialized.last?["result"] as? [String: Any])?["capabilities"] as? [String: Any])?["positionEncoding"] as? String == "utf-16")
        input.fileHandleForWriting.write(try Self.frame(["method": "initialized", "params": [:] as [String: Any]]))
        let uri = folder.appendingPathComponent("machine-operation.md").absoluteString
        let published = Self.read(output.fileHandleForReading, decoder: &decoder) { (($0["params"] as? [String: Any])?["uri"] as? String) == uri }
        let diagnostics = (published.last?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.compactMap { $0["code"] as? String } == ["unresolved-reference"])
        input.fileHandleForWriting.write(try Self.frame(["id": 2, "method": "shutdown"]))
        let shutdown = Self.read(output.fileHandleForReading, decoder: &decoder) { ($0["id"] as? Int) == 2 }
        #expect(shutdown.last?["result"] is NSNull)
        input.fileHandleForWriting.write(try Self.frame(["method": "exit"]))
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }

    @Test func helpSaysHowEditorsStartIt() throws {
        guard let stdkit = Self.builtExecutable() else { return }
        let process = Process()
        process.executableURL = stdkit
        process.arguments = ["lsp", "--help"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let help = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(help.hasPrefix("OVERVIEW: Run the language server for editors (Language Server Protocol 3.17\nover standard input and output)."))
        #expect(help.contains("USAGE: stdkit lsp [--lang <lang>] [--stdio]\n"))
    }

    @Test func theEndOfTheInputWithoutShutdownIsStatusOne() throws {
        guard let stdkit = Self.builtExecutable() else { return }
        let process = Process()
        process.executableURL = stdkit
        process.arguments = ["lsp"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
    }
}
