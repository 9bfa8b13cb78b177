import Foundation

extension ReviewedFile {
    /// Reads a reviewed export: the paragraphs between each unit's `_sk<n>_<i>` bookmarks (in
    /// table cells too), their text with every change rejected and with every change accepted,
    /// the changes' authors and dates, and the unit each comment marks.
    ///
    /// A paragraph the reviewer added outside every bookmark is attached to the unit before it;
    /// other changed text outside the bookmarks (the title, the metadata table) is kept apart as
    /// not carried over.
    public init(word: WordDocument) {
        var units: [UnitKey: Unit] = [:]
        var outside: [OutsideChange] = []
        var open: [String: UnitKey] = [:]
        var lastClosed: UnitKey?
        var commentUnits: [String: UnitKey] = [:]
        var commentsStarted: Set<String> = []

        func visit(_ blocks: [WordBlock], inTable: Bool) {
            for block in blocks {
                switch block {
                case .paragraph(let paragraph):
                    read(paragraph, inTable: inTable)
                case .table(let table):
                    for row in table.rows {
                        for cell in row.cells { visit(cell.blocks, inTable: true) }
                    }
                }
            }
        }

        func read(_ paragraph: WordParagraph, inTable: Bool) {
            // A paragraph belongs to the units open where it has content: Word moves an end
            // bookmark to the start of the next paragraph, which must not join that unit.
            var touched: [UnitKey] = []
            // A comment whose range starts before the unit's bookmark in the same paragraph (the
            // reviewer selected the whole paragraph) marks the unit whose text follows.
            var waiting: [String] = []
            func touch() {
                for key in open.values.sorted() where !touched.contains(key) { touched.append(key) }
                if let key = open.values.sorted().first {
                    for id in waiting { commentUnits[id] = key }
                    waiting = []
                }
            }
            for inline in paragraph.inlines {
                switch inline {
                case .bookmarkStart(let id, let name):
                    if let unit = ReviewUnits.unit(ofBookmark: name) {
                        let key = UnitKey(document: unit.document, unit: unit.unit)
                        // Units follow one another and never nest, so one still open when a later
                        // one starts has lost its end: LibreOffice, saving a file, writes a
                        // bookmark that starts in a table cell twice, one start without an end.
                        // Left open, it would take every paragraph after it.
                        let stale = open.filter { $0.value < key }
                        for (staleID, staleKey) in stale {
                            open.removeValue(forKey: staleID)
                            lastClosed = max(lastClosed ?? staleKey, staleKey)
                        }
                        open[id] = key
                    }
                case .bookmarkEnd(let id):
                    if let key = open.removeValue(forKey: id) {
                        if !touched.contains(key) && paragraph.inlines.allSatisfy({ !Self.hasContent($0) }) { touched.append(key) }
                        lastClosed = key
                    }
                case .commentStart(let id):
                    commentsStarted.insert(id)
                    if let key = open.values.sorted().first { commentUnits[id] = key } else { waiting.append(id) }
                case .commentReference(let id):
                    if !commentsStarted.contains(id), commentUnits[id] == nil, let key = open.values.sorted().first { commentUnits[id] = key }
                case .text, .tab, .lineBreak, .image:
                    touch()
                default:
                    break
                }
            }
            let read = Paragraph(original: paragraph.text(.original), accepted: paragraph.text(.accepted), markdown: Self.markdown(of: paragraph))
            let revisions = Self.revisions(of: paragraph)
            if let key = touched.first {
                units[key, default: Unit()].paragraphs.append(read)
                units[key, default: Unit()].revisions += revisions
                if inTable { units[key, default: Unit()].hasTable = true }
            } else if read.original != read.accepted || !revisions.isEmpty {
                if read.original.isEmpty, !inTable, let key = lastClosed {
                    var attached = read
                    attached.attached = true
                    units[key, default: Unit()].paragraphs.append(attached)
                    units[key, default: Unit()].revisions += revisions
                } else if read.original != read.accepted {
                    outside.append(OutsideChange(document: lastClosed?.document, original: read.original, accepted: read.accepted, revisions: revisions))
                }
            }
        }

        visit(word.blocks, inTable: false)
        let comments = word.comments.map { comment in
            Comment(author: comment.author, initials: comment.initials, date: comment.date,
                    text: comment.text, unit: commentUnits[comment.id])
        }
        self.init(properties: word.customProperties, units: units, comments: comments, outside: outside)
    }

    static func hasContent(_ inline: WordInline) -> Bool {
        switch inline {
        case .text, .tab, .lineBreak, .image: true
        default: false
        }
    }

    /// The changes of a paragraph's runs, a run of one change (one `w:ins` or `w:del`) as one.
    static func revisions(of paragraph: WordParagraph) -> [Revision] {
        var result: [Revision] = []
        var lastID: String?
        for inline in paragraph.inlines {
            let revision: WordRevision?
            let text: String
            switch inline {
            case .text(let value, _, let change): (revision, text) = (change, value)
            case .tab(let change): (revision, text) = (change, "\t")
            case .lineBreak(let change): (revision, text) = (change, "\n")
            default: continue
            }
            guard let revision else {
                lastID = nil
                continue
            }
            let kind: Revision.Kind = revision.kind == .insertion ? .insertion : .deletion
            if lastID == revision.id + "\(kind)", let last = result.indices.last {
                result[last].text += text
            } else {
                result.append(Revision(kind: kind, author: revision.author, date: revision.date, text: text))
                lastID = revision.id + "\(kind)"
            }
        }
        return result
    }

    /// The accepted text of a paragraph with bold and italic runs as Markdown; runs of one
    /// format are joined first, so no `****` appears between them.
    static func markdown(of paragraph: WordParagraph) -> String {
        var pieces: [(text: String, bold: Bool, italic: Bool)] = []
        var inInstruction = false
        for inline in paragraph.inlines {
            switch inline {
            case .fieldBegin: inInstruction = true
            case .fieldSeparate, .fieldEnd: inInstruction = false
            case .text(let value, let format, let revision):
                guard !inInstruction, revision?.kind != .deletion else { continue }
                if let last = pieces.last, last.bold == format.bold, last.italic == format.italic {
                    pieces[pieces.count - 1].text += value
                } else {
                    pieces.append((value, format.bold, format.italic))
                }
            case .tab(let revision), .lineBreak(let revision):
                guard revision?.kind != .deletion else { continue }
                if pieces.isEmpty { pieces.append((" ", false, false)) } else { pieces[pieces.count - 1].text += " " }
            default:
                break
            }
        }
        return pieces.map { piece in
            let core = piece.text.trimmingCharacters(in: .whitespaces)
            guard !core.isEmpty, piece.bold || piece.italic else { return piece.text }
            // Emphasis marks must touch the words: spaces stay outside them.
            let leading = String(piece.text.prefix { $0 == " " })
            let trailing = String(piece.text.reversed().prefix { $0 == " " })
            let mark = piece.bold && piece.italic ? "***" : piece.bold ? "**" : "*"
            return leading + mark + core + mark + trailing
        }.joined()
    }
}
