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
        // The components are written one after the other into one buffer, and `..` cuts the
        // last one off (split into arrays of slices, a link cost four allocations: 1 % of a
        // build of real pages).
        let slash = UInt8(ascii: "/")
        var resolved: [UInt8] = []
        resolved.reserveCapacity(from.utf8.count + path.utf8.count)
        func append(_ component: Substring.UTF8View) {
            if !resolved.isEmpty { resolved.append(slash) }
            resolved.append(contentsOf: component)
        }
        // The folder of `from`: every component but the last.
        var pending: Substring.UTF8View?
        forEachComponent(of: from) { component in
            if let previous = pending { append(previous) }
            pending = component
            return true
        }
        let inside = forEachComponent(of: path) { component in
            if component.elementsEqual(".".utf8) { return true }
            if component.elementsEqual("..".utf8) {
                guard !resolved.isEmpty else { return false }
                resolved.removeSubrange((resolved.lastIndex(of: slash) ?? resolved.startIndex)...)
            } else {
                append(component)
            }
            return true
        }
        guard inside else { return nil }
        return String(decoding: resolved, as: UTF8.self)
    }

    /// Calls `body` with each non-empty component of `path` between slashes, in order, while it
    /// returns true; returns false if it stopped.
    @discardableResult
    private static func forEachComponent(of path: String, _ body: (Substring.UTF8View) -> Bool) -> Bool {
        let bytes = Substring(path).utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                if start != index, !body(bytes[start..<index]) { return false }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        return start == index || body(bytes[start..<index])
    }
}
