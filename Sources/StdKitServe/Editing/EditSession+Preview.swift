import Foundation
import StdKitCheck
import StdKitInterop
import StdKitModel
import StdKitPublish
import StdKitSyntax

extension EditSession {
    /// `text` as it would look and be checked if saved as document `id` (nil, or an id the
    /// project does not hold: a new document, placed where `stdkit new` would put it): the body
    /// of its page as `stdkit build` renders it, and its findings. Nothing is written and the
    /// workspace is left as it is: the project is checked with the document replaced, only
    /// that file's findings looked for.
    public func preview(id: String?, text: String) async -> Preview {
        let project = await workspace.project
        let path = previewPath(id: id, text: text, in: project)
        let limits = project.config.limits
        let document = ProjectLoader.document(path: path, bytes: Array(text.utf8), schemas: project.schemas, limits: limits, keepingBody: true)
        let changed = project.replacing([document])
        let findings = Checker().check(changed, focus: [path], history: history).diagnostics
            .filter { $0.file == path }
            .map { Finding($0, in: language) }
        var html = ""
        if let resolved = changed.document(atPath: path), let site = try? SiteBuilder(project: changed, toolVersion: "serve") {
            html = site.pageBody(of: resolved)
        }
        return Preview(html: html, findings: findings)
    }

    /// Where a previewed text is checked: its document's path, else where `stdkit new` would put
    /// a document of its kind and id, else a name no document has.
    private func previewPath(id: String?, text: String, in project: Project) -> String {
        if let id, let document = project.document(id), project.document(atPath: document.path)?.id == id { return document.path }
        let root = FrontMatter(text).read(file: "")?.root
        if let kind = root?["kind"]?.scalar, let written = root?["id"]?.scalar, Identifier.isValid(written) {
            return DocumentTemplate.defaultPath(kind: kind, id: written, in: project)
        }
        return "_preview.md"
    }

    /// References that may be written in a field or an item: documents whose id or title
    /// contains `query` (case aside; Chinese titles as written), of the `kinds` given (`course`,
    /// `job-profile#R`; any when empty) — those whose id starts with it first, then by id; the
    /// upstreams' documents as `ns:ID` after the project's own. `DOC#TEXT`: the items of
    /// document DOC whose id or statement contains TEXT, as `DOC#ITEM` with the statement as
    /// title. At most `limit` (and never more than 50).
    public func complete(_ query: String, kinds: [String], limit: Int) async -> [Candidate] {
        let project = await workspace.project
        let count = max(0, min(limit, 50))
        let wanted = query.lowercased()
        func contains(_ text: String?) -> Bool { wanted.isEmpty || (text?.lowercased().contains(wanted) ?? false) }
        let kindNames = Set(kinds.map { String($0.split(separator: "#", maxSplits: 1).first ?? Substring($0)) })
        func allowed(_ kind: String) -> Bool { kindNames.isEmpty || kindNames.contains(kind) }

        if let hash = query.firstIndex(of: "#") {
            let documentID = String(query[..<hash])
            let itemQuery = query[query.index(after: hash)...].lowercased()
            guard let target = project.document(documentID), let id = target.id else { return [] }
            let prefixes = Set(kinds.compactMap { entry -> String? in
                let parts = entry.split(separator: "#", maxSplits: 1)
                return parts.count == 2 && parts[0] == target.kind ? String(parts[1]) : nil
            })
            let schema = project.schemas.schema(for: target.kind)
            return target.items.filter { item in
                (itemQuery.isEmpty || item.id.lowercased().contains(itemQuery) || item.text.lowercased().contains(itemQuery))
                    && (prefixes.isEmpty || schema?.itemKind(of: item.id).map { prefixes.contains($0.prefix) } == true)
            }
            .prefix(count)
            .map { Candidate(id: id + "#" + $0.id, title: $0.text, kind: target.kind) }
        }

        let documents = project.documents.filter { !$0.isPage } + project.upstreamDocumentsSeen
        let matching = documents.compactMap { document -> (candidate: Candidate, first: Bool, own: Bool)? in
            guard let id = document.id, allowed(document.kind), contains(id) || contains(document.title) else { return nil }
            return (Candidate(id: id, title: document.title ?? id, kind: document.kind), id.lowercased().hasPrefix(wanted), !id.contains(":"))
        }
        return matching.sorted { a, b in
            if a.own != b.own { return a.own }
            if a.first != b.first { return a.first }
            return a.candidate.id.precedesInUTF8(b.candidate.id)
        }
        .prefix(count)
        .map(\.candidate)
    }
}
