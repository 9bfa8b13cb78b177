import Foundation
import StdKitModel
import StdKitSyntax
import StdKitWorkspace

/// `stdkit lsp`: the Language Server Protocol 3.17 over a pair of byte streams (DESIGN §17).
///
/// A thread reads the input and cuts it into messages (`FrameDecoder`); this actor takes them
/// in order. Notifications (opening, changing, saving, closing a document) are handled one
/// after another, each after the one before; a request runs on its own task once the
/// notifications before it are done, so that it sees the text the client saw when it asked
/// and a `$/cancelRequest` read meanwhile can still answer it `RequestCancelled`. Every answer
/// goes through one `Outbox`. The workspace is read on `initialize`; what comes before it is
/// ready waits for it.
public actor LanguageServer {
    /// What the server runs with, injected so that tests run it in process.
    public struct Configuration: Sendable {
        /// Where to look for a project when the client names no folder.
        public var currentDirectory: URL
        /// The language of messages given the project's folder (nil: none found), as the CLI
        /// chooses it (`--lang`, `STDKIT_LANG`, the project's `lang`, the locale).
        public var language: @Sendable (URL?) -> Language
        /// Reads and checks the project in a folder.
        public var loadWorkspace: @Sendable (URL, Language) async throws -> Workspace
        /// Where the server's own log goes (standard error: never the protocol's stream).
        public var log: @Sendable (String) -> Void
        /// How often the client's process is looked for (it gave its id in `initialize`).
        public var clientCheckInterval: Duration

        public init(currentDirectory: URL, language: @escaping @Sendable (URL?) -> Language,
                    loadWorkspace: @escaping @Sendable (URL, Language) async throws -> Workspace = { try await Workspace(root: $0, language: $1) },
                    log: @escaping @Sendable (String) -> Void = { _ in }, clientCheckInterval: Duration = .seconds(3)) {
            self.currentDirectory = currentDirectory
            self.language = language
            self.loadWorkspace = loadWorkspace
            self.log = log
            self.clientCheckInterval = clientCheckInterval
        }
    }

    enum Phase {
        case uninitialized, running, shutDown
    }

    let configuration: Configuration
    let outbox: Outbox
    private let input: Int32
    private var phase = Phase.uninitialized
    /// The unit of the protocol's columns, as negotiated in `initialize`.
    var unit = ColumnUnit.utf16
    var language: Language
    /// The workspace being read, then read (nil: no project).
    private var loading: Task<Workspace?, Never>?
    /// The URI the client used for each path, to answer in the same spelling.
    var uris: [String: String] = [:]
    /// Requests not answered yet, by id.
    private var inFlight: [JSONValue: Task<Void, Never>] = [:]
    /// The last notification's handling: the next one, and any request, waits for it.
    private var lastNotification: Task<Void, Never>?
    private var exitCode: Int32?
    private var stopInput: AsyncStream<Frame>.Continuation?
    private var watchRegistration = false
    /// The project folder watched by the server itself, for a client that cannot watch files for
    /// it (no dynamic registration of `workspace/didChangeWatchedFiles`, as Neovim 0.7).
    private var folderWatch: WorkspaceWatch?
    private var nextRequestID = 1

    /// A server reading the file descriptor `input` and writing framed messages with `output`.
    public init(input: Int32, output: @escaping @Sendable ([UInt8]) -> Void, configuration: Configuration) {
        self.input = input
        self.configuration = configuration
        outbox = Outbox(write: output)
        language = configuration.language(nil)
    }

    /// Serves until `exit`, the end of the input, or the client's process gone; returns the
    /// exit status: 0 after `shutdown` then `exit`, else 1.
    public func run() async -> Int32 {
        let (frames, continuation) = AsyncStream<Frame>.makeStream()
        stopInput = continuation
        let input = self.input
        // Reading blocks: a thread of its own, not one of the few the tasks share.
        let reader = Thread {
            var decoder = FrameDecoder()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                decoder.append(chunk[0..<count])
                while let frame = decoder.next() { continuation.yield(frame) }
            }
            continuation.finish()
        }
        reader.start()
        for await frame in frames {
            receive(frame)
            if exitCode != nil { break }
        }
        for task in inFlight.values { task.cancel() }
        return exitCode ?? (phase == .shutDown ? 0 : 1)
    }

    // MARK: - Messages in

    private func receive(_ frame: Frame) {
        switch frame {
        case .malformedHeader(let reason):
            configuration.log("stdkit lsp: \(reason)")
            outbox.respond(to: .null, error: ResponseError(code: ResponseError.parseError, message: "malformed header: \(reason)"))
        case .tooLarge(let length):
            outbox.respond(to: .null, error: ResponseError(code: ResponseError.invalidRequest, message: "a message of \(length) bytes is larger than the \(FrameDecoder.defaultLimit) bytes accepted; it was skipped"))
        case .body(let bytes):
            receive(body: Data(bytes))
        }
    }

    private func receive(body: Data) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            outbox.respond(to: .null, error: ResponseError(code: ResponseError.parseError, message: "the message is not JSON"))
            return
        }
        guard case .object(let message) = value else {
            outbox.respond(to: .null, error: ResponseError(code: ResponseError.invalidRequest, message: "the message is not a JSON object"))
            return
        }
        var id = message["id"]
        if id == .null { id = nil }
        if let given = id, !given.isRequestID {
            outbox.respond(to: .null, error: ResponseError(code: ResponseError.invalidRequest, message: "a request's id must be a number or a string"))
            return
        }
        guard case .string(let method)? = message["method"] else {
            // The client's answer to a request of ours (the watcher's registration): nothing to do.
            if id != nil, message["method"] == nil, message["result"] != nil || message["error"] != nil { return }
            outbox.respond(to: id ?? .null, error: ResponseError(code: ResponseError.invalidRequest, message: "the message has no method"))
            return
        }
        if let id {
            request(id: id, method: method, body: body)
        } else {
            notification(method: method, body: body)
        }
    }

    private func request(id: JSONValue, method: String, body: Data) {
        if method == "initialize" {
            initialize(id: id, body: body)
            return
        }
        switch phase {
        case .uninitialized:
            outbox.respond(to: id, error: ResponseError(code: ResponseError.serverNotInitialized, message: "\(method) before initialize"))
            return
        case .shutDown:
            outbox.respond(to: id, error: ResponseError(code: ResponseError.invalidRequest, message: "\(method) after shutdown"))
            return
        case .running:
            break
        }
        if method == "shutdown" { phase = .shutDown }
        let barrier = lastNotification
        inFlight[id] = Task {
            await barrier?.value
            let answer: Result<[UInt8], ResponseError>
            do throws(ResponseError) {
                answer = .success(try await self.answer(method, body: body))
            } catch {
                answer = .failure(error)
            }
            self.finish(id, answer)
        }
    }

    private func finish(_ id: JSONValue, _ answer: Result<[UInt8], ResponseError>) {
        guard inFlight.removeValue(forKey: id) != nil else { return }
        switch answer {
        case .success(let result): outbox.respond(to: id, result: result)
        case .failure(let error): outbox.respond(to: id, error: error)
        }
    }

    private func cancel(_ id: JSONValue) {
        guard let task = inFlight.removeValue(forKey: id) else { return }
        task.cancel()
        outbox.respond(to: id, error: ResponseError(code: ResponseError.requestCancelled, message: "cancelled"))
    }

    private func notification(method: String, body: Data) {
        switch method {
        case "exit":
            exitCode = phase == .shutDown ? 0 : 1
            stopInput?.finish()
            return
        case "$/cancelRequest":
            if let params = try? Self.params(LSP.CancelParams.self, body) { cancel(params.id) }
            return
        default:
            break
        }
        guard phase == .running, !method.hasPrefix("$/") else { return }
        let previous = lastNotification
        lastNotification = Task {
            await previous?.value
            await self.handle(method, body: body)
        }
    }

    // MARK: - Lifecycle

    private func initialize(id: JSONValue, body: Data) {
        guard phase == .uninitialized else {
            outbox.respond(to: id, error: ResponseError(code: ResponseError.invalidRequest, message: "initialize was sent twice"))
            return
        }
        let params: LSP.InitializeParams
        do throws(ResponseError) {
            params = try Self.params(LSP.InitializeParams.self, body)
        } catch {
            outbox.respond(to: id, error: error)
            return
        }
        let offered = params.capabilities?.general?.positionEncodings ?? []
        // DESIGN §17: UTF-16 unless the client offers UTF-8 (no conversion for us) or UTF-32.
        let encoding = offered.contains("utf-8") ? "utf-8" : offered.contains("utf-32") ? "utf-32" : "utf-16"
        unit = encoding == "utf-8" ? .utf8 : encoding == "utf-32" ? .scalars : .utf16
        watchRegistration = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false

        let folder = (params.rootUri ?? params.workspaceFolders?.first?.uri).flatMap(Self.fileURL)
            ?? params.rootPath.map { URL(fileURLWithPath: $0) } ?? configuration.currentDirectory
        let root = ProjectLoader.findRoot(containing: folder)
        language = configuration.language(root)
        phase = .running
        let capabilities = LSP.ServerCapabilities(
            positionEncoding: encoding,
            completionProvider: .init(triggerCharacters: ["#", "-", ":", "→"]))
        if let result = outbox.json(LSP.InitializeResult(capabilities: capabilities, serverInfo: .init(name: "stdkit", version: Self.version))) {
            outbox.respond(to: id, result: result)
        }
        let language = self.language
        let load = configuration.loadWorkspace
        loading = Task {
            guard let root else {
                self.show(.error, Message("lsp.not-a-project", ["folder": .verbatim(folder.path)]))
                return nil
            }
            do {
                return try await load(root, language)
            } catch {
                self.show(.error, Message("lsp.cannot-load", ["folder": .verbatim(root.path), "reason": .verbatim("\(error)")]))
                return nil
            }
        }
        if let pid = params.processId { watchClient(pid) }
    }

    /// The version `serverInfo` reports.
    public static let version = "0.1.0"

    /// Exits when the client's process is gone (a client killed cannot send `exit`).
    private func watchClient(_ pid: Int) {
        let interval = configuration.clientCheckInterval
        Task {
            while self.exitCode == nil {
                try? await Task.sleep(for: interval)
                if kill(pid_t(pid), 0) != 0, errno == ESRCH {
                    self.stop(1, because: "the client's process \(pid) is gone")
                    return
                }
            }
        }
    }

    private func stop(_ code: Int32, because reason: String) {
        configuration.log("stdkit lsp: \(reason); exiting")
        exitCode = code
        stopInput?.finish()
    }

    /// The workspace, once read (nil when there is no project).
    func workspace() async -> Workspace? {
        await loading?.value
    }

    func show(_ type: LSP.MessageType, _ message: Message) {
        outbox.notify("window/showMessage", LSP.MessageParams(type: type, message: message.text(in: language)))
    }

    func log(_ type: LSP.MessageType, _ message: Message) {
        let text = message.text(in: language)
        configuration.log("stdkit lsp: \(text)")
        outbox.notify("window/logMessage", LSP.MessageParams(type: type, message: text))
    }

    func stopWatching() {
        folderWatch?.stop()
        folderWatch = nil
    }

    func registerWatcher(_ workspace: Workspace) {
        guard watchRegistration else {
            // Files changed on disk (git, another program) are still picked up: watched here.
            folderWatch = try? workspace.watch { [weak self] changed in await self?.publish(changed, in: workspace) }
            return
        }
        let watchers = ["**/*.md", "**/*.yml", "**/*.yaml", "**/links.lock"].map { LSP.RegistrationParams.WatchOptions.Watcher(globPattern: $0) }
        outbox.request(id: nextRequestID, "client/registerCapability", LSP.RegistrationParams(registrations: [
            .init(id: "stdkit-files", method: "workspace/didChangeWatchedFiles", registerOptions: .init(watchers: watchers)),
        ]))
        nextRequestID += 1
    }

    // MARK: - Decoding

    /// A message's `params` decoded as `type`; a mismatch is InvalidParams, saying where.
    static func params<T: Decodable>(_ type: T.Type, _ body: Data) throws(ResponseError) -> T {
        do {
            return try JSONDecoder().decode(ParamsEnvelope<T>.self, from: body).params
        } catch {
            throw ResponseError(code: ResponseError.invalidParams, message: "invalid params: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default:
            "\(error)"
        }
    }

    /// The file URL of a `file:` URI (percent-encoded Chinese paths decoded); nil for others.
    static func fileURL(_ uri: String) -> URL? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL
    }
}

/// A message with its `params` decoded as `T`.
private struct ParamsEnvelope<T: Decodable>: Decodable {
    var params: T
}
