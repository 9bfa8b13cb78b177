import StdKitModel
import StdKitSyntax

/// Courses whose prerequisites lead back to themselves.
struct PrerequisiteCycle: Rule {
    let description = RuleDescription(
        id: "prerequisite-cycle", family: .references,
        passing: [RuleExample(["a.md": "---\nid: C-A\nkind: course\ntitle: 甲\n---\n",
                               "b.md": "---\nid: C-B\nkind: course\ntitle: 乙\nprerequisites: [C-A]\n---\n"])],
        failing: [RuleExample(["a.md": "---\nid: C-A\nkind: course\ntitle: 机械基础\nprerequisites: [↓C-B]\n---\n",
                               "b.md": "---\nid: C-B\nkind: course\ntitle: 机器人编程\nprerequisites: [C-A]\n---\n"]),
                  RuleExample(document: "---\nid: C-A\nkind: course\ntitle: 自我先修\nprerequisites: [↓C-A]\n---\n")])

    /// A prerequisite link: the course that requires, the course required, where it is written.
    private struct Edge {
        var from: String
        var to: String
        var document: Document
        var location: SourceLocation
    }

    func check(_ context: CheckContext) -> [Diagnostic] {
        var edges: [String: [Edge]] = [:]
        for course in context.documents(ofKind: "course") {
            guard let id = course.id else { continue }
            for reference in course.references {
                guard case .field(let path) = reference.origin, path.hasPrefix("prerequisites["),
                      case .document(let target) = reference.resolution else { continue }
                edges[id, default: []].append(Edge(from: id, to: target, document: course, location: reference.syntax.location))
            }
        }
        // Depth-first search; a back edge closes a cycle. Each cycle is reported once, by its
        // set of courses, from the course that comes first by path.
        var findings: [Diagnostic] = []
        var reported: Set<[String]> = []
        var state: [String: Int] = [:]  // 1 on the stack, 2 done
        var stack: [Edge] = []
        func visit(_ node: String) {
            state[node] = 1
            for edge in edges[node] ?? [] {
                switch state[edge.to] {
                case 1:
                    let start = stack.firstIndex { $0.from == edge.to } ?? stack.count
                    let cycle = Array(stack[start...]) + [edge]
                    let key = cycle.map(\.from).sorted()
                    if reported.insert(key).inserted { findings.append(diagnostic(for: cycle)) }
                case nil:
                    stack.append(edge)
                    visit(edge.to)
                    stack.removeLast()
                default:
                    break
                }
            }
            state[node] = 2
        }
        for course in context.documents(ofKind: "course") {
            if let id = course.id, state[id] == nil { visit(id) }
        }
        return findings
    }

    private func diagnostic(for cycle: [Edge]) -> Diagnostic {
        // Start the spelled-out cycle at the course first by path, for stable output.
        let first = cycle.indices.min { cycle[$0].document.path.precedesInUTF8(cycle[$1].document.path) } ?? 0
        let ordered = Array(cycle[first...] + cycle[..<first])
        let lead = ordered[0]
        return Diagnostic(
            rule: description.id, file: lead.document.path, location: lead.location,
            message: ordered.count == 1 ? .ownPrerequisite(lead.from) : .cycle(ordered.map(\.from) + [ordered[0].from]),
            notes: ordered.dropFirst().map {
                Diagnostic.Note(file: $0.document.path, location: $0.location, message: .requires($0.from, $0.to))
            },
            hint: .removeWrongPrerequisite)
    }
}

extension Message {
    fileprivate static func ownPrerequisite(_ course: String) -> Message {
        Message("prerequisite-cycle.itself", ["course": .verbatim(course)])
    }

    /// The courses of the cycle in order, the first repeated at the end.
    fileprivate static func cycle(_ courses: [String]) -> Message {
        Message("prerequisite-cycle.message", ["cycle": .verbatim(courses.joined(separator: " → "))])
    }

    fileprivate static func requires(_ course: String, _ prerequisite: String) -> Message {
        Message("prerequisite-cycle.note", ["course": .verbatim(course), "prerequisite": .verbatim(prerequisite)])
    }

    fileprivate static let removeWrongPrerequisite = Message("prerequisite-cycle.hint")
}
