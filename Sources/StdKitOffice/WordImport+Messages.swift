import StdKitSyntax

/// The lines of `stdkit import docx`'s report: one per guess and per thing not carried over,
/// in the project's language (`docx.import.*`).
extension Message {
    // Kind, title, id.
    public static func docxImportKindGuessed(kind: String, title: String) -> Message {
        Message("docx.import.kind-guessed", ["kind": .verbatim(kind), "title": .verbatim(title)])
    }
    public static func docxImportKindUnknown(title: String) -> Message {
        Message("docx.import.kind-unknown", ["title": .verbatim(title)])
    }
    static func docxImportTitle(title: String, paragraph: Int) -> Message {
        Message("docx.import.title", ["title": .verbatim(title), "paragraph": .number(paragraph)])
    }
    static func docxImportTitleFromProperties(title: String) -> Message {
        Message("docx.import.title-properties", ["title": .verbatim(title)])
    }
    static func docxImportTitleFromFile(title: String) -> Message {
        Message("docx.import.title-file", ["title": .verbatim(title)])
    }
    static func docxImportIDFromCode(id: String, code: String) -> Message {
        Message("docx.import.id-code", ["id": .verbatim(id), "code": .verbatim(code)])
    }
    static func docxImportIDFromTitle(id: String) -> Message {
        Message("docx.import.id-title", ["id": .verbatim(id)])
    }

    // Front matter.
    static func docxImportParagraph(_ number: Int) -> Message { Message("docx.import.at-paragraph", ["paragraph": .number(number)]) }
    static func docxImportTableLocation(_ number: Int) -> Message { Message("docx.import.at-table", ["table": .number(number)]) }
    static func docxImportField(field: String, value: String, location: Message, text: String) -> Message {
        Message("docx.import.field", ["field": .verbatim(field), "value": .verbatim(value), "location": .message(location), "text": .verbatim(text)])
    }
    static func docxImportFieldMissing(field: String) -> Message {
        Message("docx.import.field-missing", ["field": .verbatim(field)])
    }
    static func docxImportHoursUnsplit(hours: Int, location: Message) -> Message {
        Message("docx.import.hours-unsplit", ["hours": .number(hours), "location": .message(location)])
    }

    // Sections and items.
    static func docxImportSectionsByStyle() -> Message { Message("docx.import.sections-style") }
    static func docxImportSectionsByNumbering() -> Message { Message("docx.import.sections-numbering") }
    static func docxImportHeading(paragraph: Int, label: String, title: String, level: Int, auto: Bool) -> Message {
        Message(auto ? "docx.import.heading-auto" : "docx.import.heading",
                ["paragraph": .number(paragraph), "label": .verbatim(label), "title": .verbatim(title), "level": .number(level)])
    }
    static func docxImportNumberedSentence(paragraph: Int, label: String, start: String) -> Message {
        Message("docx.import.numbered-sentence", ["paragraph": .number(paragraph), "label": .verbatim(label), "start": .verbatim(start)])
    }
    static func docxImportItems(section: String, count: Int, first: String, last: String) -> Message {
        count == 1 ? Message("docx.import.item", ["section": .verbatim(section), "first": .verbatim(first)])
            : Message("docx.import.items", ["section": .verbatim(section), "count": .number(count), "first": .verbatim(first), "last": .verbatim(last)])
    }
    static func docxImportItemsConsecutive(section: String, groups: [String]) -> Message {
        Message("docx.import.items-consecutive", ["section": .verbatim(section), "groups": .list(groups, .and)])
    }
    static func docxImportListItems(count: Int) -> Message { Message("docx.import.list-items", ["count": .number(count)]) }

    // Tables.
    static func docxImportMergeAcross(table: Int, text: String, row: Int, first: Int, last: Int) -> Message {
        Message("docx.import.merge-across", ["table": .number(table), "text": .verbatim(text), "row": .number(row), "first": .number(first), "last": .number(last)])
    }
    static func docxImportMergeDown(table: Int, text: String, column: Int, first: Int, last: Int) -> Message {
        Message("docx.import.merge-down", ["table": .number(table), "text": .verbatim(text), "column": .number(column), "first": .number(first), "last": .number(last)])
    }
    static func docxImportMergeBlock(table: Int, text: String, firstRow: Int, lastRow: Int, firstColumn: Int, lastColumn: Int) -> Message {
        Message("docx.import.merge-block", ["table": .number(table), "text": .verbatim(text), "first_row": .number(firstRow), "last_row": .number(lastRow),
                                            "first_column": .number(firstColumn), "last_column": .number(lastColumn)])
    }
    static func docxImportCellParagraphs(table: Int, count: Int) -> Message {
        Message("docx.import.cell-paragraphs", ["table": .number(table), "count": .number(count)])
    }

    // What is kept elsewhere or dropped.
    static func docxImportImage(part: String, path: String) -> Message {
        Message("docx.import.image", ["part": .verbatim(part), "path": .verbatim(path)])
    }
    static func docxImportImageMissing(paragraph: Int) -> Message { Message("docx.import.image-missing", ["paragraph": .number(paragraph)]) }
    static func docxImportNotes(count: Int) -> Message { Message("docx.import.notes", ["count": .number(count)]) }
    static func docxImportTextBox(paragraph: Int) -> Message { Message("docx.import.text-box", ["paragraph": .number(paragraph)]) }
    static func docxImportComments(count: Int, authors: [String]) -> Message {
        Message("docx.import.comments", ["count": .number(count), "authors": .list(authors, .and)])
    }
    static func docxImportRevisions(count: Int) -> Message { Message("docx.import.revisions", ["count": .number(count)]) }
    static func docxImportTableOfContents(count: Int) -> Message { Message("docx.import.toc", ["count": .number(count)]) }
    static func docxImportFields(count: Int, names: [String]) -> Message {
        Message("docx.import.fields", ["count": .number(count), "names": .list(names, .and)])
    }
    static func docxImportPageBreaks(count: Int) -> Message { Message("docx.import.page-breaks", ["count": .number(count)]) }
    static func docxImportHeadersFooters(count: Int) -> Message { Message("docx.import.headers-footers", ["count": .number(count)]) }

    // The command.
    public static func docxImportWritten(path: String, kind: String, id: String, items: Int) -> Message {
        Message("docx.import.written", ["path": .verbatim(path), "kind": .verbatim(kind), "id": .verbatim(id), "items": .number(items)])
    }
    public static func docxImportExists(path: String) -> Message { Message("docx.import.exists", ["path": .verbatim(path)]) }
    public static func docxImportMisread(id: String, expected: String, read: String) -> Message {
        Message("docx.import.misread", ["id": .verbatim(id), "expected": .verbatim(expected), "read": .verbatim(read)])
    }
    public static func docxImportNext() -> Message { Message("docx.import.next") }
}
