/// A workspace watching its folder (`Workspace.watch(onChange:)`): the folder watcher, and the
/// task that reads its batches into the workspace one after another.
public final class WorkspaceWatch: Sendable {
    /// How the folder is watched.
    public let watcher: FolderWatcher
    private let continuation: AsyncStream<[String]>.Continuation
    private let reader: Task<Void, Never>

    init(watcher: FolderWatcher, continuation: AsyncStream<[String]>.Continuation, reader: Task<Void, Never>) {
        self.watcher = watcher
        self.continuation = continuation
        self.reader = reader
    }

    deinit {
        stop()
    }

    /// Stops watching; a batch already reported is still read into the workspace.
    public func stop() {
        watcher.stop()
        continuation.finish()
    }

    /// Stops watching and waits until the batches already reported have been read.
    public func stopAndWait() async {
        stop()
        await reader.value
    }
}
