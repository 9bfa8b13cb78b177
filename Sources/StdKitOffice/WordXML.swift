/// The small pieces of WordprocessingML the exporter writes by hand: escaping, runs and the
/// namespaces. Every part is our own text; nothing is copied from a template.
enum WordXML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// `text` safe in an element or an attribute value. Characters XML 1.0 forbids (control
    /// characters a Markdown file may hold) are dropped: Word refuses a file with one.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// How a run looks.
    struct RunFormat: Sendable, Hashable {
        var bold = false
        var italic = false
        var strike = false
        var code = false
        var hyperlink = false
    }

    /// One run of text. Spaces are kept (`xml:space`), tabs become `w:tab` and line breaks
    /// `w:br`, as Word writes them.
    static func run(_ text: String, _ format: RunFormat = RunFormat()) -> String {
        guard !text.isEmpty else { return "" }
        var properties = ""
        if format.code { properties += "<w:rStyle w:val=\"CodeChar\"/>" }
        if format.hyperlink { properties += "<w:rStyle w:val=\"Hyperlink\"/>" }
        if format.bold { properties += "<w:b/><w:bCs/>" }
        if format.italic { properties += "<w:i/><w:iCs/>" }
        if format.strike { properties += "<w:strike/>" }
        var body = ""
        var pending = ""
        func flush() {
            guard !pending.isEmpty else { return }
            body += "<w:t xml:space=\"preserve\">\(escape(pending))</w:t>"
            pending = ""
        }
        for character in text {
            switch character {
            case "\t": flush(); body += "<w:tab/>"
            case "\n", "\r\n", "\r": flush(); body += "<w:br/>"
            default: pending.append(character)
            }
        }
        flush()
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + body + "</w:r>"
    }

    /// A complex field (`TOC …`, `PAGE`): Word, WPS and LibreOffice compute its result; `placeholder`
    /// shows until they do.
    static func field(_ instruction: String, placeholder: String) -> String {
        "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> \(escape(instruction)) </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + run(placeholder)
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }

    static func bookmarkStart(id: Int, name: String) -> String {
        "<w:bookmarkStart w:id=\"\(id)\" w:name=\"\(escape(name))\"/>"
    }

    static func bookmarkEnd(id: Int) -> String {
        "<w:bookmarkEnd w:id=\"\(id)\"/>"
    }

    /// The font settings of a run: Chinese characters in `eastAsia`, Latin ones in `latin`.
    static func fonts(eastAsia: String, latin: String) -> String {
        let east = escape(eastAsia)
        let west = escape(latin)
        return "<w:rFonts w:ascii=\"\(west)\" w:hAnsi=\"\(west)\" w:eastAsia=\"\(east)\" w:cs=\"\(west)\"/>"
    }
}
