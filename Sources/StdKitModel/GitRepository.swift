import Foundation
import StdKitSyntax

/// A git repository read through the `git` executable: the index and any revision, without a
/// checkout. File contents come through one long-lived `git cat-file --batch` process.
public struct GitRepository: Sendable {
    /// The repository's top folder (its work tree).
    public let top: URL

    /// A failure of git itself: not a repository, an unknown revision.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether the repository has no work tree (a bare repository, as on a git host).
    public let isBare: Bool

    /// The repository that contains `folder`: its work tree's top, or for a bare repository the
    /// repository folder itself.
    public init(containing folder: URL) throws {
        // One git process in a work tree (asked on every commit); --show-toplevel fails in a bare
        // repository, which is then asked again.
        if let output = try? Self.git(["rev-parse", "--is-bare-repository", "--show-toplevel"], in: folder) {
            let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
            if lines.count == 2, lines[0] == "false", !lines[1].isEmpty {
                top = URL(fileURLWithPath: lines[1], isDirectory: true).standardizedFileURL
                isBare = false
                return
            }
        }
        let bare = (try? Self.git(["rev-parse", "--is-bare-repository"], in: folder))
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "true" } ?? false
        if bare {
            let output = try Self.git(["rev-parse", "--absolute-git-dir"], in: folder)
            top = URL(fileURLWithPath: String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), isDirectory: true).standardizedFileURL
            isBare = true
            return
        }
        let output = try Self.git(["rev-parse", "--show-toplevel"], in: folder)
        let path = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty else { throw Failure(description: "\(folder.path) is not in a git repository") }
        top = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        isBare = false
    }

    /// Runs git with `arguments` in `folder` and returns its standard output; throws with git's
    /// own message when it fails.
    @discardableResult
    public static func git(_ arguments: [String], in folder: URL, input: Data? = nil) throws -> Data {
        try start(arguments, in: folder, input: input).output()
    }

    /// A git process started and running; `output()` waits for it.
    struct Running {
        let process: Process
        let arguments: [String]
        let standardOutput: ReadAll
        let standardError: ReadAll
        let ended: DispatchSemaphore

        /// Git's standard output, once it has ended; throws with git's own message when it failed.
        func output() throws -> Data {
            let data = standardOutput.wait()
            // Not `waitUntilExit()`, which polls a run loop: in a standalone program that made each
            // process take 50 ms however quick it was (`true`: 52 ms; 1.7 ms with this handler).
            ended.wait()
            let message = String(decoding: standardError.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard process.terminationStatus == 0 else {
                throw Failure(description: message.isEmpty ? "git \(arguments.joined(separator: " ")) failed" : message)
            }
            return data
        }
    }

    /// Starts git with `arguments` in `folder`, its pipes read on other threads (a full pipe would
    /// block git forever), so that the caller can start another before waiting for this one.
    static func start(_ arguments: [String], in folder: URL, input: Data? = nil) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe } else { process.standardInput = FileHandle.nullDevice }
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do {
            try process.run()
        } catch {
            throw Failure(description: "git cannot be started: \(error.localizedDescription); install git")
        }
        if let input, let inputPipe {
            // Write from another thread: a large output must be drained while input is written.
            let handle = inputPipe.fileHandleForWriting
            DispatchQueue.global().async {
                handle.write(input)
                try? handle.close()
            }
        }
        return Running(process: process, arguments: arguments, standardOutput: ReadAll(output.fileHandleForReading),
                       standardError: ReadAll(errors.fileHandleForReading), ended: ended)
    }

    /// One entry of the index or of a tree: a file's path (relative to the repository top) and
    /// its blob.
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var blob: String
        /// Whether git records the file as a symbolic link (mode 120000): its blob is the link's
        /// target, not content.
        public var isSymbolicLink = false
        /// Whether the entry is a submodule (a gitlink, mode 160000): `blob` is then the commit
        /// recorded, whose files are in the submodule's own repository.
        public var isSubmodule = false
    }

    /// The files staged in the index under `prefix` (a folder relative to the top, "" for all),
    /// with the submodules (an upstream's commit changes what a check finds).
    public func indexEntries(under prefix: String) throws -> [Entry] {
        try Self.indexEntries(Self.start(["ls-files", "--stage", "-z", "--"] + (prefix.isEmpty ? [] : [prefix]), in: top).output())
    }

    /// The files of revision `revision` under `prefix`.
    public func treeEntries(at revision: String, under prefix: String) throws -> [Entry] {
        try Self.treeEntries(startTreeListing(at: revision, under: prefix).output())
    }

    /// `indexEntries(under:)` and `treeEntries(at:under:)` from two git processes running side
    /// by side (`check --staged` asks for both on every commit); each one's failure is the
    /// caller's to judge (HEAD is not there before the first commit).
    public func indexAndTreeEntries(under prefix: String, at revision: String) -> (index: Result<[Entry], Failure>, tree: Result<[Entry], Failure>) {
        func failure(_ error: any Error) -> Failure { error as? Failure ?? Failure(description: "\(error)") }
        let tree = Result { try startTreeListing(at: revision, under: prefix) }.mapError(failure)
        let index = Result { try self.indexEntries(under: prefix) }.mapError(failure)
        return (index, tree.flatMap { running in Result { try Self.treeEntries(running.output()) }.mapError(failure) })
    }

    private func startTreeListing(at revision: String, under prefix: String) throws -> Running {
        try Self.start(["ls-tree", "-r", "-z", revision, "--"] + (prefix.isEmpty ? [] : [prefix]), in: top)
    }

    /// The entries of `ls-files --stage -z`: "<mode> <object> <stage>\t<path>\0".
    static func indexEntries(_ data: Data) -> [Entry] {
        records(data) { fields, path in
            guard fields.count == 3, fields[2] == "0" || fields[2] == "2" else { return nil }
            return Entry(path: path, blob: fields[1], isSymbolicLink: fields[0] == "120000", isSubmodule: fields[0] == "160000")
        }
    }

    /// The entries of `ls-tree -r -z`: "<mode> <type> <object>\t<path>\0".
    static func treeEntries(_ data: Data) -> [Entry] {
        records(data) { fields, path in
            guard fields.count == 3, fields[1] == "blob" || fields[1] == "commit" else { return nil }
            return Entry(path: path, blob: fields[2], isSymbolicLink: fields[0] == "120000", isSubmodule: fields[1] == "commit")
        }
    }

    /// The NUL-ended records of `ls-files -z` and `ls-tree -z`: the fields before the tab, split
    /// at spaces, and the path after it (read as bytes: a listing of 10,000 files is read on
    /// every commit).
    static func records<T>(_ data: Data, _ make: (_ fields: [String], _ path: String) -> T?) -> [T] {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var result: [T] = []
            var start = 0
            var fields: [String] = []
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0) ?? bytes.count
                if let tab = bytes[start..<end].firstIndex(of: 0x09) {
                    fields.removeAll(keepingCapacity: true)
                    var field = start
                    for index in start...tab where index == tab || bytes[index] == 0x20 {
                        if index > field { fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[field..<index]), as: UTF8.self)) }
                        field = index + 1
                    }
                    if let made = make(fields, String(decoding: UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<end]), as: UTF8.self)) {
                        result.append(made)
                    }
                }
                start = end + 1
            }
            return result
        }
    }

    /// The contents of `blobs`, read through one `git cat-file --batch` process.
    public func contents(of blobs: [String]) throws -> [String: [UInt8]] {
        guard !blobs.isEmpty else { return [:] }
        let unique = Array(Set(blobs)).sorted()
        let request = Data(unique.map { $0 + "\n" }.joined().utf8)
        let data = try Self.git(["cat-file", "--batch"], in: top, input: request)
        var result: [String: [UInt8]] = [:]
        let bytes = [UInt8](data)
        var offset = 0
        // "<object> <type> <size>\n<contents>\n" for each, in request order.
        for blob in unique {
            guard let newline = bytes[offset...].firstIndex(of: 0x0A) else {
                throw Failure(description: "git cat-file ended early, at \(blob)")
            }
            let header = String(decoding: bytes[offset..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else {
                throw Failure(description: "git cannot read object \(blob): \(header.joined(separator: " "))")
            }
            let start = newline + 1
            result[blob] = Array(bytes[start..<(start + size)])
            offset = start + size + 1
        }
        return result
    }
}

/// Reads a file handle to its end on another thread. These threads wait on git's pipes so that
/// neither side blocks the other: I/O, not work spread over cores, so not `Parallel.map` — and a
/// thread of its own, not Dispatch's pool, which adds threads for blocked work only after a
/// while (two listings read side by side waited 40 ms for it).
final class ReadAll: @unchecked Sendable {
    // Safe: `data` is written once by the reading thread before `done` is signalled, and read
    // only after waiting on `done`.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
