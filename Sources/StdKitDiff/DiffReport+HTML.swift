import Foundation
import StdKitSyntax

extension DiffReport {
    /// One self-contained review page: per document, the change side by side with word-level
    /// highlights, the fields, the references and the impact.
    public func html(title: String) -> String {
        // By bytes (`ASCIIEscaper`): a quote followed by a combining mark is escaped too.
        let escape = ASCIIEscaper.html
        func side(_ diff: WordDiff, old: Bool) -> String {
            diff.segments.compactMap { segment in
                switch segment.kind {
                case .same: return escape(segment.text)
                case .removed: return old ? "<del>\(escape(segment.text))</del>" : nil
                case .added: return old ? nil : "<ins>\(escape(segment.text))</ins>"
                }
            }.joined()
        }
        var body = "<h1>\(escape(title))</h1>\n<p class=\"range\">\(escape(from)) → \(escape(to)) · \(change.documents.count) document(s)</p>\n"
        if change.documents.isEmpty { body += "<p>No semantic changes.</p>\n" }
        for document in change.documents {
            body += "<section class=\"document \(document.status.rawValue)\">\n"
            body += "<h2><code>\(escape(document.id))</code> \(escape(document.title)) <span class=\"status\">\(document.status.rawValue)</span></h2>\n"
            body += "<p class=\"path\">\(escape(document.oldPath ?? "—")) → \(escape(document.newPath ?? "—"))"
            if let versions = Self.versions(document) { body += " · \(escape(versions))" }
            body += "</p>\n"
            if document.status != .added {
                body += "<p class=\"bump bump-\(document.requiredBump.name)\">requires <strong>\(document.requiredBump.name)</strong>"
                if !document.reasons.isEmpty { body += ": " + escape(document.englishReasons.joined(separator: "; ")) }
                body += "</p>\n"
            }
            if !document.fields.isEmpty {
                body += "<table><caption>Fields</caption><tr><th>field</th><th>before</th><th>after</th></tr>\n"
                for field in document.fields {
                    body += "<tr><td><code>\(escape(field.path))</code></td><td><del>\(escape(field.old ?? ""))</del></td><td><ins>\(escape(field.new ?? ""))</ins></td></tr>\n"
                }
                body += "</table>\n"
            }
            if !document.items.isEmpty || !document.sections.isEmpty {
                body += "<table class=\"side\"><caption>Items and sections</caption><tr><th></th><th>before</th><th>after</th></tr>\n"
                for section in document.sections {
                    let name = section.title.isEmpty ? "(introduction)" : section.title
                    switch section.kind {
                    case .edited:
                        if let text = section.text {
                            body += "<tr><th>§ \(escape(name))</th><td>\(side(text, old: true))</td><td>\(side(text, old: false))</td></tr>\n"
                        }
                        for row in section.rows ?? [] {
                            body += "<tr><th>§ \(escape(name)) · \(escape(row.path))</th><td><del>\(escape(row.old ?? ""))</del></td><td><ins>\(escape(row.new ?? ""))</ins></td></tr>\n"
                        }
                    case .renamed:
                        body += "<tr><th>§</th><td><del>\(escape(section.oldTitle ?? ""))</del></td><td><ins>\(escape(section.title))</ins></td></tr>\n"
                    case .added:
                        body += "<tr><th>§</th><td></td><td><ins>\(escape(name))</ins></td></tr>\n"
                    case .removed:
                        body += "<tr><th>§</th><td><del>\(escape(name))</del></td><td></td></tr>\n"
                    case .moved:
                        body += "<tr><th>§</th><td colspan=\"2\">\(escape(name)) moved</td></tr>\n"
                    }
                }
                for item in document.items {
                    switch item.kind {
                    case .reworded:
                        body += "<tr id=\"\(escape(document.id))-\(escape(item.id))\"><th>\(escape(item.id))</th><td>\(item.wording.map { side($0, old: true) } ?? "")</td><td>\(item.wording.map { side($0, old: false) } ?? "")</td></tr>\n"
                    case .added:
                        body += "<tr><th>\(escape(item.id))</th><td></td><td><ins>\(escape(item.newText ?? ""))</ins></td></tr>\n"
                    case .removed:
                        body += "<tr><th>\(escape(item.id))</th><td><del>\(escape(item.oldText ?? ""))</del></td><td></td></tr>\n"
                    case .renumbered:
                        body += "<tr><th>\(escape(item.oldID ?? "")) → \(escape(item.id))</th><td colspan=\"2\">\(escape(item.newText ?? ""))</td></tr>\n"
                    case .moved:
                        body += "<tr><th>\(escape(item.id))</th><td colspan=\"2\">moved\(item.section.map { " to " + escape($0) } ?? "")</td></tr>\n"
                    case .attributes:
                        let text = (item.attributes ?? []).map { "\($0.path): \($0.old ?? "—") → \($0.new ?? "—")" }.joined(separator: ", ")
                        body += "<tr><th>\(escape(item.id))</th><td colspan=\"2\">\(escape(text))</td></tr>\n"
                    }
                }
                body += "</table>\n"
            }
            if !document.references.isEmpty {
                body += "<ul class=\"references\">\n"
                for reference in document.references {
                    let sign = reference.kind == .gained ? "<ins>+</ins>" : "<del>−</del>"
                    body += "<li>\(sign) \(reference.coverage ? "coverage" : "reference") \(escape(reference.source)) → <code>\(escape(reference.target))</code></li>\n"
                }
                body += "</ul>\n"
            }
            if !document.impact.isEmpty {
                body += "<p class=\"impact\"><strong>Impact:</strong> " + document.impact.map { "<code>\(escape($0))</code>" }.joined(separator: ", ") + "</p>\n"
            }
            body += "</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "PingFang SC", system-ui, sans-serif; max-width: 70rem; margin: 1rem auto; padding: 0 1rem; color: #1f2328; line-height: 1.6; }
            section.document { border: 1px solid #d1d9e0; border-radius: 6px; padding: 0 1rem 1rem; margin: 1rem 0; }
            .status { font-size: .8rem; border: 1px solid #d1d9e0; border-radius: 999px; padding: 0 .5rem; }
            .path, .range { color: #59636e; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0; } caption { text-align: left; font-weight: 600; }
            th, td { border: 1px solid #d1d9e0; padding: .3rem .5rem; vertical-align: top; text-align: left; }
            table.side td { width: 45%; }
            del { background: #ffebe9; color: #82071e; } ins { background: #dafbe1; color: #116329; text-decoration: none; }
            .bump-major strong { color: #82071e; } .bump-minor strong { color: #9a6700; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}
