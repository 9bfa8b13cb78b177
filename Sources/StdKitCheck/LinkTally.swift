import StdKitModel
import StdKitSyntax

/// The coverage links of a project counted per document and kept up to date by the documents an
/// edit reaches: without a links lock, `unreviewed-link` reports the first link (by key) and how
/// many there are, and counting them all again on every focused check read each of the 10,000
/// documents' items (bench/RESULTS.md). Holds the same first key and count as
/// `LinkReview.linkKeys(in:)` of the project it was last updated with.
public struct LinkTally: Sendable {
    /// The link keys of each document that has any, by path.
    private var keysByPath: [String: [LinkLock.Key]]
    /// For each key, the paths of the documents that have it (more than one only when two
    /// documents share an id).
    private var holders: [LinkLock.Key: Set<String>]
    /// The least key, kept so that an edit does not compare every key again.
    private var least: LinkLock.Key?

    /// Counts the links of every document of `project`.
    public init(project: Project) {
        keysByPath = [:]
        holders = [:]
        least = nil
        add(LinkReview.linkKeysByDocument(in: project, sources: nil))
    }

    /// The number of different links.
    public var count: Int { holders.count }

    /// Counts again the links of the documents at `paths` as they are in `project` (a path with
    /// no document there: it has none now). The caller names every document whose links may
    /// have changed: the edited ones and those whose references resolve into them.
    public mutating func update(_ project: Project, paths: Set<String>) {
        var leastRemoved = false
        for path in paths {
            for key in keysByPath[path] ?? [] {
                holders[key]?.remove(path)
                if holders[key]?.isEmpty == true {
                    holders[key] = nil
                    if key == least { leastRemoved = true }
                }
            }
            keysByPath[path] = nil
        }
        if leastRemoved { least = holders.keys.min() }
        add(LinkReview.linkKeysByDocument(in: project, sources: paths.filter { project.document(atPath: $0) != nil }))
    }

    /// The first link by key with its count, as a full check without a lock reports them; nil
    /// when the project has no link.
    public func firstAndCount(in project: Project) -> (first: CoverageLink, count: Int)? {
        guard let least, let paths = holders[least],
              // The first document by path that has it, as `LinkReview.linkKeys(in:)` records.
              let path = paths.min(by: { $0.precedesInUTF8($1) }),
              let first = LinkReview.links(in: project, sources: [path]).first(where: { $0.key == least }) else { return nil }
        return (first, holders.count)
    }

    private mutating func add(_ keys: [String: [LinkLock.Key]]) {
        for (path, found) in keys where !found.isEmpty {
            keysByPath[path] = found
            for key in found {
                holders[key, default: []].insert(path)
                if least.map({ key < $0 }) ?? true { least = key }
            }
        }
    }
}
