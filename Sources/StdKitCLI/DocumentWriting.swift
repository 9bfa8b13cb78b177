import Foundation
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
