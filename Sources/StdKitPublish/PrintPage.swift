import Mustache

/// The page printed to PDF (`print.mustache`): several documents one after the other, each as
/// its own page of the site shows it (the document template's article), with no navigation,
/// search or site footer — on paper they lead nowhere.
struct PrintPage: TemplatePage {
    static let template = "print"

    /// One document of the page.
    struct Part: MustacheParent, Sendable {
        /// The anchor of the document in the page (`d0`, `d1`, …): links between the printed
        /// documents lead here, and every anchor inside it starts with it.
        var anchor: String
        /// The document's article, rendered by `document.mustache`, its links moved to the print
        /// page (`PrintLinks`).
        var html: String

        func child(named name: String) -> Any? {
            switch name {
            case "anchor": anchor
            case "html": html
            default: nil
            }
        }
    }

    var lang: String
    var siteTitle: String
    /// The first document's title: the PDF's title.
    var pageTitle: String
    var strings: [String: String]
    /// The version of stdkit that made the page.
    var version: String
    /// The style sheet's path from the page (the site's `assets/style.css`).
    var root: String
    var documents: [Part]

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "pageTitle": pageTitle
        case "strings": strings
        case "version": version
        case "root": root
        case "documents": documents
        default: nil
        }
    }
}
