import Foundation

/// A Word document as WordprocessingML writes it: the body's blocks, the styles and numbering
/// that say what a paragraph is, the comments, and the properties stdkit records on export.
///
/// It reads what a person's file holds, including what Word does not show: tracked insertions
/// and deletions (each run knows its revision, so the text can be read accepted or original),
/// bookmarks and comment ranges where they stand. It interprets nothing — which paragraph is a
/// heading, which line an item — beyond `headingLevel(of:)`; the importers decide.
public struct WordDocument: Sendable {
    public var blocks: [WordBlock]
    public var styles: [String: WordStyle]
    public var numbering: WordNumbering
    public var comments: [WordComment]
    /// The main document's relationships by id.
    public var relationships: [String: WordRelationship]
    public var customProperties: [String: String]
    public var coreProperties: [String: String]

    public init(blocks: [WordBlock], styles: [String: WordStyle] = [:], numbering: WordNumbering = WordNumbering(),
                comments: [WordComment] = [], relationships: [String: WordRelationship] = [:],
                customProperties: [String: String] = [:], coreProperties: [String: String] = [:]) {
        self.blocks = blocks
        self.styles = styles
        self.numbering = numbering
        self.comments = comments
        self.relationships = relationships
        self.customProperties = customProperties
        self.coreProperties = coreProperties
    }

    /// Reads the parts of `archive`. The styles, numbering, comments and properties parts are
    /// optional (a minimal package has only the document); any part present must be well formed.
    public init(archive: DocxArchive) throws(DocxError) {
        let file = archive.file
        let documentPart = DocxArchive.documentPart
        let relationships = try archive.part("word/_rels/document.xml.rels").map { data throws(DocxError) in
            try WordParts.relationships(data, part: "word/_rels/document.xml.rels", source: documentPart, file: file)
        } ?? [:]
        self.relationships = relationships
        /// A part named by a relationship of the main document, else at its usual name.
        func related(_ typeSuffix: String, default name: String) -> Data? {
            let target = relationships.values.filter { $0.type.hasSuffix("/" + typeSuffix) && !$0.isExternal }.map(\.target).sorted().first
            return archive.part(target ?? name)
        }
        let body = WordBodyReader()
        try OfficeXML.read(archive.part(documentPart) ?? Data(), part: documentPart, file: file, body.handle)
        blocks = body.blocks
        styles = try related("styles", default: "word/styles.xml").map { data throws(DocxError) in try WordParts.styles(data, file: file) } ?? [:]
        numbering = try related("numbering", default: "word/numbering.xml").map { data throws(DocxError) in try WordParts.numbering(data, file: file) } ?? WordNumbering()
        if let data = related("comments", default: "word/comments.xml") {
            let reader = WordBodyReader()
            try OfficeXML.read(data, part: "word/comments.xml", file: file, reader.handle)
            comments = reader.comments
        } else {
            comments = []
        }
        customProperties = try archive.part("docProps/custom.xml").map { data throws(DocxError) in try WordParts.customProperties(data, file: file) } ?? [:]
        coreProperties = try archive.part("docProps/core.xml").map { data throws(DocxError) in try WordParts.coreProperties(data, file: file) } ?? [:]
    }

    /// The heading level of `paragraph`, 1-based, nil for body text: its own outline level,
    /// else its style's (following `basedOn`), else the level its style's name says.
    public func headingLevel(of paragraph: WordParagraph) -> Int? {
        if let level = paragraph.outlineLevel { return level < 9 ? level + 1 : nil }
        var styleID = paragraph.styleID
        var seen: Set<String> = []
        while let id = styleID, !seen.contains(id), let style = styles[id] {
            seen.insert(id)
            if let level = style.outlineLevel { return level < 9 ? level + 1 : nil }
            if let level = style.levelFromName { return level }
            styleID = style.basedOn
        }
        return nil
    }
}
