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
        // Read both pipes before waiting: a full pipe would block git forever.
        let errorData = ReadAll(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: errorData.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw Failure(description: message.isEmpty ? "git \(arguments.joined(separator: " ")) failed" : message)
        }
        return data
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
        let data = try Self.git(["ls-files", "--stage", "-z", "--"] + (prefix.isEmpty ? [] : [prefix]), in: top)
        // "<mode> <object> <stage>\t<path>\0"
        return Self.records(data).compactMap { fields, path in
            guard fields.count == 3, fields[2] == "0" || fields[2] == "2" else { return nil }
            return Entry(path: path, blob: fields[1], isSymbolicLink: fields[0] == "120000", isSubmodule: fields[0] == "160000")
        }
    }

    /// The files of revision `revision` under `prefix`.
    public func treeEntries(at revision: String, under prefix: String) throws -> [Entry] {
        let data = try Self.git(["ls-tree", "-r", "-z", revision, "--"] + (prefix.isEmpty ? [] : [prefix]), in: top)
        // "<mode> <type> <object>\t<path>\0"
        return Self.records(data).compactMap { fields, path in
            guard fields.count == 3, fields[1] == "blob" || fields[1] == "commit" else { return nil }
            return Entry(path: path, blob: fields[2], isSymbolicLink: fields[0] == "120000", isSubmodule: fields[1] == "commit")
        }
    }

    /// The NUL-ended records of `ls-files -z` and `ls-tree -z`: the fields before the tab, split
    /// at spaces, and the path after it (read as bytes: a listing of 10,000 files is read on
    /// every commit).
    static func records(_ data: Data) -> [(fields: [String], path: String)] {
        let bytes = [UInt8](data)
        var result: [(fields: [String], path: String)] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0) ?? bytes.count
            if let tab = bytes[start..<end].firstIndex(of: 0x09) {
                let fields = bytes[start..<tab].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
                result.append((fields, String(decoding: bytes[(tab + 1)..<end], as: UTF8.self)))
            }
            start = end + 1
        }
        return result
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
/// neither side blocks the other: I/O, not work spread over cores, so not `Parallel.map`.
private final class ReadAll: @unchecked Sendable {
    // Safe: `data` is written once by the reading thread before `done` is signalled, and read
    // only after waiting on `done`.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
