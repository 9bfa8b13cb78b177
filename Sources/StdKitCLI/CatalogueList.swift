import Foundation

/// The folders a `stdkit catalogue --list FILE` names: one a line, `#` comments and blank lines
/// skipped, a relative folder relative to the list's own folder (so a list kept beside the
/// clones works from anywhere). A git URL is refused: the catalogue reads folders, and fetching
/// a thousand repositories is git's job and the CI's, not stdkit's (DESIGN §12).
struct CatalogueList {
    /// A folder of the list: as written, and where it is.
    struct Folder: Equatable {
        var written: String
        var url: URL
        var line: Int
    }

    var folders: [Folder]

    /// A line that cannot be a folder.
    struct Problem: Error, CustomStringConvertible {
        var file: String
        var line: Int
        var text: String

        var description: String {
            "\(file):\(line): '\(text)' is a git URL; clone it first (git clone \(text)) and list the folder of the clone"
        }
    }

    /// Reads the list `text` of the file at `url` (shown as `shownAs` in messages).
    init(text: String, at url: URL, shownAs: String) throws {
        let base = url.deletingLastPathComponent()
        folders = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if Self.isGitURL(line) { throw Problem(file: shownAs, line: index + 1, text: line) }
            let folder = line.hasPrefix("/") ? URL(fileURLWithPath: line) : base.appendingPathComponent(line)
            folders.append(Folder(written: line, url: folder.standardizedFileURL, line: index + 1))
        }
    }

    /// `https://…`, `ssh://…`, `git://…`, `file://…` and git's `user@host:path`.
    static func isGitURL(_ text: String) -> Bool {
        if let scheme = text.range(of: "://"), text[..<scheme.lowerBound].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }),
           !text[..<scheme.lowerBound].isEmpty {
            return true
        }
        // scp-like syntax: something@host:path, with no slash before the colon.
        guard let at = text.firstIndex(of: "@"), let colon = text[at...].firstIndex(of: ":") else { return false }
        return !text[..<colon].contains("/") && text.index(after: at) < colon
    }
}
