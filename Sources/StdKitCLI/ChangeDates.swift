import Foundation
import StdKitModel

/// When each document last changed, for CASE's `lastChangeDateTime`: the date of the last commit
/// that touched it, or — for a file not committed or changed since — its modification time.
/// Dates are ISO 8601 with their offset.
enum ChangeDates {
    static func of(_ project: Project, root: URL) -> [String: String] {
        var dates: [String: String] = [:]
        var changed: Set<String> = []
        if (try? GitRepository(containing: root)) != nil {
            // Newest first: the first date seen for a path is its last change. Paths relative to root.
            if let log = try? GitRepository.git(["-c", "core.quotePath=false", "log", "--format=%x01%cI", "--name-only", "--relative", "--", "."], in: root) {
                var date = ""
                for line in String(decoding: log, as: UTF8.self).split(separator: "\n") {
                    if line.hasPrefix("\u{01}") { date = String(line.dropFirst()) } else if dates[String(line)] == nil { dates[String(line)] = date }
                }
            }
            for arguments in [["diff", "--name-only", "--relative", "HEAD", "--", "."], ["ls-files", "--others", "--exclude-standard", "--", "."]] {
                if let output = try? GitRepository.git(["-c", "core.quotePath=false"] + arguments, in: root) {
                    changed.formUnion(String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init))
                }
            }
        }
        let formatter = ISO8601DateFormatter()
        for document in project.documents where dates[document.path] == nil || changed.contains(document.path) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(document.path).path)
            if let modified = attributes?[.modificationDate] as? Date { dates[document.path] = formatter.string(from: modified) }
        }
        return dates
    }

    /// Now, as ISO 8601.
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
