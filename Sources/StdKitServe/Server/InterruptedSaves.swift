import Foundation

/// What a save cut short leaves: the editing core writes a save to a hidden temporary file
/// beside the document (`.name.md.stdkit-PID-1A2B3C4D.tmp`, PID the writing process's id) and
/// renames it over the document, so a server killed in between leaves the document whole — its
/// old text — and that temporary file. The server removes such files when it starts, before it
/// reads the project: those of processes that no longer run, and those named without a process
/// id (the first servers' form). A file whose process still runs is another server's save in
/// flight on the same folder and is left to it. (Should the dead process's id have been given to
/// another process since, the file stays until a later start.)
public enum InterruptedSaves {
    /// Removes the temporary files of interrupted saves under `root` (not under `.git/`);
    /// returns their paths relative to `root`, sorted.
    @discardableResult
    public static func removeLeftovers(under root: URL) -> [String] {
        let root = root.standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) else { return [] }
        var removed: [String] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            if name == ".git" || name == ".build" || name == "node_modules" {
                enumerator.skipDescendants()
                continue
            }
            guard isLeftover(name) else { continue }
            if let writer = writer(of: name), writer != getpid(), isRunning(writer) { continue }
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil {
                removed.append(String(url.standardizedFileURL.path.dropFirst(root.path.count + 1)))
            }
        }
        return removed.sorted()
    }

    /// Whether `name` is a save's temporary file: `.`, the document's name, `.stdkit-`, the
    /// process id and `-` (absent in the first servers' files), eight hex digits, `.tmp`.
    static func isLeftover(_ name: String) -> Bool {
        name.wholeMatch(of: leftover) != nil
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
