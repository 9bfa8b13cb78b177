import Foundation
@testable import StdKitLSP
import StdKitSyntax
import StdKitWorkspace

/// A language server run in process over a pipe, and a client's side of it: messages sent as
/// JSON, messages received parsed, waited for with a time limit.
final class ServerHarness: @unchecked Sendable {
    private let input = Pipe()
    private let lock = NSLock()
    private var decoder = FrameDecoder()
    private var received: [[String: Any]] = []
    private var task: Task<Int32, Never>?

    init(directory: URL = URL(fileURLWithPath: "/"), language: Language = .en, clientCheckInterval: Duration = .seconds(3),
         load: (@Sendable (URL, Language) async throws -> Workspace)? = nil) {
        let configuration = LanguageServer.Configuration(
            currentDirectory: directory, language: { _ in language },
            loadWorkspace: load ?? { try await Workspace(root: $0, language: $1) },
            clientCheckInterval: clientCheckInterval)
        let server = LanguageServer(input: input.fileHandleForReading.fileDescriptor, output: { [weak self] in self?.receive($0) }, configuration: configuration)
        task = Task { await server.run() }
    }

    private func receive(_ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        decoder.append(bytes)
        while let frame = decoder.next() {
            guard case .body(let body) = frame, let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { continue }
            received.append(object)
        }
    }

    /// Every message received so far.
    var messages: [[String: Any]] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    func send(raw bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    func send(_ message: [String: Any]) {
        var message = message
        message["jsonrpc"] = "2.0"
        let body = try! JSONSerialization.data(withJSONObject: message)
        send(raw: FrameDecoder.frame(Array(body)))
    }

    func request(_ id: Int, _ method: String, _ params: Any = [String: Any]()) {
        send(["id": id, "method": method, "params": params])
    }

    func notify(_ method: String, _ params: Any = [String: Any]()) {
        send(["method": method, "params": params])
    }

    /// The first message received that `matches`, waiting up to 20 seconds for it.
    func message(_ matches: ([String: Any]) -> Bool) async -> [String: Any]? {
        for _ in 0..<2000 {
            if let found = messages.first(where: matches) { return found }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// The answer to request `id`.
    func response(_ id: Int) async -> [String: Any]? {
        await message { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    /// The latest diagnostics published for `uri`, once `count` publications for it have come.
    func diagnostics(_ uri: String, publication count: Int = 1, tries: Int = 2000) async -> [[String: Any]]? {
        for _ in 0..<tries {
            let published = messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" && (($0["params"] as? [String: Any])?["uri"] as? String) == uri }
            if published.count >= count { return (published[count - 1]["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// `initialize` with `root` and the encodings offered; returns the result.
    func initialize(root: URL?, encodings: [String]? = nil, processId: Int? = nil) async -> [String: Any]? {
        var general: [String: Any] = [:]
        if let encodings { general["positionEncodings"] = encodings }
        var params: [String: Any] = ["capabilities": ["general": general]]
        params["rootUri"] = root?.absoluteString ?? NSNull()
        params["processId"] = processId ?? NSNull()
        request(1, "initialize", params)
        return await response(1)?["result"] as? [String: Any]
    }

    /// Closes the client's end: the server sees the end of its input.
    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// The server's exit status, once it has stopped.
    func exitStatus() async -> Int32 {
        await task!.value
    }
}

/// A project in a temporary folder, removed by the test.
enum TestProject {
    static let config = """
        name: LSP test
        lang: en
        parties:
          - id: college
            name: Riverside Vocational College
            kind: school
          - id: northwind
            name: Northwind Packaging Ltd.
            kind: enterprise

        """

    static let profile = """
        ---
        id: JOB-MACHINE-OPERATOR
        kind: job-profile
        title: Packaging machine operator
        version: 1.0.0
        status: draft
        owner: northwind
        parties: [college, northwind]
        ---

        # Packaging machine operator

        ## Typical work tasks

        - **T1** Set up the packaging line for a new product run and keep it running.

        ## Competence requirements

        - **R1** Start up, home and stop the machine following the safety procedure. {level=2}
        - **R2** Change over the line to a new format using the setup sheet. {level=3}

        """

    /// A course whose outcome LO2 says `reference` on a line with Chinese and an emoji (line 25).
    static func course(reference: String = "JOB-MACHINE-OPERATOR#R2") -> String {
        """
        ---
        id: COURSE-MACHINE-OPERATION
        kind: course
        title: Operating packaging machines
        version: 1.0.0
        status: draft
        owner: college
        parties: [college, northwind]
        code: MO-101
        hours: {theory: 12, practice: 20}
        credits: 2
        semester: 2
        category: professional-core
        ---

        # Operating packaging machines

        ## Course description

        Students learn to run a packaging line safely and to change it over to a new product.

        ## Learning outcomes

        - **LO1** Start up and stop a packaging machine safely → JOB-MACHINE-OPERATOR#R1 {level=2}
        - **LO2** 换型😀操作 → \(reference) {level=3}

        ## Teaching units

        ### **U1** Machine safety and start-up {hours=12}

        ### **U2** Format changeover {hours=20}

        ## Assessment

        A practical examination on the training line (60 %) and a written test (40 %).

        """
    }

    /// Writes the project (with `files` added or replacing) and returns its folder.
    static func make(_ files: [String: [UInt8]] = [:], course: String = TestProject.course()) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stdkit-lsp-\(UUID().uuidString)", isDirectory: true)
        // The minimal example's lock: both links reviewed, so that the only findings are the planted ones.
        let lock = try Data(contentsOf: LSPExecutableTests.repository.appendingPathComponent("examples/minimal/.stdkit/links.lock"))
        var all: [String: [UInt8]] = ["stdkit.yml": Array(config.utf8), "machine-operator.md": Array(profile.utf8), "machine-operation.md": Array(course.utf8),
                                      ".stdkit/links.lock": Array(lock)]
        all.merge(files) { _, new in new }
        for (path, bytes) in all {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder
    }
}
