/// Files changed on disk picked up as they change: git, another editor or a script.
extension Workspace {
    /// Watches the project folder (`FolderWatcher`): each batch of changed files is read again
    /// (`changedOnDisk`, which leaves documents open in the editor to the editor) and the
    /// findings that changed are handed to `onChange`, batch after batch in order. Batches that
    /// change no finding are not handed on. Keep the returned watch and `stop()` it when done.
    public nonisolated func watch(polling: Bool = false, onChange: @escaping @Sendable (FindingsChanged) async -> Void) throws(WorkspaceError) -> WorkspaceWatch {
        let (batches, continuation) = AsyncStream.makeStream(of: [String].self)
        let watcher = try FolderWatcher(root: root, polling: polling) { paths in continuation.yield(paths) }
        let reader = Task {
            for await paths in batches {
                let changed = await self.changedOnDisk(paths)
                if !changed.isEmpty { await onChange(changed) }
            }
        }
        return WorkspaceWatch(watcher: watcher, continuation: continuation, reader: reader)
    }
}
