import Foundation
import StdKitModel

extension Document {
    /// Writes `text` as this document's new content to `url` — atomically, so an interrupted
    /// run leaves the old file whole, and with the byte-order mark the file had. A file that is
    /// not UTF-8 is never rewritten: its text was read with U+FFFD for what could not be decoded,
    /// and writing it back would replace the user's bytes (a GBK phrase) for good.
    func write(_ text: String, to url: URL, shownAs name: String) throws {
        if let invalid = diagnostics.first(where: { $0.rule == "invalid-utf8" }) {
            throw CommandFailure(description: "\(name) is not UTF-8 (line \(invalid.location.line)), so it is left as it is: rewriting it would lose the bytes that cannot be read; \(invalid.hint?.english ?? "save it as UTF-8") and run this again")
        }
        var bytes = Array(text.utf8)
        if hasByteOrderMark { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(description: "cannot write \(name): \(error.localizedDescription)")
        }
    }
}

extension LinkLock {
    /// Writes the lock into the project at `root` — atomically, creating `.stdkit/` if needed.
    /// Returns where it was written.
    @discardableResult
    func write(toProject root: URL, environment: CommandEnvironment) throws -> URL {
        let url = root.appendingPathComponent(Project.linkLockPath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(description: "cannot write \(environment.displayPath(url)): \(error.localizedDescription)")
        }
        return url
    }
}
