import Mustache
import StdKitModel

/// The traceability matrix (`matrix.mustache`): each requirement with the courses covering it,
/// as a grid (`dense`) or, for large projects, as lists.
struct MatrixPage: TemplatePage {
    static let template = "matrix"

    /// A course column of the grid.
    struct Column: MustacheParent, Sendable {
        var label: String
        var id: String
        var title: String
        var url: String

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "id": id
            case "title": title
            case "url": url
            default: nil
            }
        }
    }

    /// The requirements of one document.
    struct Group: MustacheParent, Sendable {
        var document: String
        var title: String
        var url: String
        /// The number of table columns a group heading spans.
        var span: Int
        var rows: [Row]

        func child(named name: String) -> Any? {
            switch name {
            case "document": document
            case "title": title
            case "url": url
            case "span": span
            case "rows": rows
            default: nil
            }
        }
    }

    /// A requirement.
    struct Row: MustacheParent, Sendable {
        var item: String
        var fullId: String
        var text: String
        /// Whether no course covers it.
        var gap: Bool
        /// The number of outcomes covering it.
        var count: Int
        var url: String
        /// Its cells, one per column; nil in a matrix written as lists.
        var cells: [Cell]?
        /// The outcomes covering it; nil in a grid.
        var covers: [Cover]?

        func child(named name: String) -> Any? {
            switch name {
            case "item": item
            case "fullId": fullId
            case "text": text
            case "gap": gap
            case "count": count
            case "url": url
            case "cells": cells
            case "covers": covers
            default: nil
            }
        }
    }

    /// A cell of the grid.
    struct Cell: MustacheParent, Sendable {
        /// The level of coverage written in the cell, "" for none.
        var value: String
        var covered: Bool
        /// The outcomes of the column's course that cover the row.
        var title: String

        func child(named name: String) -> Any? {
            switch name {
            case "value": value
            case "covered": covered
            case "title": title
            default: nil
            }
        }
    }

    /// An outcome covering a requirement, in a matrix written as lists.
    struct Cover: MustacheParent, Sendable {
        /// The course's title.
        var course: String
        var outcome: String
        var level: String
        var url: String

        func child(named name: String) -> Any? {
            switch name {
            case "course": course
            case "outcome": outcome
            case "level": level
            case "url": url
            default: nil
            }
        }
    }

    var strings: [String: String]
    /// The course columns; empty in a matrix written as lists.
    var columns: [Column]
    var dense: Bool
    var groups: [Group]
    var coverage: CoverageSummary

    init(_ site: SiteBuilder) {
        let page = "matrix.html"
        let project = site.project
        let matrix = site.matrix
        let dense = matrix.rows.count * matrix.columns.count <= SiteBuilder.denseMatrixLimit
        let courseURLs = Dictionary(matrix.columns.map { column in
            (column.id, project.document(column.id).map { site.url(from: page, to: $0) } ?? "")
        }, uniquingKeysWith: { first, _ in first })
        let courseTitles = Dictionary(matrix.columns.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var groups: [Group] = []
        var current: (document: String, rows: [Row])?
        func flush() {
            guard let group = current, let document = project.document(group.document) else { return }
            groups.append(Group(document: group.document, title: document.title ?? group.document, url: site.url(from: page, to: document),
                                span: dense ? matrix.columns.count + 2 : 3, rows: group.rows))
        }
        // The way to each requirement's document, found once per document, not once per row.
        var documentURL = ""
        for row in matrix.rows {
            if current?.document != row.document {
                flush()
                current = (row.document, [])
                documentURL = project.document(row.document).map { site.url(from: page, to: $0) } ?? ""
            }
            var line = Row(item: row.item, fullId: row.fullID, text: row.text, gap: !row.isCovered, count: row.covers.count,
                           url: documentURL.isEmpty ? "" : documentURL + "#" + HTML.encodeURL(row.item))
            if dense {
                line.cells = matrix.columns.map { column in
                    let value = row.cell(for: column.id)
                    let outcomes = row.covers.filter { $0.course == column.id }.map { "\($0.course)#\($0.outcome)" }.joined(separator: ", ")
                    return Cell(value: value ?? "", covered: value != nil, title: outcomes)
                }
            } else {
                line.covers = row.covers.map { cover in
                    let course = courseURLs[cover.course] ?? ""
                    return Cover(course: courseTitles[cover.course] ?? cover.course, outcome: cover.outcome, level: cover.level ?? "",
                                 url: course.isEmpty ? "" : course + "#" + cover.outcome)
                }
            }
            current?.rows.append(line)
        }
        flush()
        self.groups = groups
        self.dense = dense
        columns = dense ? matrix.columns.map { column in
            Column(label: column.label, id: column.id, title: column.title,
                   url: project.document(column.id).map { site.url(from: page, to: $0) } ?? "")
        } : []
        strings = site.strings.all
        coverage = CoverageSummary(site, from: page)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "strings": strings
        case "columns": columns
        case "dense": dense
        case "groups": groups
        default: coverage.child(named: name)
        }
    }
}
