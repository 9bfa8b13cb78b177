import Foundation
import StdKitSyntax

/// A loaded standards project: its settings, schemas, documents with resolved references, and
/// the reverse index of what covers or uses each document and item.
public struct Project: Sendable {
    /// The project folder (nil for a project read from elsewhere than a folder).
    public var root: URL?
    public var config: ProjectConfig
    public var schemas: SchemaLibrary
    /// Documents sorted by path.
    public var documents: [Document]
    /// Problems that belong to no single document (settings, schema files, unreadable files).
    public var diagnostics: [Diagnostic]
    public internal(set) var index: ReferenceIndex
    /// Each document's position in `documents`, by path.
    var pathPositions: [String: Int]
    /// The rule profile in force, with the project's overrides; nil when none is set.
    public var profile: Profile?
    /// The paths of every file of a project read from memory or from git (nil when read from a
    /// folder, whose files are looked up on disk).
    public internal(set) var listedFiles: Set<String>?
    /// Every folder that holds one of `listedFiles`, at any depth.
    var listedFolders: Set<String>
    /// The text of `.stdkit/links.lock` (the reviewed coverage links), nil when there is none.
    public var linkLock: String?
    /// The upstream projects this one implements, in the order `stdkit.yml` declares them.
    public let upstreams: [Upstream]
    /// The upstreams' documents as this project sees them, by key (`ns:PROG-NS-460305`): see
    /// `Upstream.documentsSeenFromProject`.
    let upstreamDocuments: [String: Document]

    /// Where the reviewed coverage links are recorded, relative to the project folder.
    public static let linkLockPath = ".stdkit/links.lock"

    public init(root: URL?, config: ProjectConfig, schemas: SchemaLibrary, documents: [Document], diagnostics: [Diagnostic],
                profile: Profile? = nil, listedFiles: Set<String>? = nil, linkLock: String? = nil, upstreams: [Upstream] = []) {
        self.root = root
        self.config = config
        self.schemas = schemas
        self.diagnostics = diagnostics
        self.profile = profile
        self.listedFiles = listedFiles
        self.listedFolders = Self.folders(holding: listedFiles ?? [])
        self.linkLock = linkLock
        self.upstreams = upstreams
        var seen: [String: Document] = [:]
        for upstream in upstreams {
            for document in upstream.documentsSeenFromProject where seen[document.id ?? ""] == nil { seen[document.id ?? ""] = document }
        }
        self.upstreamDocuments = seen
        var documents = documents.sorted { $0.path.precedesInUTF8($1.path) }
        self.index = ReferenceIndex.resolve(&documents, upstreamDocuments: seen)
        self.pathPositions = Dictionary(documents.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.documents = documents
    }

    /// The document with id `id` (the first by path if several share it); for a key into an
    /// upstream (`ns:PROG-NS-460305`), the upstream's document as this project sees it.
    public func document(_ id: String) -> Document? {
        if let position = index.documentPositions[id] { return documents[position] }
        return upstreamDocuments.isEmpty ? nil : upstreamDocuments[id]
    }

    /// The upstream declared with prefix `id`.
    public func upstream(_ id: String) -> Upstream? {
        upstreams.first(where: { $0.id == id })
    }

    /// Every upstream document as this project sees it, sorted by key.
    public var upstreamDocumentsSeen: [Document] {
        upstreamDocuments.keys.sorted { $0.precedesInUTF8($1) }.compactMap { upstreamDocuments[$0] }
    }

    /// The document at the relative path `path`.
    public func document(atPath path: String) -> Document? {
        pathPositions[path].map { documents[$0] }
    }

    /// Whether the project holds a file (of any kind) at the relative path `path`.
    public func containsFile(_ path: String) -> Bool {
        if let listedFiles { return listedFiles.contains(path) || listedFolders.contains(path) }
        guard let root else { return false }
        return FileManager.default.fileExists(atPath: root.path + "/" + path)
    }

    /// Every folder that holds one of `files`, at any depth.
    static func folders(holding files: some Sequence<String>, adding folders: Set<String> = []) -> Set<String> {
        var folders = folders
        for file in files {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard folders.insert(String(path)).inserted else { break }
            }
        }
        return folders
    }

    /// The party with id `id`.
    public func party(_ id: String) -> Party? {
        config.parties.first(where: { $0.id == id })
    }
}
