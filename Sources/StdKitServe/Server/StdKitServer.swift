import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import StdKitModel
import StdKitSyntax
import StdKitWorkspace
import Synchronization

/// `stdkit serve` (DESIGN §16, docs/serve.md): the site of the project from memory, its findings
/// on every page, the browser editor's API over `EditSession`, and live reload. One process,
/// one project; `run` listens until cancelled.
public final class StdKitServer: Sendable {
    public let workspace: Workspace
    public let session: EditSession
    public let settings: ServeSettings
    let site: LiveSite
    let hub: EventHub
    /// The port listened on, once known (`settings.port`, or the one the system chose for 0).
    private let boundPort: Mutex<Int>
    /// The digest of each file the server wrote itself, until the watcher reports it: the
    /// browser that saved was told at once, and is not told again that it changed "elsewhere".
    private let ownWrites = Mutex<[String: String]>([:])
    private let watching = Mutex<FolderWatcher?>(nil)

    public convenience init(workspace: Workspace, session: EditSession, settings: ServeSettings, toolVersion: String, keepAlive: Duration = .seconds(15)) {
        self.init(workspace: workspace, session: session, settings: settings, toolVersion: toolVersion, keepAlive: keepAlive, head: nil)
    }

    /// `head`: the site of the workspace's project, begun beforehand (`start`).
    init(workspace: Workspace, session: EditSession, settings: ServeSettings, toolVersion: String, keepAlive: Duration = .seconds(15), head: LiveSite.Head?) {
        self.workspace = workspace
        self.session = session
        self.settings = settings
        self.site = LiveSite(workspace: workspace, toolVersion: toolVersion, head: head)
        self.hub = EventHub(keepAlive: keepAlive)
        self.boundPort = Mutex(settings.port)
    }

    /// The port the server answers at.
    public var port: Int { boundPort.withLock { $0 } }

    /// The address to open, with the token (`http://127.0.0.1:PORT/?token=T`).
    public var startURL: String { settings.startURL(port: port) }

    var requestGuard: RequestGuard { RequestGuard(settings: settings, port: port) }

    /// The Hummingbird application answering every route; `onRunning` is called with the port
    /// once it listens.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            responder: ServeResponder(server: self),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { [weak self] channel in
                let port = channel.localAddress?.port ?? 0
                self?.boundPort.withLock { $0 = port }
                await onRunning(port)
            },
            logger: Self.quietLogger)
    }

    /// Listens until the task is cancelled; then closes every event stream and stops watching.
    /// Throws `ServeFailure` when the address cannot be listened on (a port in use).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        do {
            try await withTaskCancellationHandler {
                try await application(onRunning: onRunning).run()
            } onCancel: {
                self.stop()
            }
        } catch is CancellationError {
        } catch {
            let reason = "\(error)"
            if reason.contains("Address already in use") || reason.contains("EADDRINUSE") {
                throw ServeFailure(message: .servePortInUse(settings.port))
            }
            throw ServeFailure(message: .serveCannotListen(settings.host, settings.port, reason))
        }
        stop()
    }

    /// Ends every event stream (a browser's open `/events` would otherwise keep the server
    /// waiting) and stops watching the folder.
    public func stop() {
        hub.close()
        watching.withLock { watcher in
            watcher?.stop()
            watcher = nil
        }
    }

    /// Starts watching the project folder: each batch of changed files is read into the
    /// workspace, the site made again, and every browser told (`/events`). Returns the watcher,
    /// whose `mode` and `fallback` say whether it polls and why.
    @discardableResult
    public func watch(polling: Bool = false) throws(WorkspaceError) -> FolderWatcher {
        let (batches, continuation) = AsyncStream.makeStream(of: [String].self)
        let watcher = try FolderWatcher(root: workspace.root, polling: polling) { paths in continuation.yield(paths) }
        watching.withLock { $0 = watcher }
        Task { [weak self] in
            for await paths in batches {
                guard let self else { return }
                await self.changedOnDisk(paths)
            }
        }
        return watcher
    }

    /// Files changed on disk: read again, and announced unless the server wrote them itself
    /// (or they came and went within the batch, as the temporary file of an atomic write).
    func changedOnDisk(_ paths: [String]) async {
        let known = await workspace.project
        let present = paths.filter { path in
            known.document(atPath: path) != nil || FileManager.default.fileExists(atPath: workspace.url(of: path).path)
        }
        let foreign = present.filter { path in
            guard let digest = ownWrites.withLock({ $0[path] }) else { return true }
            let bytes = FileManager.default.contents(atPath: workspace.url(of: path).path).map { Array($0) }
            let same = bytes.map { EditSession.digest($0) } == digest
            if same { ownWrites.withLock { _ = $0.removeValue(forKey: path) } }
            return !same
        }
        guard !foreign.isEmpty else { return }
        var timings = Timings()
        let before = await ids(of: foreign)
        _ = await workspace.changedOnDisk(foreign)
        timings.lap("serve: \(foreign.count) file(s) changed on disk, read and checked")
        let after = await ids(of: foreign)
        await changed(paths: foreign, ids: Array(Set(before + after)))
        timings.lap("serve: the change announced")
    }

    /// The server wrote `path` with `digest` (a save, a new document): the site is made again
    /// and browsers told at once.
    func wrote(_ path: String, digest: String, id: String?) async {
        ownWrites.withLock { $0[path] = digest }
        await changed(paths: [path], ids: id.map { [$0] } ?? [])
    }

    func changed(paths: [String], ids: [String]) async {
        await site.invalidate()
        hub.announce(paths: paths, ids: ids)
    }

    private func ids(of paths: [String]) async -> [String] {
        let project = await workspace.project
        return paths.compactMap { project.document(atPath: $0)?.id }
    }

    /// Makes the index page ahead of the first browser, so that the first page comes at once
    /// (after `start`, waits for the index page made while the project was checked).
    public func prepare() async {
        _ = await site.file(at: "index.html")
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "stdkit-serve")
        logger.logLevel = .critical
        return logger
    }
}

/// Why the server could not start, in the user's language.
public struct ServeFailure: Error, Sendable {
    public var message: Message
}
