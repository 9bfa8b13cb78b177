import StdKitSyntax

/// The pages of the browser editor (`/_stdkit/edit/ID`, `/_stdkit/new`, `/_stdkit/commit`): the
/// site's layout with an empty `<main id="stdkit-editor">` that `serve.js` fills from the API.
/// The server renders no editor itself, so the editor has one author: the script.
struct EditorShell: Sendable {
    enum Page: String, Sendable {
        case edit, new, commit
    }

    var page: Page
    /// The document edited (`edit` only).
    var documentID: String?
    var language: Language

    private static let escape = ASCIIEscaper.html

    var title: String { Message.serveEditorTitle(page).text(in: language) }

    /// The editor's element.
    var main: String {
        var attributes = "id=\"stdkit-editor\" data-page=\"\(page.rawValue)\""
        if let documentID { attributes += " data-id=\"\(Self.escape(documentID))\"" }
        return "<main \(attributes)></main>"
    }

    /// Where the body goes in the layout: replaced by the editor's own `<main>` (the layout's
    /// `<main>` around it removed, so that the page has one).
    static let marker = "<!--stdkit-editor-->"

    /// The layout rendered with `marker` as its body, with the editor put in its place.
    func place(in layout: String) -> String {
        for wrapped in ["<main>\n\(Self.marker)\n</main>", "<main>\(Self.marker)</main>"] where layout.contains(wrapped) {
            return layout.replacingOccurrences(of: wrapped, with: main)
        }
        return layout.replacingOccurrences(of: Self.marker, with: main)
    }
}
