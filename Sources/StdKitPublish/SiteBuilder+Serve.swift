import Foundation
import StdKitModel
import StdKitSyntax

/// The site one file at a time, for `stdkit serve`: a server answers the page a browser asks
/// for and nothing more, where `build` makes every file. The bytes of each file are those
/// `build` writes (the same renderers, the same layout).
extension SiteBuilder {
    /// What a site path is, found once per project so that a request needs no scan.
    public struct PageIndex: Sendable {
        /// Document pages by site path: the builder (nil: the project's own, else the index of
        /// the upstream's section) and the document.
        fileprivate var documents: [String: (section: Int?, document: Document)] = [:]
        /// Files of the project that documents link to, by site path → project path.
        fileprivate var linked: [String: String] = [:]
        /// The site path of each of the project's own documents, by project path.
        public fileprivate(set) var pageOfPath: [String: String] = [:]

        /// The project document whose page is at `sitePath`, nil for another file or an
        /// upstream's document.
        public func documentPath(at sitePath: String) -> String? {
            guard let entry = documents[sitePath], entry.section == nil else { return nil }
            return entry.document.path
        }
    }

    /// Where every page and linked file of the site is (the documents' own and each upstream
    /// section's). Cheap: no page is rendered.
    public func pageIndex() -> PageIndex {
        var index = PageIndex()
        for document in project.documents {
            let page = page(of: document)
            index.documents[page] = (nil, document)
            index.pageOfPath[document.path] = page
        }
        for (number, section) in sections.enumerated() {
            for document in section.project.documents {
                index.documents[section.page(of: document)] = (number, document)
            }
        }
        // Linked files as `build` publishes them: beside the page, never over a page.
        for (site, document) in project.documents.map({ (self, $0) }) + sections.flatMap({ s in s.project.documents.map { (s, $0) } }) {
            for link in document.links {
                let destination = link.destination.split(separator: "#").first.map(String.init) ?? ""
                guard !destination.isEmpty, !destination.hasSuffix(".md"), !destination.contains(":"), !destination.hasPrefix("/"),
                      let path = Self.resolve(destination.removingPercentEncoding ?? destination, from: document.path) else { continue }
                let sitePath = site.map.folder + path
                if index.documents[sitePath] == nil, index.linked[sitePath] == nil { index.linked[sitePath] = path }
            }
        }
        return index
    }

    /// The file of the site at `sitePath` (`index.html`, `documents/…/x.html`, `assets/…`,
    /// a linked file), made alone; nil when the site has no such file. `search-index.js` is
    /// `searchIndex()`, which reads every document.
    public func file(at sitePath: String, index: PageIndex) -> Data? {
        switch sitePath {
        case "index.html":
            return Data(layout(page: "index.html", title: siteTitle, kind: "index", body: theme.render(IndexPage(self))).utf8)
        case "matrix.html":
            return Data(layout(page: "matrix.html", title: strings["matrix"], kind: "matrix", body: theme.render(MatrixPage(self))).utf8)
        case "search.html":
            return Data(layout(page: "search.html", title: strings["search"], kind: "search", body: theme.render(SearchPage(strings: strings.all))).utf8)
        case "search-index.js":
            return searchIndex()
        default:
            break
        }
        if sitePath.hasPrefix("assets/") {
            let name = String(sitePath.dropFirst("assets/".count))
            return Theme.assetNames.contains(name) ? theme.assets[name] ?? Data() : nil
        }
        if let entry = index.documents[sitePath] {
            let site = entry.section.map { sections[$0] } ?? self
            return site.documentPage(entry.document).html
        }
        if let path = index.linked[sitePath], let root = project.root, Self.isPlainFile(path, under: root) {
            return FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
        }
        return nil
    }

    /// `search-index.js` as `build` writes it: every document's entries, in document order.
    public func searchIndex() -> Data {
        let (builders, documents) = everyDocument()
        let fragments = Parallel.map(documents) { entry in
            let site = builders[entry.site]
            let page = site.page(of: entry.document)
            let body = entry.document.body ?? DocumentParser.body(of: entry.document.text)
            return SearchEntry.json(SearchEntry.entries(for: entry.document, body: body, page: page, strings: site.strings, section: site.section))
        }
        let output = Shared(Data())
        let writer = SearchIndexWriter(write: { piece in output.update { $0.append(piece) } })
        for (number, fragment) in fragments.enumerated() { writer.add(number, fragment) }
        writer.finish()
        return output.value
    }
}

extension SiteBuilder {
    /// A page of the server's own (the problems page, the editor's shells) in the site's layout:
    /// `sitePath` is where the browser sees it, so that the layout's relative links resolve.
    public func layoutPage(at sitePath: String, title: String, kind: String, body: String) -> String {
        layout(page: sitePath, title: title, kind: kind, body: body)
    }

    /// The site's language (`zh-CN` or `en`), as the pages declare it.
    public var pageLanguage: String { strings.language }
}
