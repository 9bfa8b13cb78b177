import ArgumentParser
import Foundation
import StdKitCheck
import StdKitInterop
import StdKitModel
import StdKitSyntax

/// `stdkit trace`: the traceability matrix of requirements × courses.
struct TraceCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Show the traceability matrix: requirements and specifications × the courses that cover them.",
        discussion: """
            Each cell shows the highest level of the course's outcomes covering the row (● when \
            they give none). Gaps — rows no outcome covers — are listed first.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json, markdown
    }

    @Argument(help: "The project folder (default: the project of the current folder).")
    var path: String?

    @Option(help: "Output format: text, csv, json or markdown.")
    var format: Format = .text

    @Option(help: "Read the project as it is at a git revision (a commit, branch or tag), without a checkout.")
    var rev: String?

    func run(in environment: CommandEnvironment) async throws -> Int32 {
        let (_, project) = try await ProjectSource(staged: false, revision: rev).loadProject(at: path, environment: environment)
        let matrix = TraceMatrix(project)
        switch format {
        case .text: environment.output.write(Self.text(matrix))
        case .csv: environment.output.write(CSV.text(Self.rows(matrix)))
        case .json: environment.output.write(JSONOutput.encode(TraceJSON(matrix)) + "\n")
        case .markdown: environment.output.write(Self.markdown(matrix))
        }
        return 0
    }

    static func summary(_ matrix: TraceMatrix) -> String {
        let gaps = matrix.gaps.count
        return "\(matrix.rows.count) requirements and specifications, \(matrix.coveredCount) covered (\(percent(matrix.coverage))), "
            + "\(gaps) gap\(gaps == 1 ? "" : "s"), \(matrix.columns.count) courses"
    }

    static func percent(_ share: Double) -> String {
        let tenths = (share * 1000).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths)) %" : "\(tenths) %"
    }

    /// A terminal table: gaps first, then one block per document whose columns are the courses
    /// covering something in it, by label, with a legend below.
    static func text(_ matrix: TraceMatrix) -> String {
        var lines = ["traceability: " + summary(matrix)]
        if !matrix.gaps.isEmpty {
            lines += ["", "gaps (covered by no outcome):"]
            for row in matrix.gaps { lines.append("  \(row.fullID)  \(row.text)") }
        }
        let textWidth = 30
        var blocks: [(document: String, title: String, rows: [TraceMatrix.Row])] = []
        for row in matrix.rows {
            if blocks.last?.document == row.document { blocks[blocks.count - 1].rows.append(row) } else { blocks.append((row.document, row.documentTitle, [row])) }
        }
        for block in blocks {
            let columns = matrix.columns.filter { column in block.rows.contains { $0.cell(for: column.id) != nil } }
            let labels = columns.map { $0.label.padding(toLength: max(3, $0.label.count), withPad: " ", startingAt: 0) }
            lines += ["", "\(block.document)  \(block.title)",
                      String(repeating: " ", count: 8 + textWidth + 2) + labels.joined(separator: " ") + "  outcomes"]
            for row in block.rows {
                let cells = zip(columns, labels).map { column, label in
                    (row.cell(for: column.id) ?? "-").padding(toLength: label.count, withPad: " ", startingAt: 0)
                }
                let item = row.item.padding(toLength: 6, withPad: " ", startingAt: 0)
                lines.append("  \(item)\(TerminalText.fit(row.text, cells: textWidth))  \(cells.joined(separator: " "))  \(row.covers.count)")
            }
        }
        lines += ["", "courses:"]
        for column in matrix.columns { lines.append("  \(column.label.padding(toLength: 4, withPad: " ", startingAt: 0)) \(column.id)  \(column.title)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per row; a column per course holding the cell's level.
    /// The matrix as table rows: a header, then gaps first, then the covered rows.
    static func rows(_ matrix: TraceMatrix) -> [[String]] {
        var rows = [["document", "item", "kind", "statement", "level", "outcomes"] + matrix.columns.map(\.id)]
        for row in matrix.gaps + matrix.rows.filter(\.isCovered) {
            let cells = matrix.columns.map { row.cell(for: $0.id) ?? "" }
            rows.append([row.document, row.item, row.family, row.text, row.level ?? "", String(row.covers.count)] + cells)
        }
        return rows
    }

    /// A Markdown table per document, gaps first, and the legend of course columns.
    static func markdown(_ matrix: TraceMatrix) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["# Traceability", "", summary(matrix) + ".", ""]
        if !matrix.gaps.isEmpty {
            lines += ["## Gaps", ""]
            for row in matrix.gaps { lines.append("- **\(row.fullID)** \(cell(row.text))") }
            lines.append("")
        }
        var document = ""
        for row in matrix.rows {
            if row.document != document {
                document = row.document
                lines += ["## \(row.document) \(cell(row.documentTitle))", "",
                          "| item | statement | " + matrix.columns.map(\.label).joined(separator: " | ") + " | outcomes |",
                          "| --- | --- | " + matrix.columns.map { _ in "---" }.joined(separator: " | ") + " | --- |"]
            }
            let cells = matrix.columns.map { row.cell(for: $0.id) ?? "" }
            lines.append("| \(row.item) | \(cell(row.text)) | " + cells.joined(separator: " | ") + " | \(row.covers.count) |")
        }
        lines += ["", "## Courses", "", "| column | course | title |", "| --- | --- | --- |"]
        for column in matrix.columns { lines.append("| \(column.label) | \(column.id) | \(cell(column.title)) |") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The JSON form of the matrix (`stdkit trace --format json`), version "1".
struct TraceJSON: Encodable {
    struct Summary: Encodable {
        var rows: Int
        var covered: Int
        var coverage: Double
        var gaps: [String]
    }

    struct Course: Encodable {
        var id: String
        var title: String
        var label: String
    }

    struct Row: Encodable {
        var document: String
        var item: String
        var fullId: String
        var kind: String
        var text: String
        var level: String?
        var covered: Bool
        var coveredBy: [Cover]
        /// Course id → the cell's level.
        var cells: [String: String]
    }

    struct Cover: Encodable {
        var course: String
        var outcome: String
        var level: String?
    }

    var version = "1"
    var summary: Summary
    var courses: [Course]
    var rows: [Row]

    init(_ matrix: TraceMatrix) {
        summary = Summary(rows: matrix.rows.count, covered: matrix.coveredCount, coverage: (matrix.coverage * 10_000).rounded() / 10_000,
                          gaps: matrix.gaps.map(\.fullID))
        courses = matrix.columns.map { Course(id: $0.id, title: $0.title, label: $0.label) }
        rows = matrix.rows.map { row in
            Row(document: row.document, item: row.item, fullId: row.fullID, kind: row.family, text: row.text, level: row.level,
                covered: row.isCovered, coveredBy: row.covers.map { Cover(course: $0.course, outcome: $0.outcome, level: $0.level) },
                cells: Dictionary(uniqueKeysWithValues: matrix.columns.compactMap { column in row.cell(for: column.id).map { (column.id, $0) } }))
        }
    }
}
