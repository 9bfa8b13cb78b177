import Mustache

/// The search page (`search.mustache`): the form and the results are made by `search.js` in the
/// browser, so the page needs only the interface text.
struct SearchPage: TemplatePage {
    static let template = "search"

    var strings: [String: String]

    func child(named name: String) -> Any? {
        switch name {
        case "strings": strings
        default: nil
        }
    }
}
