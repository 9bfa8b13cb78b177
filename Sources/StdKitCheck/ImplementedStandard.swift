import StdKitModel
import StdKitSyntax

/// A local programme that implements an upstream programme (`implements: ns:PROG-NS-460305`,
/// DESIGN §14.2), with what the conformance rules read of both: the upstream programme as the
/// project sees it, the upstream read as a project of its own (its schemas, its profile), and
/// which local courses implement which upstream course.
///
/// Only a programme whose `implements` resolves into an upstream that is there is one: an
/// unresolved `implements` is `unresolved-reference`'s, an absent upstream `upstream-missing`'s,
/// and nothing else is reported against either.
struct ImplementedStandard {
    /// The local programme.
    var programme: Document
    /// Where the programme's `implements` value is written: findings about the programme as a
    /// whole stand there, in the programme's own file.
    var location: SourceLocation
    var upstream: Upstream
    /// The upstream read as a project of its own.
    var upstreamProject: Project
    /// The upstream programme as the local project sees it: id `ns:PROG-…`, path under the
    /// upstream's folder.
    var standard: Document
    /// For each local course that implements an upstream course, the key it implements
    /// (`ns:COURSE-NS-…`), by the local course's id.
    var implementedCourses: [String: String]

    /// The key of the upstream programme (`ns:PROG-NS-460305`).
    var key: String { standard.id ?? "" }

    /// Every programme of the project that implements an upstream programme, in path order.
    static func all(in context: CheckContext) -> [ImplementedStandard] {
        let project = context.project
        guard !project.upstreams.isEmpty else { return [] }
        var implemented: [String: String] = [:]
        for course in context.documents(ofKind: "course") {
            guard let id = course.id, let key = implementsKey(of: course) else { continue }
            implemented[id] = key
        }
        return context.documents(ofKind: "programme").compactMap { programme in
            guard let reference = programme.references.first(where: { $0.origin == .field("implements") }),
                  let prefix = reference.syntax.upstream, case .document(let key) = reference.resolution,
                  let upstream = project.upstream(prefix), let upstreamProject = upstream.project,
                  let standard = project.document(key), standard.kind == "programme" else { return nil }
            return ImplementedStandard(programme: programme, location: reference.syntax.location, upstream: upstream,
                                       upstreamProject: upstreamProject, standard: standard, implementedCourses: implemented)
        }
    }

    /// The upstream key a document's `implements` names (`ns:COURSE-NS-…`), as written: a key
    /// into an upstream, whether or not it resolves (`unresolved-reference` says when not).
    static func implementsKey(of document: Document) -> String? {
        guard let reference = document.references.first(where: { $0.origin == .field("implements") }),
              reference.syntax.upstream != nil else { return nil }
        return reference.syntax.document
    }

    /// The key under which the project knows the upstream's document `id`.
    func key(of id: String) -> String { upstream.key(of: id) }

    /// The upstream programme's course table.
    var standardTable: CourseTable? { CourseTable(standard) }

    /// The local programme's course table.
    var table: CourseTable? { CourseTable(programme) }

    /// The upstream programme's professional core courses, each with its key.
    var coreCourses: [(key: String, entry: CourseTable.Entry)] {
        (standardTable?.entries ?? []).compactMap { entry in
            guard entry.category == "professional-core", let id = entry.id else { return nil }
            return (key(of: id), entry)
        }
    }

    /// The entries of the local course table that are the upstream course `key` (`id: ns:…`)
    /// or a local course implementing it.
    func localEntries(for key: String) -> [CourseTable.Entry] {
        (table?.entries ?? []).filter { entry in
            guard let id = entry.id else { return false }
            return id == key || implementedCourses[id] == key
        }
    }

    /// The upstream document `key` named in a message: its title and key where it has a
    /// document, else its key.
    func named(_ key: String) -> Message.Argument {
        .message(Self.named(key, title: title(of: key)))
    }

    /// The title of the upstream document `key`, if the upstream has it.
    private func title(of key: String) -> String? {
        guard let (_, id) = ReferenceSyntax.splitUpstream(key) else { return nil }
        return upstreamProject.document(id)?.title
    }

    static func named(_ key: String, title: String?) -> Message {
        guard let title, !title.isEmpty else { return Message("common.upstream.key", ["key": .verbatim(key)]) }
        return Message("common.upstream.titled", ["key": .verbatim(key), "title": .verbatim(title)])
    }

    /// The local programme named in a message: its id (its path when it has none).
    var programmeName: Message.Argument { .verbatim(programme.id ?? programme.path) }

    /// A statement shortened for a message: at most `limit` characters, `…` marking a cut (a
    /// comma or space left before the cut dropped, so that it reads `保养…`, not `保养，…`).
    static func short(_ text: String, limit: Int = 30) -> String {
        guard text.count > limit else { return text }
        var cut = text.prefix(limit)
        while let last = cut.last, "，、；：,;: ".contains(last) { cut.removeLast() }
        return cut + "…"
    }
}
