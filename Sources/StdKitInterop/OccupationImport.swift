import Foundation
import StdKitModel
import StdKitSyntax

/// Job profiles bootstrapped from occupational frameworks: O*NET's task statements or ESCO's
/// essential skills become the requirements, the occupation's description the lead, and the
/// source is cited with its attribution.
public struct OccupationImport: Sendable {
    public typealias Failure = ImportFailure

    public let template: DocumentTemplate
    public let date: String

    public init(template: DocumentTemplate, date: String = DocumentTemplate.today()) {
        self.template = template
        self.date = date
    }

    // MARK: O*NET

    /// The O*NET database's text files: tab-separated, a header line.
    static func onetRows(_ file: URL) throws(Failure) -> [[String]] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Failure(description: "\(file.path) is missing: give --data the folder of the O*NET database's text files")
        }
        let text: String
        do { text = try TextDecoding.decode(Array(data)).text } catch { throw Failure(description: "\(file.lastPathComponent): \(error)") }
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A job profile of O*NET occupation `code` (`51-4121.00`, or `51-4121` for its `.00`)
    /// from the database in `folder`: its task statements as requirements, in the database's
    /// order, each with its task id and type (core or supplemental).
    public func onet(code: String, folder: URL, id: String?) throws(Failure) -> NewDocument {
        let wanted = code.contains(".") ? code : code + ".00"
        guard let occupation = try Self.onetRows(folder.appendingPathComponent("Occupation Data.txt")).first(where: { $0.first == wanted }),
              occupation.count >= 3 else {
            throw Failure(description: "O*NET has no occupation \(wanted) in \(folder.path) (codes look like 51-4121.00)")
        }
        let tasks = try Self.onetRows(folder.appendingPathComponent("Task Statements.txt")).filter { $0.first == wanted && $0.count >= 5 }
        guard !tasks.isEmpty else { throw Failure(description: "O*NET has no task statements for \(wanted)") }
        let items = tasks.enumerated().map { index, row in
            var attributes: [(key: String, value: String)] = [("onet-task", row[2])]
            if !row[4].isEmpty && row[4] != "n/a" { attributes.append(("type", row[4].lowercased())) }
            return ItemNode(id: "R\(index + 1)", statement: row[3], attributes: attributes)
        }
        let version = (try? String(contentsOf: folder.appendingPathComponent("Read Me.txt"), encoding: .utf8))?
            .split(separator: "\n").first.map { $0.replacingOccurrences(of: " Database", with: "") } ?? "O*NET"
        let attribution = "This work uses \(version) by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license."
        let source = template.chinese
            ? "来源：\(version) 职业 \(wanted)「\(occupation[1])」的任务描述（\(tasks.count) 条），\(date) 导入。\(attribution)"
            : "Source: the task statements of \(version) occupation \(wanted), “\(occupation[1])” (\(tasks.count)), imported on \(date). \(attribution)"
        return document(id: id ?? "JOB-ONET-" + wanted.replacingOccurrences(of: ".", with: "-"), title: occupation[1],
                        lead: [occupation[2], source], items: items, fields: [])
    }

    // MARK: ESCO

    /// A table of an ESCO CSV file: its header and rows, by column name.
    struct Table {
        var rows: [[String: String]]

        init(_ file: URL) throws(Failure) {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw Failure(description: "\(file.lastPathComponent) is missing in \(file.deletingLastPathComponent().path)")
            }
            do {
                let records = try CSV.records(try TextDecoding.decode(Array(data)).text)
                let header = records.first?.fields ?? []
                rows = records.dropFirst().map { record in
                    Dictionary(zip(header, record.fields).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
                }
            } catch let error as CSV.Failure {
                throw Failure(description: "\(file.lastPathComponent):\(error.line): \(error.message)")
            } catch {
                throw Failure(description: "\(file.lastPathComponent): \(error)")
            }
        }
    }

    /// The two layouts of ESCO's CSV files: the European Commission's download
    /// (`occupations_en.csv`, `occupationSkillRelations_en.csv`, `skills_en.csv`, camel-case
    /// columns, concepts by URI) and Tabiya's (`occupations.csv`, `occupation_to_skill_relations.csv`,
    /// `skills.csv`, upper-case columns, concepts by ID).
    struct ESCOLayout {
        var occupations, relations, skills: String
        var key, uri, label, description, isco, code: String
        var relationOccupation, relationType, relationSkill: String
        var skillKey, skillLabel, skillDescription, skillType: String

        static let commission = ESCOLayout(
            occupations: "occupations_en.csv", relations: "occupationSkillRelations_en.csv", skills: "skills_en.csv",
            key: "conceptUri", uri: "conceptUri", label: "preferredLabel", description: "description", isco: "iscoGroup", code: "code",
            relationOccupation: "occupationUri", relationType: "relationType", relationSkill: "skillUri",
            skillKey: "conceptUri", skillLabel: "preferredLabel", skillDescription: "description", skillType: "skillType")
        static let tabiya = ESCOLayout(
            occupations: "occupations.csv", relations: "occupation_to_skill_relations.csv", skills: "skills.csv",
            key: "ID", uri: "ORIGINURI", label: "PREFERREDLABEL", description: "DESCRIPTION", isco: "ISCOGROUPCODE", code: "CODE",
            relationOccupation: "OCCUPATIONID", relationType: "RELATIONTYPE", relationSkill: "SKILLID",
            skillKey: "ID", skillLabel: "PREFERREDLABEL", skillDescription: "DESCRIPTION", skillType: "SKILLTYPE")
    }

    /// A job profile of ESCO occupation `occupation` (its URI, the UUID at the URI's end, its
    /// ESCO code, or its preferred label) from the CSV files in `folder`: its essential skills
    /// as requirements, by label, each with its URI; its description as the lead.
    public func esco(occupation: String, folder: URL, id: String?) throws(Failure) -> NewDocument {
        let layouts = [ESCOLayout.commission, .tabiya]
        guard let layout = layouts.first(where: { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0.occupations).path) }) else {
            throw Failure(description: "no ESCO occupations file in \(folder.path) (occupations_en.csv from the ESCO download, or Tabiya's occupations.csv)")
        }
        let occupations = try Table(folder.appendingPathComponent(layout.occupations)).rows
        let wanted = occupation.trimmingCharacters(in: .whitespaces)
        let matches = occupations.filter { row in
            let uri = row[layout.uri] ?? ""
            return uri == wanted || uri.hasSuffix("/" + wanted) || row[layout.code] == wanted || row[layout.key] == wanted
                || row[layout.label]?.caseInsensitiveCompare(wanted) == .orderedSame
        }
        guard let row = matches.first else { throw Failure(description: "ESCO has no occupation '\(wanted)' in \(layout.occupations) (give its URI, UUID, code or preferred label)") }
        guard matches.count == 1 else {
            throw Failure(description: "'\(wanted)' names \(matches.count) ESCO occupations; give the URI of one: \(matches.compactMap { $0[layout.uri] }.joined(separator: ", "))")
        }
        let relationsFile = folder.appendingPathComponent(layout.relations)
        guard FileManager.default.fileExists(atPath: relationsFile.path) else {
            throw Failure(description: "\(layout.relations) is missing in \(folder.path): the occupation–skill relations are in ESCO's full CSV download")
        }
        let key = row[layout.key] ?? ""
        let essential = try Table(relationsFile).rows.filter { $0[layout.relationOccupation] == key && $0[layout.relationType]?.lowercased() == "essential" }
        let skills = Dictionary(try Table(folder.appendingPathComponent(layout.skills)).rows.map { ($0[layout.skillKey] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        var missing: [String] = []
        let items = essential.compactMap { relation -> (String, [(key: String, value: String)])? in
            let skillKey = relation[layout.relationSkill] ?? ""
            guard let skill = skills[skillKey], let label = skill[layout.skillLabel], !label.isEmpty else {
                missing.append(skillKey)
                return nil
            }
            var attributes: [(key: String, value: String)] = [("esco", skill[layout.uri] ?? skillKey)]
            if let type = skill[layout.skillType], !type.isEmpty { attributes.append(("type", type)) }
            return (label, attributes)
        }.sorted { $0.0.localizedStandardCompare($1.0) == .orderedAscending }
            .enumerated().map { ItemNode(id: "R\($0.offset + 1)", statement: $0.element.0, attributes: $0.element.1) }
        guard !items.isEmpty else { throw Failure(description: "ESCO lists no essential skills for '\(row[layout.label] ?? wanted)'") }
        let label = row[layout.label] ?? wanted
        let uri = row[layout.uri] ?? key
        let attribution = "ESCO — European Skills, Competences, Qualifications and Occupations, © European Union."
        let source = template.chinese
            ? "来源：ESCO 职业「\(label)」（\(uri)，ISCO \(row[layout.isco] ?? "")）的必备技能（\(items.count) 项），\(date) 导入。\(attribution)"
            : "Source: the essential skills of the ESCO occupation “\(label)” (\(uri), ISCO \(row[layout.isco] ?? "")), \(items.count), imported on \(date). \(attribution)"
        var document = self.document(id: id ?? template.makeID(from: label), title: label, lead: [row[layout.description] ?? "", source], items: items, fields: [])
        if !missing.isEmpty { document.notes.append("\(missing.count) essential skills are not in \(layout.skills) and were left out") }
        return document
    }

    /// The job profile: the lead paragraphs, the items in the requirements section.
    func document(id: String, title: String, lead: [String], items: [ItemNode], fields: [(String, String)]) -> NewDocument {
        let section = template.sectionTitle(named: CASEImport.defaultSection(for: template.schema.kind) ?? "") ?? template.sectionTitles.last ?? "Requirements"
        let text = template.text(id: id, title: title, owner: nil, fields: fields,
                                 lead: lead.filter { !$0.isEmpty }.map(ItemNode.escaped), content: [section: ItemNode.markdown(items)])
        return NewDocument(id: id, kind: template.schema.kind, text: text, items: items)
    }
}
