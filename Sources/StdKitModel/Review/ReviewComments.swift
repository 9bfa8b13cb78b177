import Foundation

/// The comments (批注) of one reviewed Word file, kept by `stdkit import docx --review` in
/// `.stdkit/reviews/<date>-<file>.json` so that `stdkit review comments` lists them after the
/// text has been merged: a comment asks something of the authors, and the Word file is not the
/// record.
///
/// One JSON file per import, written once and never rewritten; a second import of the same file
/// on the same day replaces it.
public struct ReviewComments: Sendable, Hashable, Codable {
    /// One comment and where it stands.
    public struct Comment: Sendable, Hashable, Codable {
        /// The document's id.
        public var document: String
        /// Its file, project-relative, when the comment was imported.
        public var path: String
        /// The item whose text it marks, when it marks an item's.
        public var item: String?
        /// The section it stands in, when known.
        public var section: String?
        public var author: String
        public var date: String?
        public var text: String

        public init(document: String, path: String, item: String?, section: String?, author: String, date: String?, text: String) {
            self.document = document
            self.path = path
            self.item = item
            self.section = section
            self.author = author
            self.date = date
            self.text = text
        }
    }

    /// The Word file's name, as given to the import.
    public var file: String
    /// The commit the file was exported from.
    public var commit: String?
    /// The day of the import (UTC, `YYYY-MM-DD`).
    public var imported: String
    public var comments: [Comment]

    public init(file: String, commit: String?, imported: String, comments: [Comment]) {
        self.file = file
        self.commit = commit
        self.imported = imported
        self.comments = comments
    }

    /// The folder, relative to the project root.
    public static let folder = ".stdkit/reviews"

    /// The file's name in the folder: the day and the Word file's name, made safe for a path.
    public var fileName: String {
        let base = (file as NSString).lastPathComponent
        let safe = String(base.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 })
        return "\(imported)-\(safe).json"
    }

    /// The JSON text, keys sorted and indented, so the same comments give the same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Every file of comments under `root`'s `.stdkit/reviews`, by name (oldest day first);
    /// a file that cannot be read is returned as a problem naming it.
    public static func all(in root: URL) -> (files: [(name: String, comments: ReviewComments)], problems: [String]) {
        let folder = root.appendingPathComponent(Self.folder, isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var files: [(name: String, comments: ReviewComments)] = []
        var problems: [String] = []
        for name in names {
            do {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                files.append((name, try JSONDecoder().decode(ReviewComments.self, from: data)))
            } catch {
                problems.append("\(Self.folder)/\(name): \(error.localizedDescription)")
            }
        }
        return (files, problems)
    }
}
