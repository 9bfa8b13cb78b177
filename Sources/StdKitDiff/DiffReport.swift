import Foundation
import StdKitSyntax

/// The reports of a semantic diff: text, Markdown, JSON and a self-contained HTML review page.
public struct DiffReport {
    public var change: ProjectChange
    /// What was compared, for headings: `v2025.1`, `HEAD`, `working tree`.
    public var from: String
    public var to: String

    public init(change: ProjectChange, from: String, to: String) {
        self.change = change
        self.from = from
        self.to = to
    }

    // MARK: JSON

    struct Envelope: Encodable {
        var version = "1"
        var from: String
        var to: String
        var documents: [DocumentChange]
        var summary: Summary
    }

    struct Summary: Encodable {
        var changed: Int
        var added: Int
        var removed: Int
        var renamed: Int
        var bumps: [String: Int]
    }

    public func json() -> String {
        let documents = change.documents
        var bumps: [String: Int] = [:]
        for document in documents where document.status != .added { bumps[document.requiredBump.name, default: 0] += 1 }
        let summary = Summary(changed: documents.count, added: documents.filter { $0.status == .added }.count,
                              removed: documents.filter { $0.status == .removed }.count,
                              renamed: documents.filter { $0.status == .renamed }.count, bumps: bumps)
        return JSONOutput.encode(Envelope(from: from, to: to, documents: documents, summary: summary)) + "\n"
    }

    // MARK: Text

    /// Terminal text; `colour` adds ANSI colours (removed red, added green).
    public func text(colour: Bool = false) -> String {
        func paint(_ code: String, _ text: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func words(_ diff: WordDiff) -> String {
            guard colour else { return diff.marked }
            return diff.segments.map { segment in
                switch segment.kind {
                case .same: segment.text
                case .removed: paint("31", segment.text)
                case .added: paint("32", segment.text)
                }
            }.joined()
        }
        guard !change.documents.isEmpty else { return "no semantic changes between \(from) and \(to)\n" }
        var lines = ["semantic changes from \(from) to \(to): \(change.documents.count) document\(change.documents.count == 1 ? "" : "s")"]
        for document in change.documents {
            lines.append("")
            let path = document.newPath ?? document.oldPath ?? ""
            var header = "\(paint("1", path))  \(document.id)  \(document.status.rawValue)"
            if document.status == .renamed, let oldPath = document.oldPath { header += " from \(oldPath)" }
            if let versions = Self.versions(document) { header += "  \(versions)" }
            lines.append(header)
            for field in document.fields {
                lines.append("  field \(field.path): \(field.old.map { "\($0)" } ?? "(none)") → \(field.new ?? "(none)")")
            }
            for section in document.sections {
                switch section.kind {
                case .renamed: lines.append("  section renamed: '\(section.oldTitle ?? "")' → '\(section.title)'")
                case .edited:
                    let name = section.title.isEmpty ? "(introduction)" : section.title
                    if let text = section.text { lines.append("  section edited: \(name): \(words(text))") }
                    for row in section.rows ?? [] {
                        lines.append("  table row '\(row.path)' in \(name): \(row.old ?? "(none)") → \(row.new ?? "(none)")")
                    }
                default: lines.append("  section \(section.kind.rawValue): \(section.title)")
                }
            }
            for item in document.items {
                switch item.kind {
                case .added: lines.append(paint("32", "  + \(item.id) \(item.newText ?? "")"))
                case .removed: lines.append(paint("31", "  - \(item.id) \(item.oldText ?? "")"))
                case .reworded: lines.append("  ~ \(item.id) \(item.wording.map(words) ?? "")")
                case .renumbered: lines.append("  ~ \(item.oldID ?? "") renumbered \(item.id)")
                case .moved: lines.append("  ~ \(item.id) moved\(item.section.map { " to '\($0)'" } ?? "")")
                case .attributes:
                    lines.append("  ~ \(item.id) " + (item.attributes ?? []).map { "\($0.path): \($0.old ?? "(none)") → \($0.new ?? "(none)")" }.joined(separator: ", "))
                }
            }
            for reference in document.references {
                let what = reference.coverage ? "coverage" : "reference"
                lines.append("  \(what) \(reference.kind.rawValue): \(reference.source) → \(reference.target)")
            }
            if !document.impact.isEmpty { lines.append("  impact: \(document.impact.joined(separator: ", "))") }
            if document.status != .added && document.status != .unchanged {
                var bump = "  requires \(document.requiredBump.name)"
                if !document.reasons.isEmpty { bump += ": " + document.englishReasons.joined(separator: "; ") }
                lines.append(bump)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func versions(_ document: DocumentChange) -> String? {
        switch (document.oldVersion, document.newVersion) {
        case (let a?, let b?) where a != b: "v\(a) → v\(b)"
        case (let a?, let b?): "v\(a) (unchanged)" + (a == b ? "" : "")
        case (nil, let b?): "v\(b)"
        case (let a?, nil): "v\(a)"
        default: nil
        }
    }

    // MARK: Markdown

    /// Markdown for a merge-request comment: removed words struck through, added words bold.
    public func markdown() -> String {
        let escape = ASCIIEscaper.backslash("\\`*_[]<>|~")
        func words(_ diff: WordDiff) -> String {
            diff.segments.map { segment in
                let text = escape(segment.text)
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return text }
                let lead = text.hasPrefix(" ") ? " " : ""
                switch segment.kind {
                case .same: return text
                case .removed: return "\(lead)~~\(trimmed)~~"
                case .added: return "\(lead)**\(trimmed)**"
                }
            }.joined()
        }
        guard !change.documents.isEmpty else { return "No semantic changes between `\(from)` and `\(to)`.\n" }
        var lines = ["### Semantic changes: `\(from)` → `\(to)`", ""]
        lines.append("| document | change | version | requires |")
        lines.append("| --- | --- | --- | --- |")
        for document in change.documents {
            lines.append("| `\(document.id)` \(escape(document.title)) | \(document.status.rawValue) | \(Self.versions(document).map { escape($0) } ?? "") | \(document.status == .added ? "" : document.requiredBump.name) |")
        }
        for document in change.documents {
            lines += ["", "#### `\(document.id)` \(escape(document.title))", ""]
            for field in document.fields { lines.append("- field `\(field.path)`: \(escape(field.old ?? "(none)")) → \(escape(field.new ?? "(none)"))") }
            for section in document.sections {
                switch section.kind {
                case .renamed: lines.append("- section renamed: \(escape(section.oldTitle ?? "")) → \(escape(section.title))")
                case .edited:
                    let name = escape(section.title.isEmpty ? "(introduction)" : section.title)
                    if let text = section.text { lines.append("- section \(name) edited: \(words(text))") }
                    for row in section.rows ?? [] {
                        lines.append("- table row `\(row.path)` in \(name): \(escape(row.old ?? "(none)")) → \(escape(row.new ?? "(none)"))")
                    }
                default: lines.append("- section \(section.kind.rawValue): \(escape(section.title))")
                }
            }
            for item in document.items {
                switch item.kind {
                case .added: lines.append("- **\(item.id)** added: \(escape(item.newText ?? ""))")
                case .removed: lines.append("- ~~\(item.id)~~ removed: \(escape(item.oldText ?? ""))")
                case .reworded: lines.append("- **\(item.id)** reworded: \(item.wording.map(words) ?? "")")
                case .renumbered: lines.append("- **\(item.oldID ?? "")** renumbered **\(item.id)**")
                case .moved: lines.append("- **\(item.id)** moved\(item.section.map { " to \(escape($0))" } ?? "")")
                case .attributes: lines.append("- **\(item.id)** " + (item.attributes ?? []).map { "`\($0.path)`: \($0.old ?? "(none)") → \($0.new ?? "(none)")" }.joined(separator: ", "))
                }
            }
            for reference in document.references {
                lines.append("- \(reference.coverage ? "coverage" : "reference") \(reference.kind.rawValue): \(reference.source) → `\(reference.target)`")
            }
            if !document.impact.isEmpty { lines.append("- impact: " + document.impact.map { "`\($0)`" }.joined(separator: ", ")) }
            if document.status != .added, !document.reasons.isEmpty {
                lines.append("- requires a **\(document.requiredBump.name)** version bump: \(escape(document.englishReasons.joined(separator: "; ")))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
