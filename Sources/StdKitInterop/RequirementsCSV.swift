import Foundation
import StdKitModel
import StdKitSyntax

/// Job profiles (or certificate standards) from a spreadsheet of requirements, one per row,
/// columns found by their header in Chinese or English (docs/interop.md lists the names).
public struct RequirementsCSV: Sendable {
    /// What a column holds.
    public enum Column: String, CaseIterable, Sendable {
        case statement, id, level, task, job, note

        /// The headers that name the column, compared without case, spaces, `_` and `-`.
        public var headers: [String] {
            switch self {
            case .statement: ["statement", "requirement", "requirements", "competence", "text", "description",
                              "要求", "能力要求", "职业能力要求", "岗位能力要求", "技能要求", "内容", "描述", "要求内容"]
            case .id: ["id", "code", "no", "number", "编号", "代码", "序号", "要求编号"]
            case .level: ["level", "等级", "级别", "层级", "水平", "要求等级"]
            case .task: ["task", "worktask", "tasks", "工作任务", "典型工作任务", "任务", "工作领域", "模块"]
            case .job: ["job", "position", "jobtitle", "岗位", "岗位名称", "职位", "工种"]
            case .note: ["note", "notes", "remark", "remarks", "comment", "备注", "说明"]
            }
        }

        static func of(header: String) -> Column? {
            let key = header.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
            return allCases.first { $0.headers.contains(key) }
        }
    }

    public typealias Failure = ImportFailure

    public let template: DocumentTemplate
    public let date: String

    public init(template: DocumentTemplate, date: String = DocumentTemplate.today()) {
        self.template = template
        self.date = date
    }

    /// The documents of the table in `text`: one, or one per value of a job column. `name` is the
    /// file's name, for the citation and the default title; `id` the document id (numbered when
    /// the table holds several jobs).
    public func documents(from text: String, name: String, encoding: TextDecoding.Encoding, id: String?, title: String?) throws(Failure) -> [NewDocument] {
        let records: [(line: Int, fields: [String])]
        do {
            records = try CSV.records(text)
        } catch {
            throw Failure(description: "\(name):\(error.line): \(error.message)")
        }
        guard let header = records.first else { throw Failure(description: "\(name) is empty") }
        var columns: [Column: Int] = [:]
        var unused: [String] = []
        for (index, title) in header.fields.enumerated() {
            let trimmed = title.trimmingCharacters(in: .whitespaces)
            if let column = Column.of(header: trimmed), columns[column] == nil { columns[column] = index } else if !trimmed.isEmpty { unused.append(trimmed) }
        }
        guard columns[.statement] != nil else {
            throw Failure(description: "\(name):\(header.line): no column of requirements; name one \(Column.statement.headers.map { "'\($0)'" }.joined(separator: ", "))")
        }
        var notes: [String] = []
        if !unused.isEmpty { notes.append("columns not imported: \(unused.joined(separator: ", ")) (docs/interop.md lists the headers read)") }

        // Rows by job, in the order jobs first appear.
        var jobs: [String] = []
        var rows: [String: [(line: Int, fields: [String])]] = [:]
        /// The cell of `column` in `record`, trimmed; empty where the row is shorter.
        func cell(_ column: Column, _ record: (line: Int, fields: [String])) -> String {
            columns[column].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        for record in records.dropFirst() {
            func value(_ column: Column) -> String { cell(column, record) }
            guard !value(.statement).isEmpty else {
                if record.fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    notes.append("line \(record.line) has no requirement text and was skipped")
                }
                continue
            }
            let job = value(.job)
            if rows[job] == nil { jobs.append(job) }
            rows[job, default: []].append(record)
        }
        guard !jobs.isEmpty else { throw Failure(description: "\(name) has no rows with a requirement") }

        let prefix = template.schema.kind == "certificate" ? "SK" : "R"
        let stem = (name as NSString).deletingPathExtension
        var documents: [NewDocument] = []
        for (number, job) in jobs.enumerated() {
            let documentTitle = jobs.count == 1 ? (title ?? (job.isEmpty ? stem : job)) : (job.isEmpty ? stem : job)
            let documentID = id.map { jobs.count == 1 ? $0 : "\($0)-\(number + 1)" } ?? template.makeID(from: documentTitle)
            var items: [ItemNode] = []
            var tasks: [String] = []
            var used: [String: Int] = [:]
            var documentNotes = notes
            /// The id a cell gives: an item id of the family as written, a number N as `RN`.
            func writtenID(_ written: String) -> String? {
                if Identifier.isValidItem(written), template.schema.itemKind(of: written)?.prefix == prefix { return written }
                if !written.isEmpty, written.allSatisfy(\.isASCIIDigit), let number = Int(written) { return prefix + String(number) }
                return nil
            }
            let explicit = Set(rows[job]!.compactMap { writtenID(cell(.id, $0)) })
            var next = 1
            for record in rows[job]! {
                func value(_ column: Column) -> String { cell(column, record) }
                var attributes: [(key: String, value: String)] = []
                let written = value(.id)
                var itemID: String
                if let id = writtenID(written) {
                    itemID = id
                } else {
                    // The next number no row gives and none was given yet.
                    repeat {
                        itemID = prefix + String(next)
                        next += 1
                    } while explicit.contains(itemID) || used[itemID] != nil
                    if !written.isEmpty { attributes.append(("code", written)) }
                }
                if let first = used[itemID] {
                    throw Failure(description: "\(name):\(record.line): the id \(itemID) is also on line \(first); make the ids unique or leave the column empty")
                }
                used[itemID] = record.line
                if !value(.level).isEmpty { attributes.append(("level", value(.level))) }
                let task = value(.task)
                if !task.isEmpty {
                    if !tasks.contains(task) { tasks.append(task) }
                    attributes.append(("task", "T\(tasks.firstIndex(of: task)! + 1)"))
                }
                if !value(.note).isEmpty { attributes.append(("note", value(.note))) }
                let paragraphs = CASEImport.paragraphs(of: value(.statement))
                items.append(ItemNode(id: itemID, statement: paragraphs.first ?? "", attributes: attributes, blocks: Array(paragraphs.dropFirst())))
            }
            let taskItems = tasks.enumerated().map { ItemNode(id: "T\($0.offset + 1)", statement: $0.element) }
            var content: [String: [String]] = [:]
            if let section = template.sectionTitle(named: CASEImport.defaultSection(for: template.schema.kind) ?? "") ?? template.sectionTitles.last {
                content[section] = ItemNode.markdown(items)
            }
            if !taskItems.isEmpty, let section = template.sectionTitle(named: "典型工作任务") {
                content[section] = ItemNode.markdown(taskItems)
            } else if !taskItems.isEmpty {
                documentNotes.append("the kind has no work-task section: the task column is kept as the attribute 'task' only")
            }
            let citation = template.chinese
                ? "来源：表格 \(ItemNode.escaped(name))（\(encoding.rawValue.uppercased())）\(job.isEmpty ? "" : "中岗位“\(ItemNode.escaped(job))”的行")，\(date) 导入。"
                : "Source: the spreadsheet \(ItemNode.escaped(name)) (\(encoding.rawValue.uppercased()))\(job.isEmpty ? "" : ", the rows of “\(ItemNode.escaped(job))”"), imported on \(date)."
            let text = template.text(id: documentID, title: documentTitle, owner: nil, lead: [citation], content: content)
            let all = ItemNode.flattened(taskItems + items)
            documents.append(NewDocument(id: documentID, kind: template.schema.kind, text: text, items: all, notes: documentNotes))
        }
        return documents
    }
}
