import Foundation
import StdKitDiff
import StdKitModel

extension Document {
    /// Writes `text` as this document's new content to `url` — atomically, so an interrupted
    /// run leaves the old file whole, and with the byte-order mark the file had.
    func write(_ text: String, to url: URL, shownAs name: String) throws {
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
