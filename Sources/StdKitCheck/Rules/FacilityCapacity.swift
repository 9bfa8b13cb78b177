import StdKitModel
import StdKitSyntax

/// A facility too small for the classes of a course it hosts: its places (`stations` ×
/// `seats_per_station`) are fewer than the `cohort.class_size` of a programme whose course
/// table lists the course. A programme without a class size is not compared.
struct FacilityCapacity: Rule {
    let description = RuleDescription(
        id: "facility-capacity", family: .arithmetic,
        passing: [CooperationExample.project([
            "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n",
            "lab.md": "---\nid: LAB-WS\nkind: facility\ntitle: 工作站实训室\nowner: yhzy\nlocation: school\nstations: 12\nseats_per_station: 2\ncourses: [C1]\n---\n",
        ], programme: CooperationExample.programme(extra: "cohort: {year: 2026, size: 90, class_size: 24}\n"))],
        failing: [CooperationExample.project([
            "c.md": "---\nid: C1\nkind: course\ntitle: 课程\n---\n",
            "lab.md": "---\nid: LAB-WS\nkind: facility\ntitle: 工作站实训室\nowner: yhzy\nlocation: school\nstations: 10\nseats_per_station: 2\ncourses: [↓C1]  # 工业机器人编程\n---\n",
        ], programme: CooperationExample.programme(extra: "cohort: {year: 2026, size: 90, class_size: 45}\n"))])

    func check(_ context: CheckContext) -> [Diagnostic] {
        // Findings are in the facilities: with none in focus, the programmes are not read.
        let facilities = context.documents(ofKind: "facility").filter { $0.status != "withdrawn" && context.wants($0.path) }
        guard !facilities.isEmpty else { return [] }
        // The programmes listing each course, with their class sizes.
        var classSizes: [String: [(programme: String, size: Int)]] = [:]
        for programme in context.documents(ofKind: "programme") {
            guard let id = programme.id, let size = CourseTable.int(programme.frontMatter?["cohort"]?["class_size"]) else { continue }
            for course in Set(programme.referencedDocuments(inFields: { $0.hasPrefix("courses[") })) {
                classSizes[course, default: []].append((id, size))
            }
        }
        var findings: [Diagnostic] = []
        for facility in facilities {
            guard let front = facility.frontMatter, let stations = CourseTable.int(front["stations"]),
                  let seats = CourseTable.int(front["seats_per_station"]) else { continue }
            let places = stations * seats
            for reference in facility.references {
                guard case .field(let path) = reference.origin, path.hasPrefix("courses["), case .document(let course) = reference.resolution,
                      let largest = classSizes[course]?.max(by: { ($0.size, $1.programme) < ($1.size, $0.programme) }),
                      largest.size > places else { continue }
                findings.append(Diagnostic(
                    rule: description.id, severity: description.severity, file: facility.path, location: reference.syntax.location,
                    message: .tooSmall(facility.id ?? facility.path, stations: stations, seats: seats, course: course,
                                       classSize: largest.size, programme: largest.programme),
                    hint: .enlarge(needed: largest.size)))
            }
        }
        return findings
    }
}

extension Message {
    fileprivate static func tooSmall(_ facility: String, stations: Int, seats: Int, course: String, classSize: Int, programme: String) -> Message {
        Message("facility-capacity.message", [
            "facility": .verbatim(facility), "stations": .number(stations), "seats": .number(seats), "places": .number(stations * seats),
            "course": .verbatim(course), "size": .number(classSize), "programme": .verbatim(programme),
        ])
    }

    fileprivate static func enlarge(needed: Int) -> Message {
        Message("facility-capacity.hint", ["needed": .number(needed)])
    }
}
