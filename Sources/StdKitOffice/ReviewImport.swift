import Foundation
import StdKitDiff
import StdKitModel
import StdKitSyntax

/// `stdkit import docx --review` for one document of a reviewed export: the reviewed text made
/// into the base revision's Markdown (theirs), merged with the file as it is now (ours) by the
/// three-way merge `stdkit merge` uses, and what the reviewer did, unit by unit, for the report.
public struct ReviewImport: Sendable {
    /// How a unit's edit reached the Markdown.
    public enum Carried: Sendable, Hashable {
        /// The word diff placed into the source lines, everything else as written.
        case edited
        /// The unit written anew from Word's runs (bold → `**`), its marker and id kept: the
        /// edit touched words the source does not have.
        case regenerated
        /// Every word of it deleted: its lines removed.
        case deleted
        /// Not carried over (a table whose edit cannot be placed): edit it in git.
        case notCarried
    }

    /// A unit the reviewer touched: its edit, its changes and its comments.
    public struct UnitReport: Sendable {
        public var unit: ReviewUnit
        /// How its text edit was carried; nil when only comments or no visible change.
        public var carried: Carried?
        /// Paragraphs the reviewer added after it.
        public var added: Int
        public var revisions: [ReviewedFile.Revision]
        public var comments: [ReviewedFile.Comment]
        public var original: String
        public var accepted: String
        /// Whether the text the file gave as "original" is not what stdkit exported: the reviewer
        /// typed with 修订 off (or accepted changes before sending), so the change has no author.
        public var untracked = false
    }

    /// The document's id and its path now (ours).
    public var id: String
    public var path: String
    /// The base revision's text, the reviewed text in its Markdown, the file now.
    public var base: String
    public var theirs: String
    public var ours: String
    /// The three-way merge of them; its text is what the file becomes.
    public var merge: MergeResult
    /// The touched units, in document order.
    public var units: [UnitReport]
    /// Comments on text outside every unit of this document.
    public var looseComments: [ReviewedFile.Comment]
    /// Changes outside every unit, not carried over.
    public var outside: [ReviewedFile.OutsideChange]

    /// Whether the file changes.
    public var changesFile: Bool { merge.text != ours }

    /// Makes theirs and merges for document `index` (its position in `stdkit.documents`) of
    /// `reviewed`, whose id is `id`, `base` as exported and `ours` now at `path`.
    ///
    /// `exported` is the base exported again (the same revision makes the same file): the text
    /// each unit had when it left. A reviewer who types with 修订 off leaves no tracked change —
    /// the file's "original" is then the edited text — and only a comparison with what stdkit
    /// sent finds the edit. Without it, only tracked changes are seen.
    public init(reviewed: ReviewedFile, index: Int, id: String, base: String, ours: String, path: String,
                schemas: SchemaLibrary, markers: LineMerge.Markers = LineMerge.Markers(), exported: ReviewedFile? = nil) {
        self.id = id
        self.path = path
        self.base = base
        self.ours = ours
        let document = ProjectLoader.document(path: path, bytes: Array(base.utf8), schemas: schemas, keepingBody: true)
        let units = ReviewUnits.units(of: document)
        var lines = base.components(separatedBy: "\n")
        var reports: [UnitReport] = []
        var replacements: [(lines: ClosedRange<Int>, with: [String])] = []
        for unit in units {
            let key = ReviewedFile.UnitKey(document: index, unit: unit.index)
            let comments = reviewed.comments.filter { $0.unit == key }
            guard let reviewedUnit = reviewed.units[key] else { continue }
            // The text as stdkit sent it, where the file's own "original" says otherwise. Not for
            // tables, whose bookmarks sit inside their first and last cells and which another
            // program saving the file may lay out anew (LibreOffice does); and never for a unit
            // that came back empty, which is a moved bookmark more likely than a deletion no
            // change records: only tracked changes count there.
            let sent = exported?.units[key].flatMap { exportedUnit -> String? in
                guard !exportedUnit.hasTable, !reviewedUnit.hasTable, !reviewedUnit.accepted.isEmpty,
                      exportedUnit.accepted != reviewedUnit.original else { return nil }
                return exportedUnit.accepted
            }
            let isEdited = sent.map { $0 != reviewedUnit.accepted } ?? reviewedUnit.isEdited
            guard isEdited || !reviewedUnit.revisions.isEmpty || !comments.isEmpty else { continue }
            var report = UnitReport(unit: unit, carried: nil, added: 0, revisions: reviewedUnit.revisions, comments: comments,
                                    original: sent ?? reviewedUnit.original, accepted: reviewedUnit.accepted, untracked: sent != nil)
            if isEdited, unit.lines.upperBound <= lines.count {
                let source = Array(lines[(unit.lines.lowerBound - 1)...(unit.lines.upperBound - 1)])
                let (carried, written, added) = Self.rewrite(unit: unit, source: source, reviewed: reviewedUnit, sent: sent, following: lines, index: unit.lines.upperBound)
                report.carried = carried
                report.added = added
                if carried != .notCarried { replacements.append((written.range, written.lines)) }
            }
            reports.append(report)
        }
        for replacement in replacements.sorted(by: { $0.lines.lowerBound > $1.lines.lowerBound }) {
            lines.replaceSubrange((replacement.lines.lowerBound - 1)...(replacement.lines.upperBound - 1), with: replacement.with)
        }
        theirs = lines.joined(separator: "\n")
        self.units = reports
        looseComments = reviewed.comments.filter { $0.unit == nil && index == 0 }
        outside = reviewed.outside.filter { ($0.document ?? 0) == index }
        // Nothing reviewed into the text: the file stays exactly as it is.
        merge = theirs == base ? MergeResult(text: ours, conflicts: []) : DocumentMerge.merge(base: base, ours: ours, theirs: theirs, markers: markers)
    }

    /// The lines that replace a unit (`range`, 1-based, may reach past the unit to take a blank
    /// line with a deleted unit), how, and how many paragraphs were added after it.
    static func rewrite(unit: ReviewUnit, source: [String], reviewed: ReviewedFile.Unit, sent: String? = nil, following lines: [String], index end: Int)
        -> (Carried, (range: ClosedRange<Int>, lines: [String]), Int) {
        // A paragraph wholly the reviewer's, inside the bookmarks or after them, is added after
        // the unit; the unit's own paragraphs carry the word edits.
        func isNew(_ paragraph: ReviewedFile.Paragraph) -> Bool {
            paragraph.attached || (!reviewed.hasTable && paragraph.original.isEmpty && !paragraph.accepted.isEmpty)
        }
        let own = reviewed.paragraphs.filter { !isNew($0) }
        let attached = reviewed.paragraphs.filter { isNew($0) && !$0.accepted.isEmpty }
        // Edited without 修订: the words to diff against are those stdkit sent.
        let original = sent ?? own.map(\.original).filter { !$0.isEmpty }.joined(separator: "\n")
        let accepted = own.map(\.accepted).filter { !$0.isEmpty }.joined(separator: "\n")
        if accepted.isEmpty && attached.isEmpty {
            // A deleted unit takes one blank line with it, so no double blank line is left.
            let before = unit.lines.lowerBound >= 2 ? lines[unit.lines.lowerBound - 2] : ""
            let after = end < lines.count ? lines[end] : nil
            let blankAfter = after.map { $0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false
            let upper = blankAfter && before.trimmingCharacters(in: .whitespaces).isEmpty ? end + 1 : end
            return (.deleted, (unit.lines.lowerBound...upper, []), 0)
        }
        var carried = Carried.edited
        var written = source
        if accepted.isEmpty {
            // The unit's own words all deleted and new paragraphs written in their place: the
            // unit is written anew from them.
            written = []
            carried = .regenerated
        } else if original != accepted {
            let text = source.joined(separator: "\n")
            if let edited = ReviewEdit.carry(original: original, accepted: accepted, into: text) {
                written = edited.components(separatedBy: "\n")
            } else if reviewed.hasTable {
                return (.notCarried, (unit.lines, source), 0)
            } else {
                written = regenerate(unit: unit, source: source, paragraphs: own)
                carried = .regenerated
            }
        }
        // Paragraphs added after the unit: a list item's siblings, or paragraphs of their own.
        let marker = listMarker(source.first ?? "")
        for paragraph in attached {
            if let marker {
                written.append(marker + paragraph.markdown)
            } else {
                written += written.isEmpty ? [paragraph.markdown] : ["", paragraph.markdown]
            }
        }
        return (carried, (unit.lines, written), attached.count)
    }

    /// The indentation and marker of a list item's first line (`"  - "`, `"1. "`), nil for any
    /// other line.
    static func listMarker(_ line: String) -> String? {
        guard let match = line.firstMatch(of: /^(\s*)([-*+]|\d{1,9}[.)])(\s+)/) else { return nil }
        return String(match.output.0)
    }

    /// A unit written anew from Word's runs: the source's heading marks, list marker and
    /// indentation, its item id as written and its references and attributes at the end are
    /// kept; the text between is the reviewed text with bold and italic as Markdown.
    static func regenerate(unit: ReviewUnit, source: [String], paragraphs: [ReviewedFile.Paragraph]) -> [String] {
        let first = source.first ?? ""
        let prefix = first.firstMatch(of: /^(\s*)(#{1,6}\s+|[-*+]\s+(\[[ xX]\]\s+)?|\d{1,9}[.)]\s+|>\s?)?/).map { String($0.output.0) } ?? ""
        var body = paragraphs.map(\.markdown).filter { !$0.isEmpty }.joined(separator: unit.item == nil ? "\n" : " ")
        var idPart = ""
        if let id = unit.item {
            idPart = first.contains("**\(id)**") ? "**\(id)** " : "\(id) "
            for spelling in ["**\(id)**", id] where body.hasPrefix(spelling) {
                body = String(body.dropFirst(spelling.count)).trimmingCharacters(in: .whitespaces)
                break
            }
        }
        if prefix.hasPrefix("#"), let number = body.firstMatch(of: /^([一二三四五六七八九十百]+、|（[一二三四五六七八九十百]+）|\d+(\.\d+)*[.、]?\s+|（\d+）)/),
           !first.dropFirst(prefix.count).hasPrefix(number.output.0) {
            body = String(body.dropFirst(number.output.0.count))
        }
        // References and attributes as the source writes them: Word shows references as text.
        let last = source.last ?? ""
        var suffix = ""
        if let arrow = last.range(of: " → ") ?? last.range(of: " -> ") {
            suffix = String(last[arrow.lowerBound...])
            for mark in ["→", "->"] {
                if let cut = body.range(of: mark, options: .backwards) {
                    body = String(body[..<cut.lowerBound]).trimmingCharacters(in: .whitespaces)
                    break
                }
            }
        } else if let attributes = last.firstMatch(of: /\s*\{[^{}]*\}\s*$/) {
            suffix = String(attributes.output)
        }
        return (prefix + idPart + body + suffix).components(separatedBy: "\n")
    }
}

extension DocxError {
    /// A file without stdkit's custom properties: not an export of ours.
    public static func notExported(_ file: String) -> DocxError { DocxError(file: file, Message("docx.review.not-exported")) }

    /// A document of the export the project here does not have.
    public static func unknownDocument(_ file: String, id: String, project: String) -> DocxError {
        DocxError(file: file, Message("docx.review.unknown-document", ["id": .verbatim(id), "project": .verbatim(project)]))
    }

    /// A project outside git: the exported revision cannot be read.
    public static func notInGit(_ file: String, project: String) -> DocxError {
        DocxError(file: file, Message("docx.review.not-in-git", ["project": .verbatim(project)]))
    }

    /// An export made outside git records no revision.
    public static func noBase(_ file: String, id: String) -> DocxError {
        DocxError(file: file, Message("docx.review.no-base", ["id": .verbatim(id)]))
    }

    /// The exported revision is no longer in the repository.
    public static func baseMissing(_ file: String, path: String, blob: String) -> DocxError {
        DocxError(file: file, Message("docx.review.base-missing", ["path": .verbatim(path), "blob": .verbatim(String(blob.prefix(12)))]))
    }

    /// The merged file cannot be written.
    public static func cannotWrite(_ file: String, path: String, reason: String) -> DocxError {
        DocxError(file: file, Message("docx.review.cannot-write", ["path": .verbatim(path), "reason": .verbatim(reason)]))
    }
}
