import StdKitModel

/// An employee-training programme's page above its body: its modules (`TM` items) with their
/// hours, the requirements each covers and the school's course units each reuses, and the sum
/// against the declared hours. Trainees, hours, certificate, provider and enterprise are in the
/// metadata panel.
struct TrainingPanel: Sendable {
    /// A module of the training.
    struct Module: Sendable, Equatable {
        var id: String
        var text: String
        /// The `hours` attribute as written, and as a number when it is one.
        var hoursText: String
        var hours: Int?
        /// References to anything but a course: the requirements the module covers.
        var covers: [CooperationPanel.Link]
        /// References to a course or its units: what the module reuses of the school's courses.
        var reuses: [CooperationPanel.Link]
    }

    var modules: [Module]
    /// The declared `hours`, when it is a number.
    var declaredHours: Int?
    var moduleHours: Int { modules.compactMap(\.hours).reduce(0, +) }

    init(_ document: Document, page: String, site: SiteBuilder) {
        modules = CooperationPanel.items(of: document, prefix: "TM").map { item in
            var covers: [CooperationPanel.Link] = []
            var reuses: [CooperationPanel.Link] = []
            for reference in item.references {
                let link = CooperationPanel.Link.reference(reference, from: page, site: site)
                let target: String? = switch reference.resolution {
                case .document(let id), .item(let id, _): id
                default: nil
                }
                if let target, site.project.document(target)?.kind == "course" { reuses.append(link) } else { covers.append(link) }
            }
            let hoursText = item.attribute("hours") ?? ""
            return Module(id: item.id, text: item.text, hoursText: hoursText, hours: Int(hoursText), covers: covers, reuses: reuses)
        }
        declaredHours = CooperationPanel.int(document.frontMatter?["hours"])
    }

    func html(strings: SiteStrings) -> String {
        guard !modules.isEmpty else { return "" }
        var html = "<section class=\"modules\">\n<h2>\(HTML.escape(strings["modules"]))</h2>\n<table class=\"modules\">\n"
        html += CooperationPanel.head([strings["module"], strings["content"], strings["hoursColumn"], strings["coversRequirements"], strings["reusesUnits"]])
        html += "<tbody>\n"
        for module in modules {
            let id = HTML.escape(module.id)
            html += "<tr><td><a href=\"#\(HTML.escape(HTML.encodeURL(module.id)))\">\(id)</a></td><td>\(HTML.escape(module.text))</td><td class=\"number\">\(HTML.escape(module.hoursText))</td>"
            html += "<td>\(module.covers.map(\.html).joined(separator: "、"))</td><td>\(module.reuses.map(\.html).joined(separator: "、"))</td></tr>\n"
        }
        html += "</tbody>\n<tfoot><tr><th colspan=\"2\">\(HTML.escape(strings["total"]))</th><td class=\"number\">\(moduleHours)</td><td colspan=\"2\">"
        if let declaredHours {
            let key = declaredHours == moduleHours ? "declaredHoursMatch" : "declaredHoursDiffer"
            html += "<span class=\"\(declaredHours == moduleHours ? "sum-ok" : "sum-differs")\">\(HTML.escape(strings.format(key, ["hours": "\(declaredHours)"])))</span>"
        }
        return html + "</td></tr></tfoot>\n</table>\n</section>\n"
    }
}
