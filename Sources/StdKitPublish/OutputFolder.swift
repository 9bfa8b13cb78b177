import Foundation
import StdKitModel

/// A folder stdkit writes whole — a site, CASE packages, schemas — built beside its target and
/// swapped in by `finish()`, so a failed or killed build leaves the previous folder whole.
/// Files are put from any thread as they are made (a site is never held in memory at once); a
/// file the previous folder has byte for byte is hard-linked rather than written again.
final class OutputFolder: @unchecked Sendable {
    // Safe: `folders`, `written` and `failure` are only read and written under `lock`; the
    // URLs are set once in `init`.
    let output: URL
    private let building: URL
    private let previous: URL
    /// `output`'s and `building`'s paths, each with a `/`: a file's path is one of them and its
    /// site path, where a URL for each of 10,000 files cost more than the rest of `put`.
    private let outputPrefix: String
    private let buildingPrefix: String
    /// Whether `output` held a folder when the build began: else no file can be linked from
    /// it, and none is looked for.
    private let hasPrevious: Bool
    private var folders: Set<String> = [""]
    private var written: Set<String> = []
    private var failure: String?
    private let lock = NSLock()

    /// Starts a new folder beside `output`. Fails, changing nothing, unless `output` may be
    /// replaced (`checkReplaceable`).
    init(replacing output: URL, recognizedBy: [String]) throws {
        try Self.checkReplaceable(output, recognizedBy: recognizedBy)
        self.output = output
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let process = ProcessInfo.processInfo.processIdentifier
        building = parent.appendingPathComponent(".\(name).building-\(process)")
        previous = parent.appendingPathComponent(".\(name).previous-\(process)")
        outputPrefix = output.path + "/"
        buildingPrefix = building.path + "/"
        Self.recoverInterruptedBuilds(of: output)
        var isDirectory: ObjCBool = false
        hasPrevious = FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) && isDirectory.boolValue
        try? FileManager.default.removeItem(at: building)
        do {
            try FileManager.default.createDirectory(at: building, withIntermediateDirectories: true)
        } catch {
            throw SiteError(step: "write", path: output.path, info: "the folder could not be written (\(error.localizedDescription)); the previous one is unchanged")
        }
    }

    /// Writes one file; safe to call from several threads. A path already put is kept as it was
    /// first put (the caller decides which file comes first). Never throws: the first failure is
    /// kept, later puts are skipped, and `finish()` reports it.
    func put(_ path: String, _ data: Data) {
        lock.lock()
        let skip = failure != nil || !written.insert(path).inserted
        lock.unlock()
        if skip { return }
        do {
            try makeFolder(of: path)
            let target = buildingPrefix + path
            // Creating a file costs far more than a link on most file systems, and a rebuild
            // changes few pages. The previous folder itself is never modified.
            if hasPrevious {
                let existing = outputPrefix + path
                if Self.sameFile(existing, data), link(existing, target) == 0 { return }
            }
            let descriptor = try Self.create(target)
            do {
                try Self.write(data, to: descriptor)
            } catch {
                close(descriptor)
                throw error
            }
            if close(descriptor) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            fail(path, error)
        }
    }

    /// A file written in pieces (`append`, one piece at a time, then `close`); a failure is
    /// kept and reported by `finish()`, as for `put`.
    final class Stream: @unchecked Sendable {
        // Safe: `descriptor` is set in `init` and used by one caller at a time, as documented.
        private var descriptor: Int32
        private let folder: OutputFolder
        private let path: String

        fileprivate init(folder: OutputFolder, path: String, descriptor: Int32) {
            self.folder = folder
            self.path = path
            self.descriptor = descriptor
        }

        func append(_ data: Data) {
            guard descriptor >= 0 else { return }
            do {
                try OutputFolder.write(data, to: descriptor)
            } catch {
                folder.fail(path, error)
                close()
            }
        }

        func close() {
            guard descriptor >= 0 else { return }
            if Glibc.close(descriptor) != 0 { folder.fail(path, POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)) }
            descriptor = -1
        }
    }

    /// Opens `path` to be written in pieces.
    func stream(_ path: String) -> Stream {
        lock.lock()
        let skip = failure != nil || !written.insert(path).inserted
        lock.unlock()
        var descriptor: Int32 = -1
        if !skip {
            do {
                try makeFolder(of: path)
                descriptor = try Self.create(buildingPrefix + path)
            } catch {
                fail(path, error)
            }
        }
        return Stream(folder: self, path: path, descriptor: descriptor)
    }

    private func fail(_ path: String, _ error: Error) {
        lock.lock()
        if failure == nil { failure = "\(path): \(error.localizedDescription)" }
        lock.unlock()
    }

    /// Creates the folder `path` is in, once.
    private func makeFolder(of path: String) throws {
        // Site paths are relative and without empty components: the folder is what comes
        // before the last `/`.
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        lock.lock()
        let known = folders.contains(folder)
        lock.unlock()
        guard !known else { return }
        try Self.makeDirectory(buildingPrefix + folder)
        lock.lock()
        folders.insert(folder)
        lock.unlock()
    }

    /// Whether a put has failed: the work left is wasted.
    var hasFailed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failure != nil
    }

    /// Swaps the new folder in, with the marker; on a failure of any put or of the swap the new
    /// folder is removed and `output` is left as it was.
    func finish() throws {
        put(SiteBuilder.outputMarker, Data("Written by stdkit. The next build or export replaces this folder whole.\n".utf8))
        let fileManager = FileManager.default
        do {
            lock.lock()
            let failure = self.failure
            lock.unlock()
            if let failure { throw SiteError(step: "write", path: output.path, info: failure) }
            // One atomic exchange where the file system offers it: there is no moment without a
            // folder, even if the process is killed.
            if fileManager.fileExists(atPath: output.path), Self.exchange(building.path, output.path) {
                Self.removeFolder(building.path)
                return
            }
            if fileManager.fileExists(atPath: output.path) {
                Self.removeFolder(previous.path)
                try fileManager.moveItem(at: output, to: previous)
            }
            do {
                try fileManager.moveItem(at: building, to: output)
            } catch {
                // Put the previous folder back before giving up.
                if fileManager.fileExists(atPath: previous.path) { try? fileManager.moveItem(at: previous, to: output) }
                throw error
            }
            Self.removeFolder(previous.path)
        } catch {
            discard()
            let info = (error as? SiteError)?.info ?? error.localizedDescription
            throw SiteError(step: "write", path: output.path, info: "the folder could not be written (\(info)); the previous one is unchanged")
        }
    }

    /// Removes the new folder; `output` is left as it was.
    func discard() {
        Self.removeFolder(building.path)
    }

    /// Removes the folder at `path` with everything in it, as `FileManager.removeItem` does under
    /// `try?` (what cannot be removed is left), but with one `unlinkat` per file and the folders
    /// shared between the cores: removing the previous site of 14,000 pages after the swap was
    /// a fifth of a second on one core at the end of every rebuild. Symbolic links are removed,
    /// never followed. Nothing happens where `path` is not a folder.
    static func removeFolder(_ path: String) {
        // Breadth first, each folder's files removed as it is listed, until there are enough
        // folders to share; each of those is then removed whole on some core, and the folders
        // listed on the way are removed last, the deepest first. Paths are kept as the bytes the
        // system gave (a name need not be UTF-8).
        var level = [Array(path.utf8CString)]
        var listed: [[CChar]] = []
        while !level.isEmpty, level.count < 64 {
            var next: [[CChar]] = []
            for folder in level {
                guard let folders = removeFiles(in: folder) else { continue }
                next += folders
                listed.append(folder)
            }
            level = next
        }
        Parallel.forEach(level) { removeTree($0) }
        for folder in listed.reversed() { rmdir(folder) }
    }

    /// Removes `folder` (a path ending with NUL) and everything under it, on this thread.
    private static func removeTree(_ folder: [CChar]) {
        for inner in removeFiles(in: folder) ?? [] { removeTree(inner) }
        rmdir(folder)
    }

    /// Removes every entry of `folder` (a path ending with NUL) but its folders, and returns
    /// those; nil where `folder` cannot be opened as a folder (a symbolic link is not opened).
    private static func removeFiles(in folder: [CChar]) -> [[CChar]]? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        defer { closedir(directory) }
        var folders: [[CChar]] = []
        while let entry = readdir(directory) {
            let type = Int32(entry.pointee.d_type)
            withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                let name = buffer.bindMemory(to: CChar.self)
                let length = name.firstIndex(of: 0) ?? name.count
                // "." and "..".
                if name[0] == 0x2E, length == 1 || (length == 2 && name[1] == 0x2E) { return }
                var isFolder = type == Int32(DT_DIR)
                if type == Int32(DT_UNKNOWN) {
                    var status = stat()
                    isFolder = fstatat(descriptor, name.baseAddress!, &status, AT_SYMLINK_NOFOLLOW) == 0 && status.st_mode & S_IFMT == S_IFDIR
                }
                if isFolder {
                    var inner = folder
                    inner[inner.count - 1] = 0x2F  // the NUL becomes the `/`
                    inner.append(contentsOf: name[..<length])
                    inner.append(0)
                    folders.append(inner)
                } else {
                    unlinkat(descriptor, name.baseAddress!, 0)
                }
            }
        }
        return folders
    }

    /// Makes the folder `path` and any folder above it that is missing, with `mkdir` itself: one
    /// call for a folder whose parent exists, where `FileManager` looked first at every step
    /// (making the pages' folders: 2.8 % of a rebuild of powershell-docs that way, 0.6 % this).
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o777) == 0 { return }
        var failure = errno
        if failure == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try makeDirectory(String(path[..<slash]))
            if mkdir(path, 0o777) == 0 { return }
            failure = errno
        }
        // Made meanwhile by another thread, or there before: fine if it is a folder.
        if failure == EEXIST {
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return }
            failure = ENOTDIR
        }
        throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
    }

    /// Opens a new file at `path` for writing (the umask applies to its permissions).
    static func create(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return descriptor
    }

    /// Writes all of `data` to an open file. Files are written with `open` and `write` rather
    /// than `Data.write(to:)`, which waits for the disk (`fsync`) after each file — thousands of
    /// pages would each wait — so the swap is atomic against a killed process, not against a
    /// power cut (build again after one).
    static func write(_ data: Data, to descriptor: Int32) throws {
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += count
            }
        }
        if failure != 0 { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    }

    /// Fails unless `output` may be replaced whole: it does not exist, or is an empty folder, or
    /// holds `outputMarker`, or holds every file of `recognizedBy` (an output written before the
    /// marker). A folder of the user's — `-o .`, `-o docs` — is never replaced.
    static func checkReplaceable(_ output: URL, recognizedBy: [String]) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw SiteError(step: "write", path: output.path, info: "it is a file, not a folder; nothing was changed — choose another output folder")
        }
        let contents = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        if contents.isEmpty || contents.contains(SiteBuilder.outputMarker) { return }
        if !recognizedBy.isEmpty, recognizedBy.allSatisfy(contents.contains) { return }
        throw SiteError(step: "write", path: output.path,
                        info: "the folder holds files stdkit did not write (it has no \(SiteBuilder.outputMarker)), and writing replaces the folder whole; nothing was changed — choose another output folder, or empty this one")
    }

    /// Swaps two paths in one step with Linux's `renameat2(…, RENAME_EXCHANGE)`, looked up at run
    /// time (Swift's Glibc module does not declare it); false where it is missing or refused.
    static func exchange(_ first: String, _ second: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let currentFolder: Int32 = -100  // AT_FDCWD
        let exchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
        return renameat2(currentFolder, first, currentFolder, second, exchange) == 0
    }

    /// Cleans up after builds that were killed: their half-written folders are removed, and a
    /// folder moved aside but never replaced is put back. Only folders of processes that no
    /// longer run are touched.
    static func recoverInterruptedBuilds(of output: URL) {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        guard let entries = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries.sorted() {
            for (prefix, isPrevious) in [(".\(name).building-", false), (".\(name).previous-", true)] where entry.hasPrefix(prefix) {
                guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
                let url = parent.appendingPathComponent(entry)
                if isPrevious && !fileManager.fileExists(atPath: output.path) {
                    try? fileManager.moveItem(at: url, to: output)
                } else {
                    try? fileManager.removeItem(at: url)
                }
            }
        }
    }

    /// Whether the file at `path` is a regular file holding exactly `data`.
    /// Read with `open` and `read` in pieces of at most 64 KB, each compared as it comes: a URL
    /// and a mapping for each of 10,000 pages cost more than the reading.
    static func sameFile(_ path: String, _ data: Data) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == data.count else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(data.count, 1 << 16)), alignment: 16)
        defer { piece.deallocate() }
        return data.withUnsafeBytes { (expected: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < expected.count {
                let count = read(descriptor, piece.baseAddress, min(piece.count, expected.count - offset))
                if count < 0, errno == EINTR { continue }
                guard count > 0, memcmp(piece.baseAddress!, expected.baseAddress! + offset, count) == 0 else { return false }
                offset += count
            }
            // Nothing more: the file did not grow since it was measured.
            return read(descriptor, piece.baseAddress, 1) == 0
        }
    }
}
