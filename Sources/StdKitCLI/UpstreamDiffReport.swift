import StdKitCheck
import StdKitDiff
import StdKitModel
import StdKitSyntax

/// What `stdkit upstream diff A..B` shows: each change of the upstream between the two
/// releases with the local places it touches (or what the school must add), then what the
/// check will report once the project follows B; as text in the reader's language or as JSON
/// (docs/upstream.md).
struct UpstreamDiffReport {
    var declaration: UpstreamDeclaration
    var from: String
    var to: String
    var diff: UpstreamDiff
    /// The findings after updating (`UpstreamUpdate`), paths relative to the project.
    var after: CheckResult

    // MARK: Text

    func text(language: Language, path: (String) -> String, sourceTexts: @escaping TextReporter.SourceTexts) -> String {
        var lines = [Message.diffHeading(declaration.id, path: declaration.path, from: from, to: to).text(in: language)]
        let entries = diff.entries
        if entries.isEmpty {
            lines.append(Message.diffNone(from: from, to: to).text(in: language))
        } else {
            let touching = entries.filter { !$0.touches.isEmpty }.count
            let missing = entries.filter { $0.missing != nil }.count
            lines.append(Message.diffSummary(documents: diff.documents.count, changes: entries.count, touching: touching, missing: missing)
                .text(in: language))
        }
        for document in diff.documents {
            lines.append("")
            lines.append(Message.diffDocument(document).text(in: language))
            for entry in document.entries {
                lines.append("  " + Message.change(entry).text(in: language))
                if !entry.touches.isEmpty {
                    lines.append("    " + Message.touches(entry.kind).text(in: language))
                    for place in entry.touches {
                        lines.append("      \(place.label)  \(path(place.path)):\(place.location.line)")
                    }
                } else if let missing = entry.missing {
                    lines.append("    " + Message.missing(missing, target: entry.course ?? entry.item.map { "\(entry.document)#\($0)" } ?? entry.document)
                        .text(in: language))
                } else if entry.kind != .sectionChanged {
                    lines.append("    " + Message.untouched.text(in: language))
                }
            }
        }
        lines.append("")
        lines.append(Message.after(to).text(in: language))
        let findings = CheckResult(diagnostics: after.diagnostics.map { $0.displayed(path) }, fileCount: after.fileCount)
        return lines.joined(separator: "\n") + "\n" + TextReporter(sourceTexts: sourceTexts, language: language).report(findings)
    }

    // MARK: JSON

    /// `stdkit upstream diff --format json`, version "1" (docs/upstream.md).
    struct JSON: Encodable {
        typealias Place = UpstreamPlaceJSON

        struct Section: Encodable {
            var kind: String
            var title: String
            var oldTitle: String?
        }

        struct Change: Encodable {
            var kind: String
            var item: String?
            var oldItem: String?
            var field: String?
            var old: String?
            var new: String?
            /// A reworded item's change: removed text as `[-…-]`, added as `{+…+}`.
            var wording: String?
            var course: String?
            var category: String?
            var hours: Int?
            var section: Section?
            var touches: [Place]
            /// `specification` or `core-course`: what the school must add.
            var missing: String?
        }

        struct Document: Encodable {
            var key: String
            var kind: String
            var title: String
            var status: String
            var oldVersion: String?
            var newVersion: String?
            var changes: [Change]
        }

        var version = "1"
        var upstream: String
        var path: String
        var from: String
        var to: String
        var documents: [Document]
        /// What `stdkit check --format json` would report after updating, in its envelope.
        var afterUpdating: JSONReporter.Envelope
    }

    func json(language: Language, path: (String) -> String) -> JSON {
        JSON(upstream: declaration.id, path: declaration.path, from: from, to: to, documents: diff.documents.map { document in
            JSON.Document(key: document.key, kind: document.kind, title: document.title, status: document.status.rawValue,
                          oldVersion: document.oldVersion, newVersion: document.newVersion, changes: document.entries.map { entry in
                JSON.Change(kind: entry.kind.rawValue, item: entry.item, oldItem: entry.oldItem, field: entry.field, old: entry.old, new: entry.new,
                            wording: entry.wording?.marked, course: entry.course, category: entry.category, hours: entry.hours,
                            section: entry.section.map { JSON.Section(kind: $0.kind.rawValue, title: $0.title, oldTitle: $0.oldTitle) },
                            touches: entry.touches.map {
                                JSON.Place($0, file: path($0.path))
                            },
                            missing: entry.missing?.rawValue)
            })
        }, afterUpdating: JSONReporter(language: language).envelope(
            CheckResult(diagnostics: after.diagnostics.map { $0.displayed(path) }, fileCount: after.fileCount)))
    }
}

extension Message {
    fileprivate static func diffHeading(_ id: String, path: String, from: String, to: String) -> Message {
        Message("upstream.diff.heading", ["id": .verbatim(id), "path": .verbatim(path), "from": .verbatim(from), "to": .verbatim(to)])
    }

    fileprivate static func diffNone(from: String, to: String) -> Message {
        Message("upstream.diff.none", ["from": .verbatim(from), "to": .verbatim(to)])
    }

    fileprivate static func diffSummary(documents: Int, changes: Int, touching: Int, missing: Int) -> Message {
        Message("upstream.diff.summary", ["documents": .number(documents), "changes": .number(changes), "touching": .number(touching),
                                          "missing": .number(missing)])
    }

    fileprivate static func diffDocument(_ document: UpstreamDiff.DocumentEntry) -> Message {
        let versions: Argument = switch (document.oldVersion, document.newVersion) {
        case (let old?, let new?) where old != new: .message(Message("upstream.diff.versions", ["old": .verbatim(old), "new": .verbatim(new)]))
        case (_, let version?), (let version?, nil): .message(Message("upstream.diff.version", ["version": .verbatim(version)]))
        default: .verbatim("")
        }
        return Message("upstream.diff.document", ["key": .verbatim(document.key), "title": .verbatim(document.title),
                                                  "kind": Message.documentKind(document.kind), "versions": versions])
    }

    fileprivate static func value(_ text: String?) -> Argument {
        text.map { .verbatim($0) } ?? .message(Message("upstream.diff.no-value"))
    }

    fileprivate static func change(_ entry: UpstreamDiff.Entry) -> Message {
        let item: Argument = .verbatim(entry.item ?? "")
        switch entry.kind {
        case .documentAdded: return Message("upstream.diff.document-added")
        case .documentRemoved: return Message("upstream.diff.document-removed")
        case .itemAdded: return Message("upstream.diff.item-added", ["item": item, "text": value(entry.new)])
        case .itemRemoved: return Message("upstream.diff.item-removed", ["item": item, "text": value(entry.old)])
        case .itemRenumbered: return Message("upstream.diff.item-renumbered", ["old": .verbatim(entry.oldItem ?? ""), "item": item])
        case .itemReworded: return Message("upstream.diff.item-reworded", ["item": item, "wording": .verbatim(entry.wording?.marked ?? "")])
        case .itemAttributes:
            return Message("upstream.diff.item-attribute", ["item": item, "field": .verbatim(entry.field ?? ""), "old": value(entry.old), "new": value(entry.new)])
        case .fieldChanged:
            return Message("upstream.diff.field-changed", ["field": .verbatim(entry.field ?? ""), "old": value(entry.old), "new": value(entry.new)])
        case .courseAdded:
            let details: Argument = switch (entry.category, entry.hours) {
            case (let category?, let hours?): .message(Message("upstream.diff.course.category-hours", ["category": Self.category(category), "hours": .number(hours)]))
            case (let category?, nil): .message(Message("upstream.diff.course.category", ["category": Self.category(category)]))
            default: .verbatim("")
            }
            return Message("upstream.diff.course-added", ["course": .verbatim(entry.course ?? ""), "details": details])
        case .courseRemoved:
            return Message("upstream.diff.course-removed", ["course": .verbatim(entry.course ?? "")])
        case .sectionChanged:
            let section = entry.section
            let title: Argument = .verbatim(section?.title ?? "")
            switch section?.kind ?? .edited {
            case .added: return Message("upstream.diff.section.added", ["title": title])
            case .removed: return Message("upstream.diff.section.removed", ["title": title])
            case .moved: return Message("upstream.diff.section.moved", ["title": title])
            case .edited: return Message("upstream.diff.section.edited", ["title": title])
            case .renamed: return Message("upstream.diff.section.renamed", ["title": title, "old": .verbatim(section?.oldTitle ?? "")])
            }
        }
    }

    /// A course category of the programme schema, in the reader's language (the id in English,
    /// as a reader writes it; the term of 教职成〔2019〕13号 in Chinese).
    fileprivate static func category(_ category: String) -> Argument {
        let keys = [
            "public-basic": "upstream.diff.category.public-basic",
            "public-elective": "upstream.diff.category.public-elective",
            "professional-basic": "upstream.diff.category.professional-basic",
            "professional-core": "upstream.diff.category.professional-core",
            "professional-elective": "upstream.diff.category.professional-elective",
            "practice": "upstream.diff.category.practice",
        ]
        return keys[category].map { .message(Message($0)) } ?? .verbatim(category)
    }

    /// The heading of the local places a change touches: what the change will do to them.
    fileprivate static func touches(_ kind: UpstreamDiff.Kind) -> Message {
        switch kind {
        case .itemReworded, .itemAttributes: Message("upstream.diff.touches.suspect")
        case .itemRemoved, .itemRenumbered, .documentRemoved: Message("upstream.diff.touches.unresolved")
        default: Message("upstream.diff.touches")
        }
    }

    fileprivate static func missing(_ missing: UpstreamDiff.Missing, target: String) -> Message {
        switch missing {
        case .specification: Message("upstream.diff.missing.specification", ["target": .verbatim(target)])
        case .coreCourse: Message("upstream.diff.missing.core-course", ["target": .verbatim(target)])
        }
    }

    fileprivate static let untouched = Message("upstream.diff.untouched")

    fileprivate static func after(_ release: String) -> Message {
        Message("upstream.diff.after", ["to": .verbatim(release)])
    }
}
