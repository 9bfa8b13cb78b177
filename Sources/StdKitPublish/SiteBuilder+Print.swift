import Foundation
import StdKitModel
import StdKitSyntax

extension SiteBuilder {
    /// Where the print page is put in the site: at its top, beside `index.html`.
    public static let printPagePath = "print.html"

    /// One page holding `documents` one after the other, for printing (`stdkit export --format
    /// pdf`): each as its own page of the site shows it — the same page model and template, so
    /// what is printed is what is published —, a page break before each, with the theme's
    /// `print.mustache` around them instead of the site's navigation. Its links are made for
    /// `printPagePath` of a site built by this builder (`PrintLinks`).
    public func printPage(of documents: [Document]) -> Data {
        let pages = documents.map { page(of: $0) }
        let anchors = pages.indices.map { "d\($0)" }
        let printed = Dictionary(zip(pages, anchors).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        // The documents rendered on every core, in the order given.
        let parts = Parallel.map(Array(documents.indices)) { index -> PrintPage.Part in
            let document = documents[index]
            let body = document.body ?? DocumentParser.body(of: document.text)
            let article = theme.render(DocumentPage(document, page: pages[index], html: renderBody(body, of: document, page: pages[index]), site: self))
            let links = PrintLinks(page: pages[index], anchor: anchors[index], printed: printed)
            return PrintPage.Part(anchor: anchors[index], html: links.rewrite(article))
        }
        let first = documents.first
        let title = first.map { $0.title ?? $0.sections.first?.title ?? $0.path } ?? siteTitle
        let model = PrintPage(lang: strings.language, siteTitle: siteTitle, pageTitle: title, strings: strings.all,
                             version: version, root: root(of: Self.printPagePath), documents: parts)
        return Data(theme.render(model).utf8)
    }

    /// A document's body as HTML, as its page of the site shows it.
    func renderBody(_ body: MarkdownNode, of document: Document, page: String) -> String {
        // An upstream's raw HTML is published only if both its project and the one publishing
        // it allow it: each vouches for its own authors only.
        let allowHTML = project.config.publish.allowHTML && (section?.local.config.publish.allowHTML ?? true)
        var renderer = HTMLRenderer(project: project, document: document, pagePath: page, map: map, section: section,
                                    allowHTML: allowHTML, strings: strings)
        return renderer.render(body)
    }
}
