import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a save cut short leaves: the editing core writes a save to a hidden temporary file
/// beside the document (`.name.md.stdkit-1A2B3C4D.tmp`) and renames it over the document, so a
/// server killed in between leaves the document whole — its old text — and that temporary
/// file. The server removes such files when it starts, before it reads the project.
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
                } else if type == UInt8(DT_REG), name.hasPrefix("."), name.hasSuffix(".tmp"), isLeftover(name),
                          unlink(absolute + "/" + name) == 0 {
                    removed.append(path)
                }
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
