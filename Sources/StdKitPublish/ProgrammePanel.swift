import StdKitModel
import StdKitSyntax

/// What a programme's page shows above its body of DESIGN §13.2's additions: the elective
/// groups with their required credits and their courses, and, where course entries state how
/// they are assessed, in how many weeks or where, the course arrangement with those columns.
/// The cohort is in the metadata panel.
struct ProgrammePanel: Sendable {
    /// An elective group: students choose `chooseCredits` of its courses' credits.
    struct Group: Sendable, Equatable {
        var id: String
        var title: String
        /// As written, and as a number when it is one.
        var chooseCreditsText: String
        var courses: [(link: CooperationPanel.Link, credits: String)]
        /// The credits its courses offer together.
        var offeredCredits: Double

        static func == (left: Group, right: Group) -> Bool {
            left.id == right.id && left.title == right.title && left.chooseCreditsText == right.chooseCreditsText
                && left.courses.map(\.link) == right.courses.map(\.link) && left.courses.map(\.credits) == right.courses.map(\.credits)
                && left.offeredCredits == right.offeredCredits
        }
    }

    /// A course entry's row in the arrangement.
    struct Row: Sendable, Equatable {
        var course: CooperationPanel.Link
        var semester: String
        var hours: String
        var credits: String
        /// In the site's language (`exam` 考试, `test` 考查), else as written.
        var assessment: String
        var weeks: String
        var location: String
        /// The elective group's title, else its id as written.
        var group: String
    }

    var groups: [Group]
    /// Empty unless some entry states `assessment`, `weeks` or `location`.
    var rows: [Row]

    init(_ document: Document, page: String, site: SiteBuilder) {
        let strings = site.strings
        let table = CourseTable(document)
        let entries = table?.entries ?? []
        let text = { (node: YAMLNode?) in node.map(SiteBuilder.describe) ?? "" }
        let groupNodes = document.frontMatter?["elective_groups"]?.sequence ?? []
        groups = groupNodes.compactMap { node -> Group? in
            guard let id = node["id"]?.scalar, !id.isEmpty else { return nil }
            let members = entries.filter { $0.node["group"]?.scalar == id }
            return Group(id: id, title: text(node["title"]), chooseCreditsText: text(node["choose_credits"]),
                         courses: members.map { (CooperationPanel.Link.document($0.id ?? "", from: page, site: site), text($0.node["credits"])) },
                         offeredCredits: members.compactMap(\.credits).reduce(0, +))
        }
        let titles = Dictionary(groups.map { ($0.id, $0.title.isEmpty ? $0.id : $0.title) }, uniquingKeysWith: { first, _ in first })
        let arranged = entries.contains { entry in ["assessment", "weeks", "location"].contains { entry.node[$0] != nil } }
        rows = !arranged ? [] : entries.map { entry in
            let assessment = text(entry.node["assessment"])
            let location = text(entry.node["location"])
            let group = text(entry.node["group"])
            return Row(course: .document(entry.id ?? "", from: page, site: site), semester: text(entry.node["semester"]),
                       hours: entry.total.map(String.init) ?? "", credits: text(entry.node["credits"]),
                       assessment: assessment.isEmpty ? "" : strings.assessment(assessment), weeks: text(entry.node["weeks"]),
                       location: location.isEmpty ? "" : strings.place(location), group: titles[group] ?? group)
        }
    }

    func html(strings: SiteStrings) -> String {
        var html = ""
        if !groups.isEmpty {
            html += "<section class=\"elective-groups\">\n<h2>\(HTML.escape(strings["electiveGroups"]))</h2>\n<table class=\"elective-groups\">\n"
            html += CooperationPanel.head([strings["group"], strings["chooseCredits"], strings["courses"], strings["offeredCredits"]])
            html += "<tbody>\n"
            for group in groups {
                let courses = group.courses.map { "\($0.link.html)（\(HTML.escape($0.credits))）" }.joined(separator: "、")
                html += "<tr><td>\(HTML.escape(group.title.isEmpty ? group.id : group.title)) <code>\(HTML.escape(group.id))</code></td><td class=\"number\">\(HTML.escape(group.chooseCreditsText))</td><td>\(courses)</td><td class=\"number\">\(Charts.n(group.offeredCredits))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n</section>\n"
        }
        if !rows.isEmpty {
            html += "<section class=\"arrangement\">\n<h2>\(HTML.escape(strings["arrangement"]))</h2>\n<table class=\"arrangement\">\n"
            html += CooperationPanel.head([strings["course"], strings["semester"], strings["hoursColumn"], strings["credits"], strings["assessment"],
                                           strings["weeksColumn"], strings["location"], strings["group"]])
            html += "<tbody>\n"
            for row in rows {
                html += "<tr><td>\(row.course.html)</td>" + [row.semester, row.hours, row.credits, row.assessment, row.weeks, row.location, row.group]
                    .map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
            }
            html += "</tbody>\n</table>\n</section>\n"
        }
        return html
    }
}
