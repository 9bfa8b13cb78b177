import Foundation

/// What a save cut short leaves: the editing core writes a save to a hidden temporary file
/// beside the document (`.name.md.stdkit-1A2B3C4D.tmp`) and renames it over the document, so a
/// server killed in between leaves the document whole — its old text — and that temporary
/// file. The server removes such files when it starts, before it reads the project.
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
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil {
                removed.append(String(url.standardizedFileURL.path.dropFirst(root.path.count + 1)))
            }
        }
        return removed.sorted()
    }

    /// Whether `name` is a save's temporary file: `.`, the document's name, `.stdkit-`, eight
    /// hex digits, `.tmp`.
    static func isLeftover(_ name: String) -> Bool {
        name.wholeMatch(of: /\..+\.stdkit-[0-9A-Fa-f]{8}\.tmp/) != nil
    }
}
