import StdKitModel
import StdKitSyntax

/// A course's teaching units do not add up to its hours.
struct UnitHoursMismatch: Rule {
    let description = RuleDescription(
        id: "unit-hours-mismatch", family: .arithmetic, scope: .document,
        passing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: 课程\nhours: {theory: 8, practice: 8}\n---\n\n- **U1** 甲 {hours=6}\n- **U2** 乙 {hours=10}\n")],
        failing: [RuleExample(document: "---\nid: C1\nkind: course\ntitle: 课程\nhours: ↓{theory: 8, practice: 8}\n---\n\n- **U1** 弧焊编程 {hours=6}\n- **U2** 乙 {hours=12}\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.documents(ofKind: "course").compactMap { course in
            let units = course.items.filter { context.itemKind(of: $0.id, in: course)?.prefix == "U" }
            let hours = units.compactMap { unit in unit.attribute("hours").flatMap { Int($0) } }
            guard !hours.isEmpty, let hoursNode = course.frontMatter?["hours"],
                  let theory = ProgrammeTable.int(hoursNode["theory"]), let practice = ProgrammeTable.int(hoursNode["practice"]),
                  hours.reduce(0, +) != theory + practice else { return nil }
            return Diagnostic(
                rule: description.id, file: course.path, location: hoursNode.location,
                message: .unitsDiffer(course.id ?? course.path, hours: theory + practice, units: hours.reduce(0, +)),
                notes: units.first.map { [Diagnostic.Note(file: course.path, location: $0.location, message: .unitsStart)] } ?? [],
                hint: .correctUnits)
        }
    }
}

extension Message {
    fileprivate static func unitsDiffer(_ course: String, hours: Int, units: Int) -> Message {
        Message("unit-hours-mismatch.message", ["course": .verbatim(course), "hours": .number(hours), "units": .number(units)])
    }

    fileprivate static let unitsStart = Message("unit-hours-mismatch.note")
    fileprivate static let correctUnits = Message("unit-hours-mismatch.hint")
}
