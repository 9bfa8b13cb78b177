import StdKitModel
import StdKitSyntax

/// An employee training whose modules do not add up to its hours.
struct TrainingHoursMismatch: Rule {
    let description = RuleDescription(
        id: "training-hours-mismatch", family: .arithmetic, scope: .document,
        passing: [RuleExample(document: "---\nid: TRN-A\nkind: training\ntitle: 培训\nenterprise: hnauto\nhours: 24\n---\n\n- **TM1** 示教编程提升 {hours=16}\n- **TM2** 安全规程 {hours=8}\n")],
        failing: [RuleExample(document: "---\nid: TRN-A\nkind: training\ntitle: 培训\nenterprise: hnauto\nhours: ↓32\n---\n\n- **TM1** 示教编程提升 {hours=16}\n- **TM2** 安全规程 {hours=8}\n")])

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.documents(ofKind: "training").compactMap { training in
            let modules = training.items.filter { context.itemKind(of: $0.id, in: training)?.prefix == "TM" }
            let hours = modules.compactMap { module in module.attribute("hours").flatMap { Int($0) } }
            guard !hours.isEmpty, let hoursNode = training.frontMatter?["hours"], let total = CourseTable.int(hoursNode),
                  hours.reduce(0, +) != total else { return nil }
            return Diagnostic(
                rule: description.id, severity: description.severity, file: training.path, location: hoursNode.location,
                message: .modulesDiffer(training.id ?? training.path, hours: total, modules: hours.reduce(0, +)),
                notes: modules.first.map { [Diagnostic.Note(file: training.path, location: $0.location, message: .modulesStart)] } ?? [],
                hint: .correctModules)
        }
    }
}

extension Message {
    fileprivate static func modulesDiffer(_ training: String, hours: Int, modules: Int) -> Message {
        Message("training-hours-mismatch.message", ["training": .verbatim(training), "hours": .number(hours), "modules": .number(modules)])
    }

    fileprivate static let modulesStart = Message("training-hours-mismatch.note")
    fileprivate static let correctModules = Message("training-hours-mismatch.hint")
}
