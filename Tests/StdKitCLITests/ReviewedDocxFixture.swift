import Foundation
import StdKitModel
import StdKitOffice

/// A reviewed export built in the test, shaped as the export ⇄ review contract says: one
/// paragraph per unit of the exported revision between its `_sk<n>_<i>` bookmarks, the custom
/// properties in `docProps/custom.xml`, and the reviewer's 修订 and 批注 written as Word writes
/// them (`w:ins`/`w:del` with author and date, `comments.xml` with its ranges and references).
struct ReviewedDocxFixture {
    /// A piece of a unit's paragraph.
    enum Run {
        case text(String)
        case bold(String)
        case inserted(String, author: String, date: String, bold: Bool = false)
        case deleted(String, author: String, date: String)
        case comment(id: Int, [Run])
    }

    struct Comment {
        var id: Int
        var author: String
        var date: String
        var text: String
    }

    /// The documents exported: id, project-relative path, the exported text and its blob.
    var documents: [(id: String, path: String, text: String, blob: String)]
    var commit: String
    /// The runs of a unit that the reviewer changed, by document position and unit index;
    /// every other unit holds its plain text unchanged.
    var edits: [ReviewedFile.UnitKey: [Run]] = [:]
    /// Paragraphs the reviewer added after a unit's end bookmark.
    var added: [ReviewedFile.UnitKey: [Run]] = [:]
    var comments: [Comment] = []
    /// A title paragraph before the units (as the exporter writes the document's title), and a
    /// reviewer's change to it.
    var titleRuns: [Run]? = nil

    /// The plain text Word shows for a unit's source lines: no heading marks, list markers,
    /// emphasis or attributes.
    static func plain(_ lines: [String]) -> String {
        lines.map { line -> String in
            var text = line.trimmingCharacters(in: .whitespaces)
            if let match = text.firstMatch(of: /^(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)/) { text = String(text.dropFirst(match.output.0.count)) }
            text = text.replacingOccurrences(of: "**", with: "")
            text = text.replacing(/\s*\{[^{}]*\}\s*$/, with: "")
            return text
        }.joined()
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func xml(_ runs: [Run], revision: inout Int) -> String {
        var xml = ""
        for run in runs {
            switch run {
            case .text(let text):
                xml += #"<w:r><w:t xml:space="preserve">\#(escape(text))</w:t></w:r>"#
            case .bold(let text):
                xml += #"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">\#(escape(text))</w:t></w:r>"#
            case .inserted(let text, let author, let date, let bold):
                revision += 1
                xml += #"<w:ins w:id="\#(revision)" w:author="\#(author)" w:date="\#(date)"><w:r>\#(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space="preserve">\#(escape(text))</w:t></w:r></w:ins>"#
            case .deleted(let text, let author, let date):
                revision += 1
                xml += #"<w:del w:id="\#(revision)" w:author="\#(author)" w:date="\#(date)"><w:r><w:delText xml:space="preserve">\#(escape(text))</w:delText></w:r></w:del>"#
            case .comment(let id, let inner):
                xml += #"<w:commentRangeStart w:id="\#(id)"/>"# + Self.xml(inner, revision: &revision)
                    + #"<w:commentRangeEnd w:id="\#(id)"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="\#(id)"/></w:r>"#
            }
        }
        return xml
    }

    func data() async throws -> Data {
        var body = ""
        var revision = 100
        var bookmark = 0
        if let titleRuns { body += "<w:p>" + Self.xml(titleRuns, revision: &revision) + "</w:p>" }
        for (position, document) in documents.enumerated() {
            let project = try await ProjectLoader.load(files: [document.path: Array(document.text.utf8)])
            let lines = document.text.components(separatedBy: "\n")
            for unit in ReviewUnits.units(of: project.documents[0]) {
                let key = ReviewedFile.UnitKey(document: position, unit: unit.index)
                let runs = edits[key] ?? [.text(Self.plain(Array(lines[(unit.lines.lowerBound - 1)...(unit.lines.upperBound - 1)])))]
                bookmark += 1
                let name = ReviewUnits.bookmarkName(document: position, unit: unit.index)
                body += #"<w:p><w:bookmarkStart w:id="\#(bookmark)" w:name="\#(name)"/>"# + Self.xml(runs, revision: &revision)
                    + #"<w:bookmarkEnd w:id="\#(bookmark)"/></w:p>"#
                if let added = added[key] {
                    body += #"<w:p><w:pPr><w:rPr><w:ins w:id="\#(revision + 1)" w:author="李工" w:date="2026-11-20T10:00:00Z"/></w:rPr></w:pPr>"#
                        + Self.xml(added, revision: &revision) + "</w:p>"
                    revision += 1
                }
            }
        }
        let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
        let documentXML = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(w)><w:body>\#(body)<w:sectPr/></w:body></w:document>"#
        var properties: [(String, String)] = [("stdkit.project", "project"), ("stdkit.documents", documents.map(\.id).joined(separator: " ")),
                                              ("stdkit.commit", commit)]
        for document in documents {
            properties += [("stdkit.path.\(document.id)", document.path), ("stdkit.blob.\(document.id)", document.blob)]
        }
        let custom = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
            + properties.enumerated().map { index, property in
                #"<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="\#(index + 2)" name="\#(property.0)"><vt:lpwstr>\#(Self.escape(property.1))</vt:lpwstr></property>"#
            }.joined() + "</Properties>"
        let commentsXML = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments \#(w)>"#
            + comments.map { comment in
                #"<w:comment w:id="\#(comment.id)" w:author="\#(comment.author)" w:date="\#(comment.date)" w:initials="\#(comment.author.prefix(1))"><w:p><w:r><w:t>\#(Self.escape(comment.text))</w:t></w:r></w:p></w:comment>"#
            }.joined() + "</w:comments>"
        let types = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>"#
        let rels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>"#
        let documentRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#
        return try DocxPackage.zip([
            ("[Content_Types].xml", Data(types.utf8)), ("_rels/.rels", Data(rels.utf8)),
            ("word/document.xml", Data(documentXML.utf8)), ("word/_rels/document.xml.rels", Data(documentRels.utf8)),
            ("word/comments.xml", Data(commentsXML.utf8)), ("docProps/custom.xml", Data(custom.utf8)),
        ])
    }
}
