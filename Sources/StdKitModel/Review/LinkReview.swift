import StdKitSyntax

/// A coverage link of the model: an item of a coverage family (a course's outcome) referencing
/// an item of another document (a requirement), resolved; or any item referencing an item of an
/// upstream (a programme's specification implementing the national one).
public struct CoverageLink: Sendable, Hashable {
    public var key: LinkLock.Key
    /// The source document's path and owner, and where the reference was written.
    public var sourcePath: String
    public var sourceOwner: String?
    public var location: SourceLocation
    public var targetPath: String
    public var targetOwner: String?
    /// The target item's reviewed text and its digest now.
    public var targetText: String
    public var digest: String

    /// The local ids of the source and target items (`LO2`, `R2`).
    public var sourceItem: String { Self.local(key.source) }
    public var targetItem: String { Self.local(key.target) }

    private static func local(_ fullID: String) -> String {
        fullID.split(separator: "#", maxSplits: 1).last.map(String.init) ?? fullID
    }
}

/// What the lock says about each coverage link of a project: reviewed, suspect (the target
/// changed since the review) or unreviewed (not in the lock).
public struct LinkReview: Sendable {
    public enum Status: Sendable, Hashable {
        case reviewed
        /// The target's digest at the review.
        case suspect(reviewed: String)
        case unreviewed
    }

    public struct Entry: Sendable, Hashable {
        public var link: CoverageLink
        public var status: Status
    }

    /// Whether the project has a lock file at all.
    public let hasLock: Bool
    public let lock: LinkLock
    public let problems: [LinkLock.Problem]
    /// Every coverage link, in the lock's order.
    public let entries: [Entry]
    /// Lock lines for links the model no longer has (the outcome or its reference was removed).
    public let obsolete: [LinkLock.Key]

    public init(project: Project) {
        self.init(project: project, sources: nil)
    }

    /// The review of the links from the documents at `sources` (all when nil): the check of the
    /// files an edit reaches reads only theirs; `obsolete` is then left empty.
    public init(project: Project, sources: Set<String>?) {
        hasLock = project.linkLock != nil
        (lock, problems) = project.linkLock.map(LinkLock.parse) ?? (LinkLock(), [])
        let links = Self.links(in: project, sources: sources)
        let lock = self.lock
        entries = links.map { link in
            guard let reviewed = lock.digests[link.key] else { return Entry(link: link, status: .unreviewed) }
            return Entry(link: link, status: reviewed == link.digest ? .reviewed : .suspect(reviewed: reviewed))
        }
        // Obsolete entries are a fact of every link of the project: not looked for in part.
        let current = Set(links.map(\.key))
        obsolete = sources != nil ? [] : lock.digests.keys.filter { !current.contains($0) }.sorted()
    }

    /// The review of a project that has no lock, as the check needs it: every link is then
    /// unreviewed, and the check reports only the first (by key) and how many there are
    /// (`firstUnreviewed`), so no target's text or digest is made — making them for every link
    /// was 6 % of a check of 10,000 documents. `entries` and `obsolete` are empty; a project
    /// with a lock gets the full review (`init(project:)`), here too.
    public static func withoutLinks(of project: Project) -> LinkReview {
        guard project.linkLock == nil else { return LinkReview(project: project) }
        return LinkReview(hasLock: false, lock: LinkLock(), problems: [], entries: [], obsolete: [])
    }

    private init(hasLock: Bool, lock: LinkLock, problems: [LinkLock.Problem], entries: [Entry], obsolete: [LinkLock.Key]) {
        self.hasLock = hasLock
        self.lock = lock
        self.problems = problems
        self.entries = entries
        self.obsolete = obsolete
    }

    /// The first coverage link of `project` by key, and how many there are: what the check
    /// says of a project without a lock, made from the keys alone and the one document that
    /// holds the first link.
    public static func firstLinkAndCount(in project: Project) -> (first: CoverageLink, count: Int)? {
        let keys = linkKeys(in: project)
        guard let key = keys.keys.min(), let path = keys[key],
              let first = links(in: project, sources: [path]).first(where: { $0.key == key }) else { return nil }
        return (first, keys.count)
    }

    public var suspect: [Entry] { entries.filter { if case .suspect = $0.status { true } else { false } } }
    public var unreviewed: [Entry] { entries.filter { $0.status == .unreviewed } }

    /// The lock with `links` recorded as reviewed now; `pruning` also drops the lines of links
    /// the model no longer has.
    public func accepting(_ links: [CoverageLink], pruning: Bool) -> LinkLock {
        var result = lock
        if pruning { for key in obsolete { result.digests[key] = nil } }
        for link in links { result.digests[link.key] = link.digest }
        return result
    }

    /// The coverage links of `project`, sorted by key, each once.
    public static func links(in project: Project) -> [CoverageLink] {
        links(in: project, sources: nil)
    }

    /// The coverage links from the documents at `sources` (all when nil).
    public static func links(in project: Project, sources: Set<String>?) -> [CoverageLink] {
        var result: [LinkLock.Key: CoverageLink] = [:]
        // Many outcomes cover one requirement: each target's text and digest is made once.
        var targets: [String: (text: String, digest: String)] = [:]
        eachLink(in: project, sources: sources) { document, key, reference, target, targetItem in
            guard result[key] == nil else { return }
            let reviewed = targets[key.target] ?? {
                let text = reviewedText(targetItem)
                let made = (text, Digests.sha256(Array(text.utf8)))
                targets[key.target] = made
                return made
            }()
            result[key] = CoverageLink(
                key: key, sourcePath: document.path, sourceOwner: document.owner, location: reference.syntax.location,
                targetPath: target.path, targetOwner: target.owner, targetText: reviewed.text, digest: reviewed.digest)
        }
        return result.keys.sorted().compactMap { result[$0] }
    }

    /// The key of every coverage link of `project` and the path of the document that has it
    /// first: what counting the links needs, without their targets' texts.
    public static func linkKeys(in project: Project) -> [LinkLock.Key: String] {
        var result: [LinkLock.Key: String] = [:]
        eachLink(in: project, sources: nil) { document, key, _, _, _ in
            if result[key] == nil { result[key] = document.path }
        }
        return result
    }

    /// The keys of the coverage links of each document at `sources` (all when nil), by path, in
    /// the order they are written (a key written twice, twice): what `LinkTally` keeps per
    /// document so that counting the project's links after an edit reads only what it reaches.
    public static func linkKeysByDocument(in project: Project, sources: Set<String>?) -> [String: [LinkLock.Key]] {
        var result: [String: [LinkLock.Key]] = [:]
        eachLink(in: project, sources: sources) { document, key, _, _, _ in result[document.path, default: []].append(key) }
        return result
    }

    /// Calls `body` with each coverage link of the documents at `sources` (all when nil), in
    /// document order, a link written twice each time.
    private static func eachLink(in project: Project, sources: Set<String>?,
                                 _ body: (_ source: Document, _ key: LinkLock.Key, _ reference: Reference, _ target: Document, _ targetItem: Item) -> Void) {
        let documents = sources.map { sources in project.documents.filter { sources.contains($0.path) } } ?? project.documents
        for document in documents where !document.isPage {
            guard let id = document.id, let schema = project.schemas.schema(for: document.kind) else { continue }
            for item in document.items {
                // Coverage links, and every link from an item into an upstream: when the upstream's
                // next release rewords what the item implements, the item is looked at again.
                let covers = schema.itemKind(of: item.id)?.coverage == true
                for reference in item.references where covers || reference.syntax.upstream != nil {
                    guard case .item(let targetID, let targetItemID) = reference.resolution,
                          let target = project.document(targetID), let targetItem = target.item(targetItemID) else { continue }
                    body(document, LinkLock.Key(source: "\(id)#\(item.id)", target: "\(targetID)#\(targetItemID)"), reference, target, targetItem)
                }
            }
        }
    }

    /// What a review of a link looks at in its target item: the statement with runs of white
    /// space made one space, then its attributes sorted by key, as `{key=value …}`.
    public static func reviewedText(_ item: Item) -> String {
        let statement = item.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !item.attributes.isEmpty else { return statement }
        let attributes = item.attributes.sorted { $0.key.precedesInUTF8($1.key) }.map { "\($0.key)=\($0.value)" }
        return statement + " {" + attributes.joined(separator: " ") + "}"
    }

    /// The lowercase hexadecimal SHA-256 of the item's reviewed text.
    public static func digest(_ item: Item) -> String {
        Digests.sha256(Array(reviewedText(item).utf8))
    }

    /// The target's text when a suspect link was reviewed: the newest earlier revision of the
    /// target document whose item has the reviewed digest. Nil when history does not hold it.
    public static func reviewedText(of link: CoverageLink, digest: String, history: ProjectHistory, schemas: SchemaLibrary) -> String? {
        for text in history.earlierTexts(of: link.targetPath) {
            let document = ProjectLoader.document(path: link.targetPath, bytes: Array(text.utf8), schemas: schemas)
            if let item = document.item(link.targetItem), Self.digest(item) == digest { return reviewedText(item) }
        }
        return nil
    }
}
