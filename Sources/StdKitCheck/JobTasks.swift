import StdKitModel

/// The work tasks of one job profile and the requirements' links to them.
struct JobTasks {
    let document: Document
    let context: CheckContext
    /// The ids of the profile's tasks (items of the family with prefix `T`), in order.
    let ids: [String]

    init(_ document: Document, _ context: CheckContext) {
        self.document = document
        self.context = context
        ids = document.items.filter { context.itemKind(of: $0.id, in: document)?.prefix == "T" }.map(\.id)
    }

    /// Whether `item` is a requirement (the family with prefix `R`).
    func isRequirement(_ item: Item) -> Bool {
        context.itemKind(of: item.id, in: document)?.prefix == "R"
    }

    /// Whether requirement `item` names a task of its own profile, one that exists or not: a
    /// task id that is not there (`→ #T9`) is `unresolved-reference`'s finding, not a missing link.
    func namesATask(_ item: Item) -> Bool {
        item.references.contains { reference in
            guard reference.targetDocument(from: document.id) == document.id, let task = reference.syntax.item else { return false }
            return context.itemKind(of: task, in: document)?.prefix == "T"
        }
    }

    /// The profile's own tasks that requirement `item` references (`#T2` or `JOB#T2`).
    func served(by item: Item) -> [String] {
        item.references.compactMap { reference in
            guard reference.targetDocument(from: document.id) == document.id, let task = reference.syntax.item,
                  ids.contains(task) else { return nil }
            return task
        }
    }
}
