import StdKitModel
import StdKitSyntax

/// Which documents an export to Word or PDF holds: one answer for both, so that
/// `--format docx` and `--format pdf` of the same project give the same documents in the same
/// order, and refuse the same things with the same words.
public enum ExportSelection {
    /// Why no documents could be chosen; its message says what to do.
    public struct Failure: Error, Sendable, Equatable {
        public var message: Message
    }

    /// The documents `ids` names, in the order given, each once; without ids, the programme
    /// and its courses (`programmeAndCourses`), which needs exactly one programme.
    public static func documents(of project: Project, ids: [String]) throws(Failure) -> [Document] {
        guard !ids.isEmpty else {
            let programmes = Self.programmes(of: project)
            guard programmes.count <= 1 else { throw Failure(message: .exportSeveralProgrammes(programmes.compactMap(\.id))) }
            let documents = programmeAndCourses(of: project)
            guard !documents.isEmpty else { throw Failure(message: .exportNoProgramme()) }
            return documents
        }
        var chosen: [Document] = []
        var seen: Set<String> = []
        for id in ids {
            guard let document = project.document(id), isOwn(document, in: project) else {
                let candidate = Suggestion.closest(to: id, among: project.documents.compactMap(\.id))
                throw Failure(message: .exportUnknownDocument(id, suggestion: candidate))
            }
            if seen.insert(document.path).inserted { chosen.append(document) }
        }
        return chosen
    }

    /// The programme (the first by path when there are several), then each course its
    /// `courses` list names, in that order; a course listed twice, not found, or another
    /// project's (an upstream's `ns:` key) is left out — the check reports what is wrong with
    /// the list. Empty when the project has no programme with an id: the export lists ids.
    public static func programmeAndCourses(of project: Project) -> [Document] {
        guard let programme = programmes(of: project).first else { return [] }
        var documents = [programme]
        var seen: Set<String> = [programme.path]
        for entry in CourseTable(programme)?.entries ?? [] {
            guard let id = entry.id, let course = project.document(id), !course.isPage, isOwn(course, in: project),
                  seen.insert(course.path).inserted else { continue }
            documents.append(course)
        }
        return documents
    }

    static func programmes(of project: Project) -> [Document] {
        project.documents.filter { $0.kind == "programme" && $0.id != nil }.sorted { $0.path < $1.path }
    }

    /// Whether `document` is the project's own, not an upstream's seen through a `ns:` key.
    static func isOwn(_ document: Document, in project: Project) -> Bool {
        project.document(atPath: document.path) != nil
    }
}

extension Message {
    static func exportNoProgramme() -> Message { Message("docx.no-programme") }
    static func exportSeveralProgrammes(_ ids: [String]) -> Message {
        Message("docx.several-programmes", ["ids": .verbatim(ids.sorted().joined(separator: ", "))])
    }
    static func exportUnknownDocument(_ id: String, suggestion: String?) -> Message {
        Message("docx.unknown-document", ["id": .verbatim(id), "suggestion": didYouMean(suggestion)])
    }
}
