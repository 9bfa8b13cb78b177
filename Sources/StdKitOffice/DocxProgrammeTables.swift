import Foundation
import StdKitModel

/// The programme's two tables made from its course table, as authorities ask for them: the
/// 教学进程总体安排 (courses by category and semester, hours and credits) and the 学时结构
/// (hours and shares by category, theory and practice). The sums are `CourseTable`'s — counted
/// sums, an elective group by its `choose_credits` — the same the rules, the charts and the
/// catalogue show. Header cells are grouped (`w:gridSpan`) and the category column merged down
/// its courses (`w:vMerge`).
struct DocxProgrammeTables {
    let table: CourseTable
    let project: Project
    let strings: DocxStrings

    func blocks() -> [DocxBlock] {
        guard !table.entries.isEmpty else { return [] }
        return [caption(1, strings.schedule), .table(schedule()), caption(2, strings.structure), .table(structure())]
    }

    private func caption(_ number: Int, _ title: String) -> DocxBlock {
        .paragraph(DocxBlock.Paragraph(style: "Caption", content: WordXML.run("\(strings.appendix)\(number)　\(title)\(strings.generated)")))
    }

    /// The categories in the order the course list first names them; entries without one last.
    var categories: [String] {
        var seen: [String] = []
        for entry in table.entries where !seen.contains(entry.category ?? "") { seen.append(entry.category ?? "") }
        return seen
    }

    /// The number of semesters the table shows: the programme's duration × 2, or the last semester named.
    var semesterCount: Int {
        let named = table.entries.flatMap(\.semesters).max() ?? 0
        let duration = CourseTable.int(table.programme.frontMatter?["duration"]).map { $0 * 2 } ?? 0
        return min(12, max(named, duration, 1))
    }

    /// The 教学进程总体安排.
    func schedule() -> DocxBlock.Table {
        let semesters = semesterCount
        let fixed = [760, 1820, 760, 560, 520, 520, 520, 560]
        let rest = DocxDocumentRenderer.textWidth - fixed.reduce(0, +)
        let columns = fixed + (0..<semesters).map { index in rest / semesters + (index < rest % semesters ? 1 : 0) }
        // Every cell in the small table text.
        func Cell(_ text: String, bold: Bool = false, centered: Bool = false, span: Int = 1, verticalMerge: DocxBlock.Cell.Merge? = nil) -> DocxBlock.Cell {
            DocxBlock.Cell(text, bold: bold, centered: centered, span: span, verticalMerge: verticalMerge, style: "TableSmall")
        }
        var rows: [DocxBlock.Row] = [
            DocxBlock.Row(cells: [
                Cell(strings.category, bold: true, centered: true, verticalMerge: .restart),
                Cell(strings.course, bold: true, centered: true, verticalMerge: .restart),
                Cell(strings.code, bold: true, centered: true, verticalMerge: .restart),
                Cell(strings.assessment, bold: true, centered: true, verticalMerge: .restart),
                Cell(strings.hoursHeader, bold: true, centered: true, span: 3),
                Cell(strings.credits, bold: true, centered: true, verticalMerge: .restart),
                Cell(strings.bySemester, bold: true, centered: true, span: semesters),
            ], isHeader: true),
            DocxBlock.Row(cells: [
                Cell("", verticalMerge: .continuation), Cell("", verticalMerge: .continuation),
                Cell("", verticalMerge: .continuation), Cell("", verticalMerge: .continuation),
                Cell(strings.total, bold: true, centered: true), Cell(strings.theory, bold: true, centered: true),
                Cell(strings.practice, bold: true, centered: true), Cell("", verticalMerge: .continuation),
            ] + (1...semesters).map { Cell(DocxStrings.chineseOrNumber($0, strings), bold: true, centered: true) }, isHeader: true),
        ]
        for category in categories {
            let entries = table.entries.filter { ($0.category ?? "") == category }
            for (position, entry) in entries.enumerated() {
                let course = entry.id.flatMap { project.document($0) }
                let spread = spreadHours(entry, semesters: semesters, weight: 1)
                rows.append(DocxBlock.Row(cells: [
                    Cell(position == 0 ? strings.category(category) : "", centered: true, verticalMerge: entries.count > 1 ? (position == 0 ? .restart : .continuation) : nil),
                    Cell(course?.title ?? entry.id ?? ""),
                    Cell(course?.frontMatter?["code"]?.scalar ?? "", centered: true),
                    Cell(entry.node["assessment"]?.scalar.map(strings.assessment) ?? "", centered: true),
                    Cell(entry.total.map(String.init) ?? "", centered: true),
                    Cell(entry.theory.map(String.init) ?? "", centered: true),
                    Cell(entry.practice.map(String.init) ?? "", centered: true),
                    Cell(entry.credits.map(Self.number) ?? "", centered: true),
                ] + spread.map { Cell($0 == 0 ? "" : Self.number($0), centered: true) }))
            }
            let hours = table.countedHours(inCategory: category)
            let credits = entries.reduce(0.0) { $0 + ($1.credits ?? 0) * table.weight(of: $1) }
            let spread = entries.reduce(Array(repeating: 0.0, count: semesters)) { sums, entry in
                zip(sums, spreadHours(entry, semesters: semesters, weight: table.weight(of: entry))).map { $0 + $1 }
            }
            rows.append(DocxBlock.Row(cells: [
                Cell(strings.category(category) + strings.subtotal, bold: true, centered: true, span: 4),
                Cell(String(hours.total), bold: true, centered: true), Cell(String(hours.theory), centered: true),
                Cell(String(hours.practice), centered: true), Cell(Self.number(credits), bold: true, centered: true),
            ] + spread.map { Cell($0 == 0 ? "" : Self.number($0), centered: true) }))
        }
        let counted = table.counted
        let spread = table.entries.reduce(Array(repeating: 0.0, count: semesters)) { sums, entry in
            zip(sums, spreadHours(entry, semesters: semesters, weight: table.weight(of: entry))).map { $0 + $1 }
        }
        rows.append(DocxBlock.Row(cells: [
            Cell(strings.sum, bold: true, centered: true, span: 4),
            Cell(String(counted.total), bold: true, centered: true), Cell(String(counted.theory), bold: true, centered: true),
            Cell(String(counted.practice), bold: true, centered: true), Cell(Self.number(table.totalCredits), bold: true, centered: true),
        ] + spread.map { Cell($0 == 0 ? "" : Self.number($0), bold: true, centered: true) }))
        var schedule = DocxBlock.Table(columns: columns, rows: rows)
        schedule.cellMargin = 40
        return schedule
    }

    /// An entry's hours spread evenly over its semesters, times `weight` (its group's ratio).
    func spreadHours(_ entry: CourseTable.Entry, semesters: Int, weight: Double) -> [Double] {
        var hours = Array(repeating: 0.0, count: semesters)
        let taught = entry.semesters.filter { $0 >= 1 && $0 <= semesters }
        guard let total = entry.total, !taught.isEmpty else { return hours }
        for semester in taught { hours[semester - 1] += Double(total) * weight / Double(taught.count) }
        return hours
    }

    /// The 学时结构: each category's courses, counted theory, practice and total hours, its share
    /// of the total and its counted credits.
    func structure() -> DocxBlock.Table {
        typealias Cell = DocxBlock.Cell
        let width = DocxDocumentRenderer.textWidth
        let columns = [width * 24 / 100, width * 10 / 100, width * 13 / 100, width * 13 / 100, width * 13 / 100, width * 13 / 100]
        var rows: [DocxBlock.Row] = [
            DocxBlock.Row(cells: [
                Cell(strings.category, bold: true, centered: true, verticalMerge: .restart),
                Cell(strings.courses, bold: true, centered: true, verticalMerge: .restart),
                Cell(strings.hoursHeader, bold: true, centered: true, span: 3),
                Cell(strings.share, bold: true, centered: true, verticalMerge: .restart),
                Cell(strings.credits, bold: true, centered: true, verticalMerge: .restart),
            ], isHeader: true),
            DocxBlock.Row(cells: [
                Cell("", verticalMerge: .continuation), Cell("", verticalMerge: .continuation),
                Cell(strings.theory, bold: true, centered: true), Cell(strings.practice, bold: true, centered: true),
                Cell(strings.total, bold: true, centered: true),
                Cell("", verticalMerge: .continuation), Cell("", verticalMerge: .continuation),
            ], isHeader: true),
        ]
        let total = table.totalHours
        for category in categories {
            let entries = table.entries.filter { ($0.category ?? "") == category }
            let hours = table.countedHours(inCategory: category)
            let credits = entries.reduce(0.0) { $0 + ($1.credits ?? 0) * table.weight(of: $1) }
            rows.append(DocxBlock.Row(cells: [
                Cell(strings.category(category), centered: true), Cell(String(entries.count), centered: true),
                Cell(String(hours.theory), centered: true), Cell(String(hours.practice), centered: true),
                Cell(String(hours.total), centered: true), Cell(Self.percent(hours.total, of: total), centered: true),
                Cell(Self.number(credits), centered: true),
            ]))
        }
        let counted = table.counted
        rows.append(DocxBlock.Row(cells: [
            Cell(strings.sum, bold: true, centered: true), Cell(String(table.entries.count), bold: true, centered: true),
            Cell(String(counted.theory), bold: true, centered: true), Cell(String(counted.practice), bold: true, centered: true),
            Cell(String(counted.total), bold: true, centered: true), Cell(Self.percent(counted.total, of: total), bold: true, centered: true),
            Cell(Self.number(table.totalCredits), bold: true, centered: true),
        ]))
        // Theory and practice as shares of the whole, under their columns.
        rows.append(DocxBlock.Row(cells: [
            Cell(strings.share, bold: true, centered: true, span: 2),
            Cell(Self.percent(counted.theory, of: total), centered: true), Cell(Self.percent(counted.practice, of: total), centered: true),
            Cell("", span: 3),
        ]))
        return DocxBlock.Table(columns: columns + [width - columns.reduce(0, +)], rows: rows)
    }

    /// 3, 2.5, 12.3: a whole number without decimals, else one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// `part` of `whole` in per cent with one decimal (27.6%); empty when the whole is 0.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "" }
        return String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }
}

extension DocxStrings {
    /// A semester's column heading: 一 … 六 in Chinese, 1 … 6 otherwise.
    static func chineseOrNumber(_ number: Int, _ strings: DocxStrings) -> String {
        strings.isChinese ? chineseNumber(number) : String(number)
    }
}
