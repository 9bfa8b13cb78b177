import StdKitModel
import StdKitSyntax

/// Where each document's page is in the site: the project's own under `documents/`, mirroring
/// its folders, and each upstream's under `upstream/<id>/`, mirroring the upstream's folders
/// (DESIGN §14.1: the upstream's documents are published in their own section). A page of the
/// site is found from the document alone, so that every link to a document — a reference, a
/// course table's entry, the matrix — leads to the same page whichever project it is read from.
struct SiteMap: Sendable, Hashable {
    /// The site folder of the project's own documents.
    static let documentsFolder = "documents/"
    /// The site folder holding one folder per upstream.
    static let upstreamsFolder = "upstream/"

    /// The folder of the pages of the project being published: `documents/` for the local
    /// project, `upstream/ns/` for an upstream published in its section.
    var folder: String
    /// The declared folder of each upstream (by prefix) whose documents the project sees
    /// through their keys (`ns:DOC`, path under `vendor/ns-460305/`).
    var upstreamPaths: [String: String]

    /// The map of `project`'s site: its documents under `documents/`, the documents of each
    /// upstream that is there under `upstream/<id>/`.
    init(project: Project) {
        folder = Self.documentsFolder
        upstreamPaths = Dictionary(project.upstreams.filter { $0.project != nil }.map { ($0.id, $0.declaration.path) },
                                   uniquingKeysWith: { first, _ in first })
    }

    /// The map of the section of upstream `id`: its documents, read as a project of their own,
    /// under `upstream/<id>/`. (An upstream's own upstreams are not read, so none is seen.)
    init(upstream id: String) {
        folder = Self.sectionFolder(of: id)
        upstreamPaths = [:]
    }

    /// The site folder of upstream `id`'s section.
    static func sectionFolder(of id: String) -> String {
        upstreamsFolder + id + "/"
    }

    /// The site path of `document`'s page: a document seen through an upstream's key is on
    /// that upstream's page, with its path inside the upstream.
    func page(of document: Document) -> String {
        // Most projects have no upstream: no id is split then (every link between pages asks).
        if !upstreamPaths.isEmpty, let id = document.id, let (upstream, _) = ReferenceSyntax.splitUpstream(id), let base = upstreamPaths[upstream],
           document.path.hasPrefix(base + "/") {
            return Self.sectionFolder(of: upstream) + SitePaths.page(for: String(document.path.dropFirst(base.count + 1)))
        }
        return folder + SitePaths.page(for: document.path)
    }
}
