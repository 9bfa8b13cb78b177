import Foundation
import StdKitModel
import StdKitSyntax

/// `stdkit export --format docx` (DESIGN §15): documents of a project as one Word file of our
/// own WordprocessingML — A4, the official heading numbers, the project's fonts, a table of
/// contents, page numbers, items with their bookmarks and references as links, each review unit
/// between hidden bookmarks, the programme's tables with merged cells, approvals as a sign-off
/// table, and custom properties recording where each document came from.
///
/// The same input gives the same bytes: no clock (the core properties' date is the commit's),
/// ids counted in order, `DocxPackage.zip`'s fixed entry dates.
public struct DocxExport: Sendable {
    public var project: Project
    /// The documents in the file, in order (`stdkit.documents`).
    public var documents: [Document]
    public var source: DocxSource

    public init(project: Project, documents: [Document], source: DocxSource) {
        self.project = project
        self.documents = documents
        self.source = source
    }

    /// What `stdkit export --format docx` exports without `--document`: the programme and its
    /// courses (`ExportSelection.programmeAndCourses`, as the PDF export).
    public static func defaultDocuments(of project: Project) -> [Document] {
        ExportSelection.programmeAndCourses(of: project)
    }

    /// The items of the exported documents.
    public var itemCount: Int { documents.reduce(0) { $0 + $1.items.count } }

    /// The file's bytes.
    public func data() throws -> Data {
        try DocxPackage.zip(parts())
    }

    /// Every part of the package, in the order written.
    func parts() -> [(name: String, data: Data)] {
        let strings = DocxStrings(lang: project.config.lang)
        var context = DocxContext(documents: documents, strings: strings)
        let partyNames = Dictionary(project.config.parties.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var body: [DocxBlock] = cover(strings: strings)
        for (index, document) in documents.enumerated() {
            var renderer = DocxDocumentRenderer(document: document, index: index, contextStrings: strings)
            renderer.partyNames = partyNames
            body += renderer.blocks(context: &context)
            if document.kind == "programme", let table = CourseTable(document) {
                body += DocxProgrammeTables(table: table, project: project, strings: strings).blocks()
            }
        }
        var document = WordXML.declaration
        document += "<w:document xmlns:w=\"\(WordXML.main)\" xmlns:r=\"\(WordXML.relationships)\"><w:body>"
        for block in body { document += block.xml }
        document += DocxStyles.sectionProperties(footer: "rId5") + "</w:body></w:document>"
        let fonts = project.config.wordFonts
        let parts: [(String, String)] = [
            ("[Content_Types].xml", DocxParts.contentTypes),
            ("_rels/.rels", DocxParts.packageRelationships),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships),
            ("word/styles.xml", DocxStyles.styles(fonts: fonts)),
            ("word/numbering.xml", DocxStyles.numbering(instances: context.numbering)),
            ("word/settings.xml", DocxParts.settings(lang: project.config.lang)),
            ("word/fontTable.xml", DocxStyles.fontTable(fonts: fonts)),
            ("word/footer1.xml", DocxParts.footer),
            ("docProps/core.xml", DocxParts.core(title: title, date: source.date)),
            ("docProps/app.xml", DocxParts.app),
            ("docProps/custom.xml", DocxParts.custom(customProperties)),
        ]
        return parts.map { ($0.0, Data($0.1.utf8)) }
    }

    /// The file's title: the first document's.
    var title: String {
        documents.first?.title ?? project.config.publish.title ?? project.config.name
    }

    /// The custom properties of the review contract, in a fixed order.
    public var customProperties: [(name: String, value: String)] {
        let ids = documents.compactMap(\.id)
        var properties: [(String, String)] = [("stdkit.project", source.project), ("stdkit.documents", ids.joined(separator: " ")),
                                              ("stdkit.commit", source.commit)]
        for id in ids {
            properties.append(("stdkit.path.\(id)", source.paths[id] ?? ""))
            properties.append(("stdkit.blob.\(id)", source.blobs[id] ?? ""))
        }
        return properties
    }

    /// The cover: the title, the parties, and the table of contents.
    func cover(strings: DocxStrings) -> [DocxBlock] {
        var blocks: [DocxBlock] = [.paragraph(DocxBlock.Paragraph(style: "Title", content: WordXML.run(title)))]
        let parties = (documents.first?.parties ?? []).map { id in project.party(id)?.name ?? id }
        if !parties.isEmpty {
            blocks.append(.paragraph(DocxBlock.Paragraph(style: "Subtitle", content: WordXML.run(parties.joined(separator: "　")))))
        }
        if let version = documents.first?.version {
            blocks.append(.paragraph(DocxBlock.Paragraph(style: "Subtitle", content: WordXML.run("\(strings.version) \(version)"))))
        }
        blocks.append(.paragraph(DocxBlock.Paragraph(style: "TOCHeading", properties: "<w:pageBreakBefore/>", content: WordXML.run(strings.contents))))
        blocks.append(.paragraph(DocxBlock.Paragraph(style: "BodyText", content: WordXML.field("TOC \\o \"1-3\" \\h \\z \\u", placeholder: strings.tocPlaceholder))))
        return blocks
    }
}
