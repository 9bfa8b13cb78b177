import StdKitModel
import StdKitSyntax

extension SiteBuilder {
    /// What `build` writes inside the layout of `document`'s page (its metadata, panels and
    /// body), for a preview of a text not yet saved: `document` need not be the project's (a
    /// changed text; its links are made as if it were at its path).
    public func pageBody(of document: Document) -> String {
        let page = page(of: document)
        let body = document.body ?? DocumentParser.body(of: document.text)
        return theme.render(DocumentPage(document, page: page, html: renderBody(body, of: document, page: page), site: self))
    }
}
