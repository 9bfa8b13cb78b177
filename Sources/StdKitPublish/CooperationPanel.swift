import StdKitModel
import StdKitSyntax

/// What a document's page shows above its body from the structured front matter of the kinds
/// that carry school–enterprise cooperation (DESIGN §13): an apprenticeship's alternation
/// calendar, a training's modules, a facility's capacity and courses, a programme's cohort
/// arrangements. Read from the front matter and items as written, with no schema needed, so a
/// project whose kinds the check does not know yet still gets these pages.
enum CooperationPanel {
    /// The panel's HTML for `document` on the site page `page`, or nil when its kind has none
    /// or there is nothing to show.
    static func html(for document: Document, page: String, site: SiteBuilder) -> String? {
        let html: String
        switch document.kind {
        case "apprenticeship": html = ApprenticeshipPanel(document, page: page, site: site).html(strings: site.strings)
        case "training": html = TrainingPanel(document, page: page, site: site).html(strings: site.strings)
        case "facility": html = FacilityPanel(document, page: page, site: site).html(strings: site.strings)
        case "programme": html = ProgrammePanel(document, page: page, site: site).html(strings: site.strings)
        default: return nil
        }
        return html.isEmpty ? nil : html
    }

    /// A link to a document (and an item of it) or, when there is none, the id as text.
    struct Link: Sendable, Equatable {
        var label: String
        /// The relative URL; nil for an id that names nothing.
        var url: String?
        /// The target's title or statement, shown on hover; for an id that names nothing, why
        /// (an upstream that is not there), else "".
        var title: String

        var html: String {
            guard let url else {
                let title = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
                return "<span class=\"ref unresolved\"\(title)>\(HTML.escape(label))</span>"
            }
            return "<a class=\"ref\" href=\"\(HTML.escape(url))\" title=\"\(HTML.escape(title))\">\(HTML.escape(label))</a>"
        }

        /// The document `id` with its title as the label.
        static func document(_ id: String, from page: String, site: SiteBuilder) -> Link {
            guard let target = site.project.document(id) else { return Link(label: id, url: nil, title: missing(id, site: site)) }
            let title = target.title ?? id
            return Link(label: "\(title)（\(id)）", url: site.url(from: page, to: target), title: title)
        }

        /// What a resolved reference points at: its text as the label, the target's statement
        /// as the title.
        static func reference(_ reference: Reference, from page: String, site: SiteBuilder) -> Link {
            switch reference.resolution {
            case .document(let id):
                if let target = site.project.document(id) {
                    return Link(label: reference.syntax.text, url: site.url(from: page, to: target), title: target.title ?? id)
                }
            case .item(let id, let itemID):
                if let target = site.project.document(id) {
                    let title = target.item(itemID).map { "\(target.title ?? id): \($0.text)" } ?? id
                    return Link(label: reference.syntax.text, url: site.url(from: page, to: target, anchor: itemID), title: title)
                }
            default:
                break
            }
            return Link(label: reference.syntax.text, url: nil, title: reference.syntax.document.map { missing($0, site: site) } ?? "")
        }

        /// Why `key` links nowhere when its upstream is not there, else "".
        private static func missing(_ key: String, site: SiteBuilder) -> String {
            UpstreamSection.missingTitle(of: key, in: site.project, strings: site.strings) ?? ""
        }
    }

    /// The items of `document` whose id is `prefix` and a number (`TM1`, `P2`): a prefix alone
    /// would take `TM1` for a `T` item.
    static func items(of document: Document, prefix: String) -> [Item] {
        document.items.filter { item in
            item.id.hasPrefix(prefix) && item.id.count > prefix.count && item.id.dropFirst(prefix.count).allSatisfy(\.isNumber)
        }
    }

    /// A front-matter integer, or nil when it is absent or not a whole number.
    static func int(_ node: YAMLNode?) -> Int? {
        CourseTable.int(node)
    }

    /// A table's head row.
    static func head(_ labels: [String]) -> String {
        "<thead><tr>" + labels.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n"
    }
}
