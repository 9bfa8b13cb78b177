import StdKitModel

/// An apprenticeship's page above its body: the alternation calendar as an SVG timeline, the
/// enterprise's share of the weeks, and the schedule as a table. The cohort, recruitment and
/// mentor ratio are in the metadata panel; the mentors (`M`) and posts (`P`) are items of the
/// body.
struct ApprenticeshipPanel: Sendable {
    var calendar: AlternationCalendar
    /// The statement of each rotation post (`P` item) by its id, for the calendar's labels.
    var postNames: [String: String]

    init(_ document: Document, page: String, site: SiteBuilder) {
        calendar = AlternationCalendar(document)
        postNames = Dictionary(CooperationPanel.items(of: document, prefix: "P").map { ($0.id, $0.text) },
                               uniquingKeysWith: { first, _ in first })
    }

    func html(strings: SiteStrings) -> String {
        guard !calendar.entries.isEmpty else { return "" }
        var html = "<section class=\"calendar\">\n<h2>\(HTML.escape(strings["calendar"]))</h2>\n"
        if let share = calendar.enterpriseShare {
            html += "<p class=\"enterprise-share\">\(HTML.escape(strings.format("enterpriseShareSentence", ["weeks": "\(calendar.enterpriseWeeks)", "total": "\(calendar.scheduledWeeks)", "share": SiteBuilder.percent(share)])))</p>\n"
        }
        if let svg = calendar.svg(strings: strings, postNames: postNames) {
            html += "<figure>\(svg)</figure>\n"
        }
        if calendar.hasMalformedEntries {
            html += "<p class=\"malformed\">\(HTML.escape(strings["calendarMalformed"]))</p>\n"
        }
        return html + calendar.table(strings: strings, postNames: postNames) + "</section>\n"
    }
}
