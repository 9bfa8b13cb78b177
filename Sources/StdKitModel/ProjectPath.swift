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
}
