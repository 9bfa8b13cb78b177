import StdKitSyntax

/// The traceability matrix: every item that must be covered (job requirements, programme
/// specifications) against the courses whose outcomes cover it.
public struct TraceMatrix: Sendable {
    /// A course column.
    public struct Column: Sendable, Hashable {
        public var id: String
        public var title: String
        /// A short label for narrow tables: C1, C2, …
        public var label: String
    }

    /// One outcome covering a row.
    public struct Cover: Sendable, Hashable {
        public var course: String
        public var outcome: String
        public var level: String?
    }

    /// A row: one requirement or specification.
    public struct Row: Sendable, Hashable {
        public var document: String
        public var documentTitle: String
        public var item: String
        public var fullID: String
        /// The item family's name: requirement, training specification.
        public var family: String
        public var text: String
        public var level: String?
        public var covers: [Cover]

        public var isCovered: Bool { !covers.isEmpty }

        /// The highest level among `course`'s outcomes covering the row, "●" when they give
        /// none, nil when the course does not cover it.
        public func cell(for course: String) -> String? {
            let outcomes = covers.filter { $0.course == course }
            guard !outcomes.isEmpty else { return nil }
            return outcomes.compactMap(\.level).max { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) } ?? "●"
        }
    }

    public var columns: [Column]
    /// Rows grouped by document (in path order), items in document order; then the rows of the
    /// upstream job profiles the programmes name, by key (`ns:JOB-…`).
    public var rows: [Row]

    public var gaps: [Row] { rows.filter { !$0.isCovered } }
    public var coveredCount: Int { rows.filter(\.isCovered).count }
    /// The share of rows covered, 1 when there are none.
    public var coverage: Double { rows.isEmpty ? 1 : Double(coveredCount) / Double(rows.count) }

    public init(_ project: Project) {
        var rows: [Row] = []
        var coveringCourses: Set<String> = []
        /// The outcomes covering item `itemID` of document `id` (a key `ns:…` for an upstream's).
        func covers(of itemID: String, in id: String) -> [Cover] {
            var covers: [Cover] = []
            for source in project.index.sources(referencingItem: itemID, of: id) {
                guard let outcomeID = source.item,
                      let course = project.document(atPath: source.path),
                      project.schemas.schema(for: course.kind)?.itemKind(of: outcomeID)?.coverage == true else { continue }
                covers.append(Cover(course: source.document, outcome: outcomeID, level: course.item(outcomeID)?.attribute("level")))
                coveringCourses.insert(source.document)
            }
            return covers
        }
        for document in project.documents where !document.isPage && document.status != "withdrawn" {
            guard let id = document.id, let schema = project.schemas.schema(for: document.kind) else { continue }
            for item in document.items {
                guard let family = schema.itemKind(of: item.id), family.mustBeCovered else { continue }
                let covers = covers(of: item.id, in: id)
                rows.append(Row(document: id, documentTitle: document.title ?? id, item: item.id, fullID: item.fullID,
                                family: family.name, text: item.text, level: item.attribute("level"), covers: covers))
            }
        }
        // The requirements of the upstream job profiles the programmes name (`ns:JOB-…`) must be
        // covered by the project's outcomes like its own (DESIGN §14.2): they are rows too, after
        // the project's documents, by key.
        for (profile, requirements) in project.upstreamProfilesNamed {
            guard let key = profile.id else { continue }
            for requirement in requirements {
                let item = requirement.item
                let covers = covers(of: item.id, in: key)
                rows.append(Row(document: key, documentTitle: profile.title ?? key, item: item.id, fullID: "\(key)#\(item.id)",
                                family: requirement.family.name, text: item.text, level: item.attribute("level"), covers: covers))
            }
        }
        // Courses in the order of the programme's course table where there is one, then by path.
        let programmeOrder = project.documents.filter { $0.kind == "programme" }.flatMap { programme in
            programme.references.compactMap { reference -> String? in
                guard case .field(let path) = reference.origin, path.hasPrefix("courses["), case .document(let id) = reference.resolution else { return nil }
                return id
            }
        }
        let byPath = project.documents.filter { coveringCourses.contains($0.id ?? "") }.compactMap(\.id)
        var ordered: [String] = []
        var seen: Set<String> = []
        for id in programmeOrder + byPath where coveringCourses.contains(id) && seen.insert(id).inserted { ordered.append(id) }
        columns = ordered.enumerated().map { index, id in
            Column(id: id, title: project.document(id)?.title ?? id, label: "C\(index + 1)")
        }
        self.rows = rows
    }
}
