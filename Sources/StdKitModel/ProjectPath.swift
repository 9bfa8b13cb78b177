/// Paths inside a project (or a site), `/`-separated and relative to its top folder.
public enum ProjectPath {
    /// `path` written relative to the folder of the file at `from`: `courses/a.md` from
    /// `jobs/b.md` is `../courses/a.md`.
    public static func relative(_ path: String, from: String) -> String {
        var base = from.split(separator: "/").dropLast().map(String.init)
        var target = path.split(separator: "/").map(String.init)
        while let first = base.first, let other = target.first, first == other, target.count > 1 {
            base.removeFirst()
            target.removeFirst()
        }
        return (Array(repeating: "..", count: base.count) + target).joined(separator: "/")
    }

    /// `path` (as written in a link) resolved from the folder of the file at `from`, `.` and
    /// `..` and empty components removed: `../jobs/a.md` from `courses/b.md` is `jobs/a.md`,
    /// and `./` from a file at the top is "". Nil when it leaves the top folder.
    ///
    /// On the UTF-8 bytes, as the file system splits paths (this runs for every link of a
    /// check).
    public static func resolve(_ path: String, from: String) -> String? {
        let slash = UInt8(ascii: "/")
        var components = Array(from.utf8.split(separator: slash).dropLast())
        for component in path.utf8.split(separator: slash) {
            if component.elementsEqual(".".utf8) { continue }
            if component.elementsEqual("..".utf8) {
                guard !components.isEmpty else { return nil }
                components.removeLast()
            } else {
                components.append(component)
            }
        }
        var resolved: [UInt8] = []
        for component in components {
            if !resolved.isEmpty { resolved.append(slash) }
            resolved += component
        }
        return String(decoding: resolved, as: UTF8.self)
    }
}
