import Dispatch
import Foundation
import StdKitSyntax
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Tells which files under a project folder were created, changed or deleted, so that an editor's
/// workspace (and `stdkit serve`) read again what git, another editor or a script changed.
///
/// Recursive, new folders included; `.git/`, `.build/`, `_site/` and `.stdkit/cache/` are
/// ignored at any depth (they change often and hold no document). The paths are relative to the
/// folder, with `/`, sorted, and come in batches: a burst (a `git checkout` of 500 files) is
/// gathered until the folder has been quiet for `latency` (at most `maxDelay` after its first
/// change) and reported at once. A folder renamed or removed reports the files it held.
///
/// On Linux it uses inotify, one watch per folder; where inotify is unavailable (no instance
/// left: `fs.inotify.max_user_instances`, shared by every process of the user, browsers
/// included) or the watch limit (`fs.inotify.max_user_watches`) is reached, it compares the
/// files' modification times and sizes every `pollInterval` instead, and says why (`fallback`).
/// `onChange` is called on the watcher's own thread, one
/// batch at a time. A class, not a value: it owns a thread and file descriptors, which `stop()`
/// (or the last reference going) releases.
public final class FolderWatcher: Sendable {
    /// How changes are noticed.
    public enum Mode: Sendable, Equatable {
        case inotify
        /// Modification times and sizes compared every `pollInterval`.
        case polling
    }

    /// Why a watcher polls.
    public enum Fallback: Sendable, Equatable {
        /// Polling was asked for.
        case requested
        /// No inotify instance could be made (`inotify_init1` failed with this errno: `EMFILE`
        /// when the user's `fs.inotify.max_user_instances` are all taken).
        case noInstance(errno: Int32)
        /// A folder could not be watched (`inotify_add_watch` failed with this errno: `ENOSPC`
        /// when `fs.inotify.max_user_watches` is reached).
        case watchLimit(errno: Int32)
    }

    /// Polling is cheap on a small folder and a change is seen sooner: up to this many files it
    /// looks every `quickPollInterval`, else every `slowPollInterval` (a walk of 10,000 files
    /// takes tens of milliseconds, which every second is a few percent of a core).
    public static let quickPollFiles = 2_000
    public static let quickPollInterval: Duration = .milliseconds(250)
    public static let slowPollInterval: Duration = .seconds(1)

    /// The watched folder.
    public let root: URL
    /// How changes are noticed: chosen at start, kept until `stop()`.
    public let mode: Mode
    /// Why it polls; nil with inotify.
    public let fallback: Fallback?
    /// How often it looks when polling: the interval asked for, else by the folder's size
    /// (`quickPollFiles`).
    public let pollInterval: Duration
    /// The pipe `stop()` writes to, which wakes the watcher's thread at once.
    private let wakeWrite: Int32
    private let shared = Shared()

    /// What `stop()` and the watcher's thread both see; not the watcher itself, which the thread
    /// must not keep alive (the last reference going stops it).
    private final class Shared: Sendable {
        let finished = DispatchSemaphore(value: 0)
        let state = Mutex(State())

        struct State {
            var stopped = false
            /// The watcher's thread, so that `stop()` called from `onChange` does not wait for itself.
            var thread: pthread_t?
        }
    }

    /// Starts watching `root`, calling `onChange` with each batch of changed paths.
    /// `polling: true` uses the polling fallback even where inotify works (tests, network
    /// folders). `pollInterval` nil: by the folder's size. Throws when `root` is not a folder
    /// that can be read.
    public convenience init(root: URL, latency: Duration = .milliseconds(50), maxDelay: Duration = .seconds(1), pollInterval: Duration? = nil,
                            polling: Bool = false, onChange: @escaping @Sendable ([String]) -> Void) throws(WorkspaceError) {
        try self.init(root: root, latency: latency, maxDelay: maxDelay, pollInterval: pollInterval, polling: polling,
                      inotifyInit: { inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) }, onChange: onChange)
    }

    /// `inotifyInit` makes the inotify instance (tests make it fail as a full machine would).
    init(root: URL, latency: Duration, maxDelay: Duration, pollInterval: Duration?, polling: Bool,
         inotifyInit: () -> Int32, onChange: @escaping @Sendable ([String]) -> Void) throws(WorkspaceError) {
        let root = root.standardizedFileURL
        self.root = root
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue, access(root.path, R_OK | X_OK) == 0 else {
            throw WorkspaceError(.cannotWatch(root.path))
        }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw WorkspaceError(.cannotWatch(root.path)) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        wakeWrite = fds[1]
        let wakeRead = fds[0]

        let watching = WatchLoop(root: root.path, latency: latency, maxDelay: maxDelay, pollInterval: pollInterval, wake: wakeRead, onChange: onChange)
        mode = polling ? watching.startPolling() : watching.start(inotifyInit: inotifyInit)
        fallback = polling ? .requested : watching.fallback
        self.pollInterval = watching.pollInterval
        let shared = self.shared
        let thread = Thread {
            // Named from inside: Foundation names the system's thread only for the current one.
            Thread.current.name = "stdkit-watcher"
            shared.state.withLock { $0.thread = pthread_self() }
            watching.run()
            close(wakeRead)
            shared.finished.signal()
        }
        thread.start()
    }

    deinit {
        stop()
    }

    /// Stops watching: no batch is reported after it returns (unless called from `onChange`,
    /// which finishes the batch it is in), and the thread and descriptors are released.
    /// Calling it again does nothing.
    public func stop() {
        let (wasStopped, thread) = shared.state.withLock { state -> (Bool, pthread_t?) in
            defer { state.stopped = true }
            return (state.stopped, state.thread)
        }
        guard !wasStopped else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        close(wakeWrite)
        if let thread, pthread_equal(thread, pthread_self()) != 0 { return }
        shared.finished.wait()
    }

    /// Whether `path` (relative, with `/`) is in a folder the watcher ignores.
    public static func isIgnored(_ path: String) -> Bool {
        var previous: Substring = ""
        for component in path.split(separator: "/") {
            if component == ".git" || component == ".build" || component == "_site" { return true }
            if previous == ".stdkit" && component == "cache" { return true }
            previous = component
        }
        return false
    }
}

/// The watcher's thread: what it knows of the folder, and its loop. Used by that thread alone
/// after `start()` or `startPolling()`, which run before the thread starts.
private final class WatchLoop: @unchecked Sendable {
    // Safe: handed to the one thread that uses it, after `FolderWatcher.init` is done with it.
    let root: String
    let latency: Duration
    let maxDelay: Duration
    /// Asked for, else chosen when polling starts, by the number of files.
    var pollInterval: Duration
    let requestedPollInterval: Duration?
    let wake: Int32
    let onChange: @Sendable ([String]) -> Void

    var mode: FolderWatcher.Mode = .polling
    var fallback: FolderWatcher.Fallback?
    var inotify: Int32 = -1
    /// Each watch's folder (relative, "" for the root), and back.
    var folderOfWatch: [Int32: String] = [:]
    var watchOfFolder: [String: Int32] = [:]
    /// The files seen, with their modification time and size (sizes are kept by polling only).
    var known: [String: FileStamp] = [:]
    var pending: Set<String> = []
    /// Why the last watch could not be added.
    var watchErrno: Int32 = 0

    struct FileStamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
    }

    static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
        | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    init(root: String, latency: Duration, maxDelay: Duration, pollInterval: Duration?, wake: Int32, onChange: @escaping @Sendable ([String]) -> Void) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
        self.latency = latency
        self.maxDelay = maxDelay
        self.requestedPollInterval = pollInterval
        self.pollInterval = pollInterval ?? FolderWatcher.slowPollInterval
        self.wake = wake
        self.onChange = onChange
    }

    /// Sets up inotify over the whole folder, or polling when that cannot be done (`fallback`
    /// says why).
    func start(inotifyInit: () -> Int32) -> FolderWatcher.Mode {
        inotify = inotifyInit()
        guard inotify >= 0 else {
            fallback = .noInstance(errno: errno)
            return startPolling()
        }
        mode = .inotify
        var found: [String: FileStamp] = [:]
        guard walk("", into: &found, watching: true) else {
            fallback = .watchLimit(errno: watchErrno)
            close(inotify)
            inotify = -1
            folderOfWatch = [:]
            watchOfFolder = [:]
            return startPolling()
        }
        known = found
        return .inotify
    }

    func startPolling() -> FolderWatcher.Mode {
        mode = .polling
        var found: [String: FileStamp] = [:]
        _ = walk("", into: &found, watching: false)
        known = found
        pollInterval = requestedPollInterval ?? (found.count <= FolderWatcher.quickPollFiles ? FolderWatcher.quickPollInterval : FolderWatcher.slowPollInterval)
        return .polling
    }

    func run() {
        switch mode {
        case .inotify: runInotify()
        case .polling: runPolling()
        }
        if inotify >= 0 { close(inotify) }
    }

    // MARK: - inotify

    private func runInotify() {
        let clock = ContinuousClock()
        var firstChange: ContinuousClock.Instant?
        var lastChange = clock.now
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var timeout: Int32 = -1
            if let firstChange {
                let due = min(lastChange + latency, firstChange + maxDelay)
                timeout = Int32(max(0, Self.milliseconds(due - clock.now)))
            }
            var fds = [pollfd(fd: wake, events: Int16(POLLIN), revents: 0), pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents != 0 { return }
            if fds[1].revents & Int16(POLLIN) != 0 {
                let size = buffer.count
                let count = read(inotify, &buffer, size)
                if count > 0 {
                    handle(buffer, count: count)
                    lastChange = clock.now
                    if firstChange == nil, !pending.isEmpty { firstChange = lastChange }
                }
            } else if fds[1].revents != 0 {
                return
            }
            if let first = firstChange, clock.now >= min(lastChange + latency, first + maxDelay) {
                deliver()
                firstChange = nil
            }
        }
    }

    /// The events in `buffer[..<count]`: `struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }`.
    private func handle(_ buffer: [UInt8], count: Int) {
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = bytes[(offset + header)..<min(offset + header + length, count)].prefix(while: { $0 != 0 })
                offset += header + length
                handle(watch: watch, mask: mask, name: String(decoding: nameBytes, as: UTF8.self))
            }
        }
    }

    private func handle(watch: Int32, mask: UInt32, name: String) {
        func has(_ flag: Int32) -> Bool { mask & UInt32(flag) != 0 }
        if has(IN_Q_OVERFLOW) {
            // Events were lost: every file is looked at again.
            var found: [String: FileStamp] = [:]
            _ = walk("", into: &found, watching: true)
            pending.formUnion(known.keys)
            pending.formUnion(found.keys)
            known = found
            return
        }
        if has(IN_IGNORED) {
            // The folder was removed (or its watch taken off): the number may come back for another.
            if let folder = folderOfWatch.removeValue(forKey: watch), watchOfFolder[folder] == watch { watchOfFolder[folder] = nil }
            return
        }
        guard let folder = folderOfWatch[watch], !name.isEmpty else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        guard !FolderWatcher.isIgnored(path) else { return }
        if has(IN_ISDIR) {
            if has(IN_CREATE) || has(IN_MOVED_TO) {
                var found: [String: FileStamp] = [:]
                _ = walk(path, into: &found, watching: true)
                known.merge(found) { _, new in new }
                pending.formUnion(found.keys)
            } else if has(IN_DELETE) || has(IN_MOVED_FROM) {
                forget(folder: path, unwatching: has(IN_MOVED_FROM))
            }
        } else if has(IN_DELETE) || has(IN_MOVED_FROM) {
            known[path] = nil
            pending.insert(path)
        } else if has(IN_CREATE) || has(IN_MOVED_TO) || has(IN_MODIFY) || has(IN_CLOSE_WRITE) || has(IN_ATTRIB) {
            known[path] = FileStamp(seconds: 0, nanoseconds: 0, size: 0)
            pending.insert(path)
        }
    }

    /// Folder `path` is gone (or moved out of view): its files are reported deleted, and the
    /// watches of a folder moved away taken off (they would follow it wherever it went).
    private func forget(folder path: String, unwatching: Bool) {
        let prefix = path + "/"
        for file in known.keys where file.hasPrefix(prefix) {
            known[file] = nil
            pending.insert(file)
        }
        for (folder, watch) in watchOfFolder where folder == path || folder.hasPrefix(prefix) {
            if unwatching { inotify_rm_watch(inotify, watch) }
            watchOfFolder[folder] = nil
            folderOfWatch[watch] = nil
        }
    }

    // MARK: - Polling

    private func runPolling() {
        while true {
            var fds = [pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 1, Int32(Self.milliseconds(pollInterval)))
            if ready < 0 && errno != EINTR { return }
            if fds[0].revents != 0 { return }
            var found: [String: FileStamp] = [:]
            _ = walk("", into: &found, watching: false)
            for (path, stamp) in found where known[path] != stamp { pending.insert(path) }
            for path in known.keys where found[path] == nil { pending.insert(path) }
            known = found
            deliver()
        }
    }

    // MARK: - Walking

    /// Adds the files under folder `relative` to `found` and, when `watching`, a watch to each
    /// folder; false when the watch limit is reached. A folder that vanishes meanwhile is skipped.
    private func walk(_ relative: String, into found: inout [String: FileStamp], watching: Bool) -> Bool {
        let absolute = relative.isEmpty ? root : root + "/" + relative
        if watching {
            let watch = inotify_add_watch(inotify, absolute, Self.mask)
            if watch < 0 {
                if errno == ENOSPC || errno == ENOMEM {
                    watchErrno = errno
                    return false
                }
                return true  // gone, or not readable: nothing to watch
            }
            folderOfWatch[watch] = relative
            watchOfFolder[relative] = watch
        }
        guard let directory = opendir(absolute) else { return true }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            guard !FolderWatcher.isIgnored(path) else { continue }
            var status = stat()
            guard lstat(absolute + "/" + name, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                folders.append(path)
            } else {
                found[path] = FileStamp(seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec), size: Int64(status.st_size))
            }
        }
        for folder in folders {
            guard walk(folder, into: &found, watching: watching) else { return false }
        }
        return true
    }

    private func deliver() {
        guard !pending.isEmpty else { return }
        let batch = pending.sorted { $0.precedesInUTF8($1) }
        pending = []
        onChange(batch)
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

extension Message {
    static func cannotWatch(_ path: String) -> Message {
        Message("workspace.cannot-watch", ["path": .verbatim(path)])
    }
}
