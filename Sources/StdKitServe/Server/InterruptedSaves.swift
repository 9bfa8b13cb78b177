import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a save cut short leaves: the editing core writes a save to a hidden temporary file
/// beside the document (`.name.md.stdkit-PID-1A2B3C4D.tmp`, PID the writing process's id) and
/// renames it over the document, so a server killed in between leaves the document whole — its
/// old text — and that temporary file. The server removes such files when it starts, before it
/// reads the project: those of processes that no longer run, and those named without a process
/// id (the first servers' form). A file whose process still runs is another server's save in
/// flight on the same folder and is left to it. (Should the dead process's id have been given to
/// another process since, the file stays until a later start.)
public enum InterruptedSaves {
    /// Removes the temporary files of interrupted saves under `root` (not under `.git/`,
    /// `.build/` or `node_modules/`); returns their paths relative to `root`, sorted.
    ///
    /// Walked with `readdir` and the entries' types, looking closer only at a hidden name ending
    /// in `.tmp`: on 10,000 documents Foundation's enumerator, which makes a URL and reads the
    /// attributes of every file, took over a second of the server's start.
    @discardableResult
    public static func removeLeftovers(under root: URL) -> [String] {
        let root = root.standardizedFileURL.path
        var removed: [String] = []
        var folders = [""]
        while let relative = folders.popLast() {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(absolute) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    // Some file systems do not say: asked of the entry itself, never followed.
                    var status = stat()
                    guard lstat(absolute + "/" + name, &status) == 0 else { continue }
                    type = status.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : status.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
                }
                if type == UInt8(DT_DIR) {
                    if name != ".git" && name != ".build" && name != "node_modules" { folders.append(path) }
                } else if type == UInt8(DT_REG), name.hasPrefix("."), name.hasSuffix(".tmp"), isLeftover(name), !isInFlight(name),
                          unlink(absolute + "/" + name) == 0 {
                    removed.append(path)
                }
            }
        }
        return removed.sorted()
    }

    /// Whether `name` is a save's temporary file: `.`, the document's name, `.stdkit-`, the
    /// process id and `-` (absent in the first servers' files), eight hex digits, `.tmp`.
    static func isLeftover(_ name: String) -> Bool {
        name.wholeMatch(of: leftover) != nil
    }

    /// Whether temporary file `name` is another running process's save in flight.
    static func isInFlight(_ name: String) -> Bool {
        guard let writer = writer(of: name) else { return false }
        return writer != getpid() && isRunning(writer)
    }

    /// The id of the process that wrote temporary file `name`, when the name has one.
    static func writer(of name: String) -> pid_t? {
        name.wholeMatch(of: leftover)?.output.1.flatMap { pid_t($0) }
    }

    private nonisolated(unsafe) static let leftover = /\..+\.stdkit-(?:([0-9]{1,10})-)?[0-9A-Fa-f]{8}\.tmp/

    /// Whether process `pid` runs (a process of another user counts: it exists).
    static func isRunning(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
