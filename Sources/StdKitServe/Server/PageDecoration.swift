import Foundation
import StdKitSyntax

/// What the server adds to every HTML page it answers (docs/serve.md): before `</head>` the
/// editor's stylesheet and script, the page's facts for the script (`stdkit-serve`) and — only
/// when the browser may write — the session token; after `<body…>` the bar: the page's
/// findings, the link to every problem and, when editable, 编辑 / 新建 / 提交.
struct PageDecoration: Sendable {
    /// The id of the document whose page it is, nil for another page.
    var documentID: String?
    /// The findings of the page's document (none for another page).
    var findings: [Diagnostic]
    /// The number of findings of the whole project.
    var problems: Int
    /// The token, when the browser may write; nil otherwise (no editing offered).
    var token: String?
    var language: Language

    private static let escape = ASCIIEscaper.html

    /// `html` with the head's additions and the bar.
    func apply(to html: String) -> String {
        var page = html
        let head = headAdditions
        if let end = page.range(of: "</head>", options: .caseInsensitive) {
            page.insert(contentsOf: head, at: end.lowerBound)
        } else {
            page = head + page
        }
        if let body = page.range(of: "<body", options: .caseInsensitive),
           let close = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: "\n" + bar, at: page.index(after: close))
        } else {
            page += bar
        }
        return page
    }

    var headAdditions: String {
        let facts = ServeJSON.object([
            ("editable", .bool(token != nil)),
            ("id", .optional(documentID)),
            ("lang", .string(language.rawValue)),
        ]).text
        var lines = [
            #"<link rel="stylesheet" href="/_stdkit/serve.css">"#,
            #"<script src="/_stdkit/serve.js" defer></script>"#,
            // JSON in single quotes: ServeJSON escapes <, > and &, and no JSON text has a '
            // outside its strings, where it is written as it is — so escape it too.
            "<meta name=\"stdkit-serve\" content='\(facts.replacingOccurrences(of: "'", with: "&#39;"))'>",
        ]
        if let token { lines.append("<meta name=\"stdkit-token\" content=\"\(Self.escape(token))\">") }
        return lines.joined(separator: "\n") + "\n"
    }

    var bar: String {
        var html = "<div id=\"stdkit-bar\" lang=\"\(language.rawValue)\">\n<nav class=\"stdkit-actions\">"
        html += "<a class=\"stdkit-problems\" href=\"/_stdkit/problems\">\(Self.escape(Message.serveBarProblems(problems).text(in: language)))</a>"
        if token != nil {
            if let documentID {
                html += " <a class=\"stdkit-edit\" href=\"/_stdkit/edit/\(Self.escape(Self.pathSegment(documentID)))\">\(Self.escape(Message.serveBarEdit().text(in: language)))</a>"
            }
            html += " <a class=\"stdkit-new\" href=\"/_stdkit/new\">\(Self.escape(Message.serveBarNew().text(in: language)))</a>"
            html += " <a class=\"stdkit-commit\" href=\"/_stdkit/commit\">\(Self.escape(Message.serveBarCommit().text(in: language)))</a>"
        }
        html += "</nav>\n"
        if documentID != nil {
            if findings.isEmpty {
                html += "<p class=\"stdkit-clean\">\(Self.escape(Message.serveBarClean().text(in: language)))</p>\n"
            } else {
                html += "<ul class=\"stdkit-findings\">\n"
                for finding in findings {
                    html += "<li class=\"stdkit-finding stdkit-\(finding.severity.rawValue)\" data-line=\"\(finding.location.line)\">"
                    html += "<code class=\"stdkit-rule\">\(Self.escape(finding.rule))</code> "
                    html += "<span class=\"stdkit-line\">\(finding.location.line):\(finding.location.column)</span> "
                    html += "<span class=\"stdkit-message\">\(Self.escape(finding.message.text(in: language)))</span></li>\n"
                }
                html += "</ul>\n"
            }
        }
        return html + "</div>\n"
    }

    /// A site path with each of its segments percent-encoded.
    static func pathSegments(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { pathSegment(String($0)) }.joined(separator: "/")
    }

    /// An id as one segment of a path: everything but unreserved characters percent-encoded.
    static func pathSegment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
