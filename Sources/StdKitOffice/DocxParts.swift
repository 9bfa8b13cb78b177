import Foundation

/// The package's small parts: content types, relationships, settings, the footer and the
/// document properties (ECMA-376 Part 1 and Part 2), each written by us.
enum DocxParts {
    static let contentTypes = WordXML.declaration
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
        + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        + "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>"
        + "</Types>"

    static let packageRelationships = WordXML.declaration
        + "<Relationships xmlns=\"\(WordXML.packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>"
        + "</Relationships>"

    /// `rId5` is the footer `DocxStyles.sectionProperties` names.
    static let documentRelationships = WordXML.declaration
        + "<Relationships xmlns=\"\(WordXML.packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(WordXML.relationships)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(WordXML.relationships)/numbering\" Target=\"numbering.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(WordXML.relationships)/settings\" Target=\"settings.xml\"/>"
        + "<Relationship Id=\"rId4\" Type=\"\(WordXML.relationships)/fontTable\" Target=\"fontTable.xml\"/>"
        + "<Relationship Id=\"rId5\" Type=\"\(WordXML.relationships)/footer\" Target=\"footer1.xml\"/>"
        + "</Relationships>"

    /// `w:updateFields` makes Word (and WPS) fill the table of contents and the page numbers
    /// when the file is opened: we cannot lay out pages, so the field results are theirs to make.
    static func settings(lang: String) -> String {
        WordXML.declaration + "<w:settings xmlns:w=\"\(WordXML.main)\">"
            + "<w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"420\"/>"
            + "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
            + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
            + "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"\(WordXML.escape(lang))\"/>"
            + "</w:settings>"
    }

    /// The page number, centred, in the official form — 1 —.
    static let footer = WordXML.declaration
        + "<w:ftr xmlns:w=\"\(WordXML.main)\" xmlns:r=\"\(WordXML.relationships)\">"
        + "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>" + WordXML.run("— ") + WordXML.field("PAGE", placeholder: "1") + WordXML.run(" —") + "</w:p>"
        + "</w:ftr>"

    /// The core properties: the title, and the commit's date when there is one (never the clock).
    static func core(title: String, date: Date?) -> String {
        var xml = WordXML.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(WordXML.escape(title))</dc:title><dc:creator>stdkit</dc:creator>"
        if let date {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            let stamp = formatter.string(from: date)
            xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:modified>"
        }
        return xml + "</cp:coreProperties>"
    }

    static let app = WordXML.declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        + "<Application>stdkit</Application><DocSecurity>0</DocSecurity></Properties>"

    /// Custom properties, each a string (`vt:lpwstr`); property ids start at 2 (ECMA-376 Part 1 §22.3).
    static func custom(_ properties: [(name: String, value: String)]) -> String {
        var xml = WordXML.declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        for (offset, property) in properties.enumerated() {
            xml += "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"\(offset + 2)\" name=\"\(WordXML.escape(property.name))\"><vt:lpwstr>\(WordXML.escape(property.value))</vt:lpwstr></property>"
        }
        return xml + "</Properties>"
    }
}
