import Foundation
import Testing
@testable import StdKitServe

/// The built `stdkit serve` as a user starts it: `--port 0`, the address printed, and a
/// `kill -9` in the middle of a stream of saves that leaves every document whole.
@Suite(.serialized) struct ServerProcessTests {
    /// The built `stdkit` beside the test bundle (as the CLI tests find it).
    static func builtExecutable() -> URL? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for candidate in [bundle.appendingPathComponent("stdkit"), ServerFixture.repository.appendingPathComponent(".build/debug/stdkit")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return nil
    }

    /// A running `stdkit serve` and what it printed.
    struct Running {
        let process: Process
        let port: Int
        let token: String
        let output: Pipe
    }

    /// Starts `stdkit serve --port 0 folder` and waits for the address it prints.
    static func start(_ stdkit: URL, folder: URL, arguments: [String] = []) throws -> Running {
        let process = Process()
        process.executableURL = stdkit
        process.arguments = ["serve", "--port", "0"] + arguments + [folder.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["STDKIT_LANG": "en"]) { _, new in new }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var printed = ""
        let deadline = ContinuousClock.now + .seconds(30)
        while !printed.contains("\n"), ContinuousClock.now < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        let line = printed.split(separator: "\n").first.map(String.init) ?? ""
        let match = line.wholeMatch(of: /stdkit serve: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{32})/)
        guard let match, let port = Int(match.output.1) else {
            process.terminate()
            throw Failure(printed: printed + String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self))
        }
        return Running(process: process, port: port, token: String(match.output.2), output: output)
    }

    struct Failure: Error { var printed: String }

    static func headers(_ running: Running) -> [(String, String)] {
        [("X-Stdkit-Token", running.token), ("Cookie", "stdkit_token=\(running.token)"), ("Origin", "http://127.0.0.1:\(running.port)"),
         ("Content-Type", "application/json")]
    }

    @Test func servesOnAFreePortAndStopsOnSIGTERM() async throws {
        guard let stdkit = Self.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let running = try Self.start(stdkit, folder: fixture.folder)
        #expect(running.port > 0)
        let status = try ServerSocketClient.exchange(port: running.port, "GET", "/api/status")
        #expect(status.status == 200)
        #expect(status.body == #"{"ready":true,"documents":2,"editable":false,"git":false,"lang":"en"}"#)
        // A second server on the same port is refused with exit status 2.
        let second = Process()
        second.executableURL = stdkit
        second.arguments = ["serve", "--port", String(running.port), fixture.folder.path]
        let secondErrors = Pipe()
        second.standardOutput = Pipe()
        second.standardError = secondErrors
        try second.run()
        let message = String(decoding: secondErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        #expect(second.terminationStatus == 2)
        #expect(message.contains("port \(running.port) is in use"))

        running.process.terminate()
        running.process.waitUntilExit()
        #expect(running.process.terminationReason == .exit)
        #expect(running.process.terminationStatus == 0)
    }

    @Test func aServerKilledInTheMiddleOfSavesLeavesEveryDocumentWhole() async throws {
        guard let stdkit = Self.builtExecutable() else {
            print("skipped: the stdkit executable is not built beside the tests (run swift build first)")
            return
        }
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let path = ServerAPITests.course
        let original = try #require(fixture.text(path))
        let filesBefore = Set(fixture.snapshot().keys)
        let running = try Self.start(stdkit, folder: fixture.folder)
        // Each save appends a longer paragraph: a torn write would be a text none of these is.
        var texts = [original]
        var base = fixture.digest(path)
        let killer = Task.detached {
            try await Task.sleep(for: .milliseconds(700))
            kill(running.process.processIdentifier, SIGKILL)
        }
        for number in 1...400 {
            let text = original + "\n" + String(repeating: "保存 \(number) save. ", count: 200 * number % 3000 + 1) + "\n"
            let body = try JSONSerialization.data(withJSONObject: ["text": text, "base": base])
            guard let answer = try? ServerSocketClient.exchange(port: running.port, "PUT", "/api/documents/COURSE-MACHINE-OPERATION",
                                                                headers: Self.headers(running), body: Array(body), timeout: .seconds(5)),
                  answer.status == 200 else {
                texts.append(text)  // sent, perhaps written before the kill
                break
            }
            texts.append(text)
            base = (try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])?["digest"] as? String ?? base
        }
        try await killer.value
        running.process.waitUntilExit()
        #expect(running.process.terminationReason == .uncaughtSignal)
        #expect(texts.count > 2, "the kill came before any save")
        let onDisk = try #require(fixture.text(path))
        #expect(texts.contains(onDisk), "the file is neither the old text nor a text sent")

        // Started again, the server finds the file whole and removes what an interrupted save left.
        let again = try Self.start(stdkit, folder: fixture.folder)
        defer {
            again.process.terminate()
            again.process.waitUntilExit()
        }
        #expect(Set(fixture.snapshot().keys) == filesBefore)
        let document = try ServerSocketClient.exchange(port: again.port, "GET", "/api/documents/COURSE-MACHINE-OPERATION")
        #expect(document.status == 200)
        let object = try JSONSerialization.jsonObject(with: Data(document.body.utf8)) as? [String: Any]
        #expect(object?["text"] as? String == onDisk)
    }
}
