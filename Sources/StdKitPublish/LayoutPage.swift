import Mustache

/// The frame of every page (`layout.mustache`): the site's title and language, the way back to
/// the site's top, and the page itself as `{{{body}}}`.
struct LayoutPage: TemplatePage {
    static let template = "layout"

    var lang: String
    var siteTitle: String
    var pageTitle: String
    /// The page's kind as a CSS class: ASCII letters, digits and `-` only.
    var pageKind: String
    /// `../` as often as the page is deep: the way back to the site's top.
    var root: String
    var strings: [String: String]
    /// The version of stdkit that built the site.
    var version: String
    /// The page's HTML, rendered by its own template.
    var body: String
    /// Whether the project declares upstreams: the navigation then leads to their section of
    /// the index.
    var hasUpstreams = false

    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "pageTitle": pageTitle
        case "pageKind": pageKind
        case "root": root
        case "strings": strings
        case "version": version
        case "body": body
        case "hasUpstreams": hasUpstreams
        default: nil
        }
    }
}
