import Foundation
import StdKitInterop
import StdKitModel
import StdKitSyntax

/// A Word standard stdkit did not make, as a stdkit document (DESIGN §15, `stdkit import docx`):
/// sections from heading styles, or from the numbers typed at the start of paragraphs when
/// everything is 正文; numbered lines as items inside the sections that hold requirements,
/// specifications, outcomes or units, as list items elsewhere; tables as GFM tables; front
/// matter from what the text states. Every guess and everything not carried over is a line of
/// the report.
public struct WordImport: Sendable {
    /// The kind's template: its schema (sections, item prefixes), the project's parties, the
    /// owner.
    public let template: DocumentTemplate

    public init(template: DocumentTemplate) {
        self.template = template
    }

    /// The imported document and what the import guessed and dropped.
    public struct Result: Sendable {
        /// Id, kind, text and the items the text must read back as.
        public var document: NewDocument
        public var title: String
        /// Images to write beside the document: the package part and the path relative to the
        /// document (`<name>-images/image1.png`).
        public var images: [(part: String, path: String)]
        /// One line per guess and per thing dropped, in the order they concern the document.
        public var report: [Message]
    }

    // MARK: - Title and kind

    /// The title: the first paragraph before the first heading that names a standard
    /// (人才培养方案, 课程标准, …), else the first such paragraph, else the file's title
    /// property, else `fileName`; with the report line saying where it came from, and the index
    /// of the paragraph in `source.blocks` when it came from one.
    public static func title(of source: WordImportSource, fileName: String) -> (title: String, block: Int?, report: Message) {
        var candidates: [(Int, String)] = []
        for (index, block) in source.blocks.enumerated() {
            guard case .paragraph(let paragraph) = block else { break }
            let text = NumberedLine.trimmed(paragraph.text)
            if text.isEmpty { continue }
            if paragraph.autoNumber != nil || NumberedLine.parse(text) != nil { break }
            if paragraph.headingLevel != nil && guessKind(fromTitle: text) == nil { break }
            candidates.append((index, text))
            if candidates.count == 5 { break }
        }
        if let (index, text) = candidates.first(where: { guessKind(fromTitle: $0.1) != nil }) ?? candidates.first {
            return (text, index, .docxImportTitle(title: text, paragraph: paragraphNumber(of: index, in: source)))
        }
        if let title = source.propertiesTitle.map(NumberedLine.trimmed), !title.isEmpty {
            return (title, nil, .docxImportTitleFromProperties(title: title))
        }
        return (fileName, nil, .docxImportTitleFromFile(title: fileName))
    }

    /// The kind a title names: 课程标准 a course; 人才培养方案 or 专业教学标准 a programme;
    /// 岗位 or 职业能力 a job profile; nil when it names none.
    public static func guessKind(fromTitle title: String) -> String? {
        let lower = title.lowercased()
        if title.contains("课程标准") || lower.contains("course standard") || lower.contains("syllabus") { return "course" }
        if title.contains("人才培养方案") || title.contains("专业教学标准") || title.contains("教学标准") && title.contains("专业")
            || lower.contains("programme") || lower.contains("program standard") || lower.contains("curriculum") {
            return "programme"
        }
        if title.contains("岗位") || title.contains("职业能力") || lower.contains("job profile") || lower.contains("occupational") {
            return "job-profile"
        }
        return nil
    }

    /// The 1-based number of the paragraph at `index` among the body's paragraphs (tables not
    /// counted), as the report names places.
    static func paragraphNumber(of index: Int, in source: WordImportSource) -> Int {
        if case .paragraph(let paragraph) = source.blocks[index], let number = paragraph.number { return number }
        return source.blocks[...index].filter { if case .paragraph = $0 { true } else { false } }.count
    }

    // MARK: - The document

    /// A classified block of the body.
    private enum Element {
        case heading(level: Int, text: String, label: String?, auto: Bool, paragraph: Int)
        case numbered(NumberedLine, paragraph: Int)
        case text(String, images: [WordImportSource.Image], paragraph: Int)
        case table(WordImportSource.Table, number: Int)
    }

    /// The document made from `source`. `fileName` titles a document whose text names no
    /// title; `fileStem` names the images' folder (`<stem>-images`), the id in lower case when
    /// nil.
    public func document(from source: WordImportSource, fileName: String, fileStem: String? = nil, kindReport: Message? = nil) -> Result {
        var report: [Message] = kindReport.map { [$0] } ?? []
        let (title, titleBlock, titleReport) = Self.title(of: source, fileName: fileName)
        report.append(titleReport)
        let byStyle = source.blocks.enumerated().contains { index, block in
            if case .paragraph(let paragraph) = block, index != titleBlock, paragraph.headingLevel != nil { return true }
            return false
        }
        report.append(byStyle ? .docxImportSectionsByStyle() : .docxImportSectionsByNumbering())
        let elements = classify(source, skipping: titleBlock, byStyle: byStyle, report: &report)

        // Front matter from the text, then the id.
        var lines: [WordImportFields.Line] = []
        var section: String?
        for element in elements {
            switch element {
            case .heading(_, let text, _, _, _): section = text
            case .numbered(let line, let paragraph):
                lines.append(.init(text: line.label + line.rest, location: .docxImportParagraph(paragraph), section: section))
            case .text(let text, _, let paragraph): lines.append(.init(text: text, location: .docxImportParagraph(paragraph), section: section))
            case .table(let table, let number):
                for row in table.rows {
                    let cells = row.map { GFMTable.joined($0.paragraphs) }
                    for (label, value) in zip(cells, cells.dropFirst()) where !label.isEmpty {
                        lines.append(.init(text: label + "：" + value, location: .docxImportTableLocation(number), section: section))
                    }
                }
            }
        }
        if let titleBlock, case .paragraph(let paragraph) = source.blocks[titleBlock] {
            lines.insert(.init(text: paragraph.text, location: .docxImportParagraph(Self.paragraphNumber(of: titleBlock, in: source)), section: nil), at: 0)
        }
        let fields = WordImportFields(kind: template.schema.kind, lines: lines)
        let id: String
        if let code = fields.code, let prefix = ["programme": "PROG-", "course": "COURSE-"][template.schema.kind] {
            id = prefix + code.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
            report.append(.docxImportIDFromCode(id: id, code: code))
        } else {
            id = template.makeID(from: title)
            report.append(.docxImportIDFromTitle(id: id))
        }
        report += fields.report

        // The body.
        let stem = fileStem ?? id.lowercased()
        var body = WordImportBody(prefixes: Set(template.schema.items.map(\.prefix)))
        var images: [(part: String, path: String)] = []
        for element in elements {
            switch element {
            case .heading(let level, let text, _, _, _):
                body.heading(level: level, text: text)
            case .numbered(let line, _):
                body.numbered(line)
            case .text(let text, let pictures, let paragraph):
                body.text(text)
                for picture in pictures {
                    guard let part = picture.part else {
                        report.append(.docxImportImageMissing(paragraph: paragraph))
                        continue
                    }
                    let path: String
                    if let known = images.first(where: { $0.part == part }) {
                        path = known.path
                    } else {
                        path = stem + "-images/" + Self.imageName(part, taken: images.map { String($0.path.dropFirst(stem.count + "-images/".count)) })
                        images.append((part, path))
                        report.append(.docxImportImage(part: part, path: path))
                    }
                    body.image(path: path, description: picture.description ?? "")
                }
            case .table(let table, let number):
                let gfm = GFMTable(table, number: number)
                body.table(gfm.lines)
                report += gfm.report
            }
        }
        if !source.notes.isEmpty {
            body.notes(source.notes)
            report.append(.docxImportNotes(count: source.notes.count))
        }
        let markdown = body.markdown()
        report += body.report
        report += source.notices

        let frontMatter = Self.frontMatter(of: template.text(id: id, title: title, owner: nil, fields: fields.fields.map { ($0.name, $0.value) }))
        let text = frontMatter + "\n# " + ItemNode.escaped(title) + "\n" + markdown
        let document = NewDocument(id: id, kind: template.schema.kind, text: text, items: body.items)
        return Result(document: document, title: title, images: images, report: report)
    }

    /// The file name an image part is written under: its own (`image1.png`) unless that is not a
    /// plain name or is taken by another part's image, then `image<n>` with its extension.
    static func imageName(_ part: String, taken: [String]) -> String {
        let name = String(part.split(separator: "/").last ?? "")
        let plain = !name.isEmpty && !name.hasPrefix(".") && !name.contains("\\") && name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != ":" }
        if plain && !taken.contains(name) { return name }
        let suffix = plain ? (name as NSString).pathExtension : ""
        var number = taken.count + 1
        while taken.contains("image\(number)" + (suffix.isEmpty ? "" : "." + suffix)) { number += 1 }
        return "image\(number)" + (suffix.isEmpty ? "" : "." + suffix)
    }

    /// The front matter of `text` (up to and including its closing `---` line).
    static func frontMatter(of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let close = lines.dropFirst().firstIndex(of: "---") else { return text }
        return lines[...close].joined(separator: "\n") + "\n"
    }

    /// Each non-empty block as a heading, a numbered line, text or a table, by style or by the
    /// number it starts with; a guess that a numbered paragraph is a sentence, not a heading,
    /// is reported.
    private func classify(_ source: WordImportSource, skipping titleBlock: Int?, byStyle: Bool, report: inout [Message]) -> [Element] {
        struct Entry { var index: Int; var paragraph: WordImportSource.Paragraph; var number: NumberedLine?; var text: String }
        var elements: [Element] = []
        var tables = 0
        var paragraphs = 0
        // The body's paragraphs and tables, with the number each paragraph starts with.
        var entries: [(Int, Entry?)] = []
        for (index, block) in source.blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                paragraphs += 1
                guard index != titleBlock else { continue }
                let number = paragraph.number ?? paragraphs
                let text = NumberedLine.trimmed((paragraph.autoNumber ?? "") + paragraph.text)
                if text.isEmpty && paragraph.images.isEmpty { continue }
                entries.append((number, Entry(index: index, paragraph: paragraph, number: NumberedLine.parse(text), text: text)))
            case .table:
                entries.append((index, nil))
            }
        }
        let minimumStyleLevel = entries.compactMap { $0.1?.paragraph.headingLevel }.min() ?? 1
        for (position, (number, entry)) in entries.enumerated() {
            guard let entry else {
                tables += 1
                if case .table(let table) = source.blocks[number] { elements.append(.table(table, number: tables)) }
                continue
            }
            let auto = entry.paragraph.autoNumber != nil
            if byStyle, let level = entry.paragraph.headingLevel {
                let text = Self.headingText(entry.number?.rest ?? entry.text)
                elements.append(.heading(level: level - minimumStyleLevel + 1, text: text, label: entry.number?.label, auto: auto, paragraph: number))
                if let label = entry.number?.label { report.append(.docxImportHeading(paragraph: number, label: label, title: text, level: level - minimumStyleLevel + 1, auto: auto)) }
                continue
            }
            guard let line = entry.number else {
                elements.append(.text(entry.text, images: entry.paragraph.images, paragraph: number))
                continue
            }
            if !byStyle && line.level <= 4 {
                let headingLike = Self.isHeadingLike(line.rest, bold: entry.paragraph.bold)
                // A `1.` or `（1）` line is a heading only when something deeper follows it: text,
                // a table or a deeper number; in a run of equal numbers it is a list.
                let next = entries[(position + 1)...].first.map { $0.1 }
                let contentUnder: Bool = switch next {
                case .none: false
                case .some(.none): true
                case .some(.some(let following)): following.paragraph.headingLevel == nil && (following.number.map { $0.level > line.level } ?? true)
                }
                if headingLike && (line.level <= 2 || contentUnder) {
                    let text = Self.headingText(line.rest)
                    elements.append(.heading(level: line.level, text: text, label: line.label, auto: auto, paragraph: number))
                    report.append(.docxImportHeading(paragraph: number, label: line.label, title: text, level: line.level, auto: auto))
                    continue
                }
                if line.level <= 2 {
                    report.append(.docxImportNumberedSentence(paragraph: number, label: line.label, start: GFMTable.shortened(line.rest)))
                }
            }
            elements.append(.numbered(line, paragraph: number))
        }
        return elements
    }

    /// A heading's text: no trailing colon.
    static func headingText(_ text: String) -> String {
        var result = NumberedLine.trimmed(text)
        while let last = result.last, last == "：" || last == ":" { result.removeLast() }
        return NumberedLine.trimmed(result)
    }

    /// Whether the text after a number reads as a heading: short (25 characters, 40 when bold)
    /// and not a sentence (no 。 in it, no closing punctuation).
    static func isHeadingLike(_ text: String, bold: Bool) -> Bool {
        guard let last = text.last, text.count <= (bold ? 40 : 25) else { return false }
        return !text.contains("。") && !"；;，,！!？?".contains(last)
    }
}
