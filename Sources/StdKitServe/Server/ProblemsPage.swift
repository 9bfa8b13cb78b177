import StdKitSyntax

/// `/_stdkit/problems`: every finding of the project, by file, each naming its place
/// (`path:line:column`), rule, message and hint, and linking to its document's page.
struct ProblemsPage: Sendable {
    /// The findings of each file that has any.
    var findings: [String: [Diagnostic]]
    /// The site page of each document (project path → site path).
    var pages: [String: String]
    var language: Language

    private static let escape = ASCIIEscaper.html

    var title: String { Message.serveProblemsTitle().text(in: language) }

    /// The page's body, inside the site's layout.
    var body: String {
        let files = findings.keys.sorted().filter { !(findings[$0] ?? []).isEmpty }
        let count = files.reduce(0) { $0 + (findings[$1]?.count ?? 0) }
        var html = "<article class=\"stdkit-problems\">\n<h1>\(Self.escape(title))</h1>\n"
        guard count > 0 else {
            return html + "<p class=\"stdkit-clean\">\(Self.escape(Message.serveProblemsNone().text(in: language)))</p>\n</article>"
        }
        html += "<p class=\"stdkit-summary\">\(Self.escape(Message.serveProblemsSummary(count, files: files.count).text(in: language)))</p>\n"
        for file in files {
            html += "<section class=\"stdkit-file\">\n<h2>"
            if let page = pages[file] {
                html += "<a href=\"/\(Self.escape(PageDecoration.pathSegments(page)))\">\(Self.escape(file))</a>"
            } else {
                html += Self.escape(file)
            }
            html += "</h2>\n<ul>\n"
            for finding in findings[file] ?? [] {
                let place = "\(file):\(finding.location.line):\(finding.location.column)"
                html += "<li class=\"stdkit-finding stdkit-\(finding.severity.rawValue)\">"
                if let page = pages[file] {
                    html += "<a class=\"stdkit-place\" href=\"/\(Self.escape(PageDecoration.pathSegments(page)))\">\(Self.escape(place))</a>"
                } else {
                    html += "<span class=\"stdkit-place\">\(Self.escape(place))</span>"
                }
                html += " <span class=\"stdkit-severity\">\(finding.severity.rawValue)</span>"
                html += " <code class=\"stdkit-rule\">\(Self.escape(finding.rule))</code>"
                html += " <span class=\"stdkit-message\">\(Self.escape(finding.message.text(in: language)))</span>"
                if let hint = finding.hint {
                    html += " <span class=\"stdkit-hint\">\(Self.escape(hint.text(in: language)))</span>"
                }
                html += "</li>\n"
            }
            html += "</ul>\n</section>\n"
        }
        return html + "</article>"
    }
}
